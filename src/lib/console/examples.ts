/**
 * Example queries, one click each, answering questions analysts actually ask of these tables.
 * Each is checked against the seed reports in tests/sql/console-examples.test.ts (real DuckDB).
 */
import type { ChartChoice } from './url-state';

export interface ExampleQuery {
	readonly id: string;
	readonly title: string;
	readonly sql: string;
	/** A chart that fits the result, set together with the query. */
	readonly chart?: ChartChoice;
}

/** One 三公 value per department, year, item and basis: stated beats derived, then by report. */
const SANGONG_ONE = `SELECT * FROM sangong
  WHERE unit IS NULL
  QUALIFY row_number() OVER (PARTITION BY org_id, year, item, basis ORDER BY derived, report_id) = 1`;

export const EXAMPLES: readonly ExampleQuery[] = [
	{
		id: 'sangong-yoy',
		title: '三公经费同比变化（按部门、项目，决算）',
		sql: `-- 三公经费同比变化：每个部门、每个项目，决算口径，部门合计（unit 为空）
WITH s AS (
  ${SANGONG_ONE}
)
SELECT o.org_name, cur.item, cur.year,
  cur.amount_wan,
  prev.amount_wan AS prev_amount_wan,
  cur.amount_wan - prev.amount_wan AS change_wan,
  (cur.amount_wan - prev.amount_wan) / prev.amount_wan AS change_rate,
  cur.derived OR prev.derived AS uses_derived
FROM s cur
JOIN s prev ON prev.org_id = cur.org_id AND prev.item = cur.item
  AND prev.basis = cur.basis AND prev.year = cur.year - 1
JOIN orgs o ON o.org_id = cur.org_id
WHERE cur.basis = 'actual'
ORDER BY change_wan`,
		chart: { kind: 'bar', x: 'org_name', y: ['change_wan'] }
	},
	{
		id: 'low-execution',
		title: '预算执行率低于 90% 的部门',
		sql: `-- 预算执行率低于 90%：计算值优先，没有金额时用报告所写的执行率
SELECT org_name, fiscal_year, budget_full_year, executed,
  coalesce(execution_rate, execution_rate_reported) AS execution_rate,
  execution_rate IS NULL AS rate_as_reported
FROM reports
WHERE coalesce(execution_rate, execution_rate_reported) < 0.9
ORDER BY execution_rate`
	},
	{
		id: 'score-vs-rate',
		title: '自评得分与预算执行率',
		sql: `-- 自评得分与预算执行率：高分低执行的报告值得细看
SELECT org_name, fiscal_year, score_total,
  coalesce(execution_rate, execution_rate_reported) AS execution_rate
FROM reports
WHERE score_total IS NOT NULL
ORDER BY score_total DESC`,
		chart: { kind: 'scatter', x: 'execution_rate', y: ['score_total'] }
	},
	{
		id: 'findings-per-org',
		title: '每个部门的核查发现',
		sql: `-- 每个部门、年度的核查发现，按严重程度计数
SELECT r.org_name, r.fiscal_year,
  count(*) FILTER (WHERE f.severity = 'error')::INTEGER AS errors,
  count(*) FILTER (WHERE f.severity = 'warning')::INTEGER AS warnings,
  count(*) FILTER (WHERE f.severity = 'info')::INTEGER AS infos,
  count(*)::INTEGER AS findings
FROM findings f
JOIN reports r USING (report_id)
GROUP BY r.org_name, r.fiscal_year
ORDER BY findings DESC, r.org_name`,
		chart: { kind: 'bar', x: 'org_name', y: ['errors', 'warnings'] }
	},
	{
		id: 'quote-behind-number',
		title: '数字背后的原文（鼎城区公务用车运行维护费）',
		sql: `-- 一个数字从哪句话来：facts 记录每个发布值的原文、位置与取得方法
SELECT o.org_name, s.year, s.item, s.amount_wan, s.derived,
  f.method, f.rule, f.span_start, f.span_end, f.quote
FROM sangong s
JOIN orgs o ON o.org_id = s.org_id
JOIN facts f ON f.report_id = s.report_id
  AND f.table_name = 'sangong' AND f.column_name = 'amount_wan'
  AND f.row_key = concat_ws('|', s.year, s.item, s.basis, coalesce(s.unit, ''))
WHERE o.org_name LIKE '%鼎城区%' AND s.item = 'vehicle_operation'
ORDER BY s.year DESC`
	}
];
