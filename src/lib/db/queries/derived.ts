/**
 * The dashboard's derived tables: the contract tables reduced once to what the charts read, so
 * each filter change runs small, simple queries. The same SQL runs at build time (Node API; the
 * results are prerendered as `tables/<name>.duckdb`, which the browser attaches instead of the
 * large contract tables) and can run in the browser (DuckDB-WASM) after rows are added there.
 *
 * Rules, in one place:
 * - one report per department and fiscal year (the first by report_id when two claim it);
 * - one 三公 value per department, year, item and basis at department level (unit IS NULL):
 *   a stated value beats a derived one, the report about that year beats a later one restating it;
 * - a 三公 total is the stated total, else the sum of the stated items (`computed`), never 0 for
 *   missing: no items → no total;
 * - a value is `flagged` when its quoted span overlaps the span of an error or warning finding;
 * - rows of reports imported in this browser (`local_reports`, see /import/) are `local`, their
 *   department name carries “（本地导入）”, and a published value always wins over a local one for
 *   the same department, year and item (a local report never silently replaces published data).
 */
import { type TableShape, createTableIfMissingSql, ident } from '../tables-sql';

/** Reports the user imported in this browser; empty at build time. */
export const LOCAL_REPORTS_TABLE: TableShape = {
	name: 'local_reports',
	columns: [
		{ name: 'report_id', type: 'VARCHAR' },
		{ name: 'file_name', type: 'VARCHAR' },
		{ name: 'imported_at', type: 'VARCHAR' },
		/** The report's department was not in the published orgs table (its orgs row is local too). */
		{ name: 'new_org', type: 'BOOLEAN' }
	]
};

/** The mark appended to a local report's department name wherever the dashboard shows it. */
export const LOCAL_MARK = '（本地导入）';
const isLocal = (reportId: string) =>
	`EXISTS (SELECT 1 FROM local_reports l WHERE l.report_id = ${reportId})`;
const markedName = (reportId: string) =>
	`CASE WHEN ${isLocal(reportId)} THEN o.org_name || '${LOCAL_MARK}' ELSE o.org_name END`;

export interface DerivedTable {
	readonly name: string;
	readonly sql: string;
}

/** Published values whose quote overlaps an error/warning finding (needs facts: not shipped). */
const FLAGS = `
	SELECT DISTINCT fa.report_id, fa.table_name, fa.column_name, coalesce(fa.row_key, '') AS row_key
	FROM facts fa JOIN findings fi
	  ON fi.report_id = fa.report_id AND fi.span_start IS NOT NULL AND fi.span_end IS NOT NULL
	 AND fi.span_start < fa.span_end AND fi.span_end > fa.span_start
	WHERE fi.severity IN ('error', 'warning')`;

const RATE_COLUMNS = `('budget_initial', 'budget_full_year', 'executed', 'execution_rate', 'execution_rate_reported')`;

export const DERIVED_TABLES: readonly DerivedTable[] = [
	{ name: 'dash_flags', sql: FLAGS },
	{
		name: 'dash_rep',
		sql: `
		SELECT r.report_id, r.org_id, ${markedName('r.report_id')} AS org_name, r.fiscal_year::INTEGER AS year,
		  r.score_total::DOUBLE AS score, r.grade,
		  r.budget_initial::DOUBLE AS budget_initial, r.budget_full_year::DOUBLE AS budget_full_year,
		  r.executed::DOUBLE AS executed,
		  coalesce(r.execution_rate, r.execution_rate_reported)::DOUBLE AS rate,
		  r.execution_rate::DOUBLE AS rate_computed, r.execution_rate_reported::DOUBLE AS rate_reported,
		  (CASE WHEN r.budget_initial > 0 AND r.budget_full_year IS NOT NULL
		        THEN r.budget_full_year / r.budget_initial - 1 END)::DOUBLE AS adjustment,
		  EXISTS (SELECT 1 FROM dash_flags ff WHERE ff.report_id = r.report_id AND ff.table_name = 'reports'
		    AND ff.column_name IN ${RATE_COLUMNS}) AS rate_flagged,
		  EXISTS (SELECT 1 FROM dash_flags ff WHERE ff.report_id = r.report_id AND ff.table_name = 'reports'
		    AND ff.column_name IN ('score_total', 'grade')) AS score_flagged,
		  ${isLocal('r.report_id')} AS local
		FROM reports r JOIN orgs o ON o.org_id = r.org_id
		WHERE r.fiscal_year IS NOT NULL
		QUALIFY row_number() OVER (PARTITION BY r.org_id, r.fiscal_year ORDER BY ${isLocal('r.report_id')}, r.report_id) = 1`
	},
	{
		name: 'dash_sg',
		sql: `
		SELECT b.*,
		  bool_or(b.item IN ('vehicle_purchase', 'vehicle_operation')) OVER w AS has_split,
		  bool_or(b.item <> 'total') OVER w AS has_items
		FROM (
		  SELECT s.org_id, ${markedName('s.report_id')} AS org_name, s.year::INTEGER AS year, s.item, s.basis,
		    s.amount_wan::DOUBLE AS amount_wan, s.derived, s.report_id, ${isLocal('s.report_id')} AS local,
		    EXISTS (SELECT 1 FROM dash_flags ff WHERE ff.report_id = s.report_id AND ff.table_name = 'sangong'
		      AND ff.row_key = s.year || '|' || s.item || '|' || s.basis || '|') AS flagged
		  FROM sangong s JOIN reports r ON r.report_id = s.report_id JOIN orgs o ON o.org_id = s.org_id
		  WHERE s.unit IS NULL AND s.amount_wan IS NOT NULL
		  QUALIFY row_number() OVER (
		    PARTITION BY s.org_id, s.year, s.item, s.basis
		    ORDER BY s.derived, ${isLocal('s.report_id')}, (r.fiscal_year = s.year) DESC, r.fiscal_year DESC, s.report_id) = 1
		) b
		WINDOW w AS (PARTITION BY b.org_id, b.year, b.basis)`
	},
	{
		name: 'dash_sg_total',
		sql: `
		SELECT org_id, any_value(org_name) AS org_name, year, basis,
		  (CASE WHEN bool_or(item = 'total') THEN max(amount_wan) FILTER (WHERE item = 'total')
		       ELSE sum(amount_wan) FILTER (WHERE item <> 'total' AND NOT (item = 'vehicle_total' AND has_split)) END)::DOUBLE AS amount_wan,
		  CASE WHEN bool_or(item = 'total') THEN bool_or(derived) FILTER (WHERE item = 'total')
		       ELSE bool_or(derived) END AS derived,
		  NOT bool_or(item = 'total') AS computed,
		  bool_or(flagged) AS flagged,
		  bool_or(local) AS local
		FROM dash_sg GROUP BY org_id, year, basis`
	},
	{
		// Year-on-year pairs (a department's 决算 total or item against the year before), joined
		// once here: the self-join was most of /sangong/'s filter-change time at 10,000 reports.
		name: 'dash_sg_change',
		sql: `
		WITH src AS (
		  SELECT org_id, org_name, year, 'total' AS item, amount_wan, derived, computed, flagged
		  FROM dash_sg_total WHERE basis = 'actual'
		  UNION ALL
		  SELECT org_id, org_name, year, item, amount_wan, derived, false AS computed, flagged
		  FROM dash_sg WHERE item <> 'total' AND basis = 'actual')
		SELECT c.org_id, c.org_name, c.item, c.year, c.amount_wan, p.amount_wan AS prev_amount_wan,
		  (c.amount_wan - p.amount_wan)::DOUBLE AS change_wan,
		  (CASE WHEN p.amount_wan <> 0 THEN (c.amount_wan - p.amount_wan) / abs(p.amount_wan) END)::DOUBLE AS change_pct,
		  (c.derived OR p.derived) AS derived, (c.computed OR p.computed) AS computed, (c.flagged OR p.flagged) AS flagged
		FROM src c JOIN src p ON p.org_id = c.org_id AND p.item = c.item AND p.year = c.year - 1`
	},
	{
		name: 'dash_sp',
		sql: `
		SELECT org_id, year::INTEGER AS year, amount_wan::DOUBLE AS amount_wan, derived,
		  ${isLocal('spending.report_id')} AS local FROM spending
		WHERE category = 'total' AND amount_wan IS NOT NULL
		QUALIFY row_number() OVER (PARTITION BY org_id, year ORDER BY derived, local, report_id DESC) = 1`
	},
	{
		name: 'dash_findings',
		sql: `
		SELECT fi.report_id, r.org_id, ${markedName('fi.report_id')} AS org_name, r.fiscal_year::INTEGER AS year,
		  fi.severity, fi.check_name, fi.message, ${isLocal('fi.report_id')} AS local
		FROM findings fi JOIN reports r ON r.report_id = fi.report_id JOIN orgs o ON o.org_id = r.org_id`
	}
];

/**
 * Statements that (re)build every derived table from the contract tables (and local_reports,
 * created empty if missing): run at build time, in the SQL tests, and in the browser after
 * local reports were added.
 */
export function rebuildDerivedSql(): string[] {
	return [
		createTableIfMissingSql(LOCAL_REPORTS_TABLE),
		...DERIVED_TABLES.map((d) => `CREATE OR REPLACE TABLE ${ident(d.name)} AS ${d.sql}`)
	];
}

/** What the browser loads for the dashboard: the derived tables it queries (not dash_flags). */
export const SHIPPED_DERIVED = DERIVED_TABLES.map((t) => t.name).filter((n) => n !== 'dash_flags');

/**
 * Shipped derived tables the browser loads after the others, not before the filters go live:
 * dash_findings is most of the derived bytes (17 of 30 MB at 10,000 reports, the messages) and
 * only the overview's findings list and count read it; only /sangong/ reads dash_sg_change. A
 * query naming one waits for that one.
 */
export const DEFERRED_DERIVED = ['dash_findings', 'dash_sg_change'] as const;

/** Tables the dashboard's queries read in the browser. */
export const DASHBOARD_BASE_TABLES = ['orgs'] as const;
