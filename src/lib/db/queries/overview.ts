/** 总览 named queries: headline figures with year-on-year deltas, small charts, notable findings. */
import type { Filters } from '../../filters/filters';
import type { Connector, SqlParam } from '../connector';
import { REP, SG_BEST, SG_TOTAL, baseCtes, withCtes } from './base';
import { LOW_RATE, type ExecutionRow, ratesSql } from './execution';
import { type SangongYearItemRow, byYearItemSql } from './sangong';
import { type ScoreBinRow, scoreBinsSql } from './scores';
import { yearCondition } from './filter-sql';

export interface Headline {
	/** Latest fiscal year in the selection. */
	year: number | null;
	reports: number;
	orgs: number;
	/** 三公 (决算) total of the departments that report both this and the previous year. */
	sangong_wan: number | null;
	sangong_prev_wan: number | null;
	sangong_orgs: number;
	sangong_derived: boolean;
	median_rate: number | null;
	median_rate_prev: number | null;
	low_rate: number;
	median_score: number | null;
	median_score_prev: number | null;
	findings_error: number;
	findings_warning: number;
}

export interface FindingRow {
	report_id: string;
	org_id: string;
	org_name: string;
	year: number | null;
	severity: string;
	check_name: string;
	message: string;
}

export interface OverviewView {
	headline: Headline;
	byYearItem: SangongYearItemRow[];
	lowest: ExecutionRow[];
	bins: ScoreBinRow[];
	findings: FindingRow[];
}

export const OVERVIEW_LIMITS = { lowest: 8, findings: 8 } as const;

function headlineSql(f: Filters) {
	const y = yearCondition(f, 'fiscal_year');
	const ys = yearCondition(f, 'year');
	return withCtes(
		[
			...baseCtes(f),
			['rep', REP],
			['r', { sql: `SELECT * FROM rep WHERE ${y.sql}`, params: y.params }],
			['latest', `SELECT max(fiscal_year) AS y FROM r`],
			['sg_best', SG_BEST],
			['sg_total', { sql: `SELECT * FROM (${SG_TOTAL}) WHERE ${ys.sql}`, params: ys.params }],
			[
				'sg_pair',
				`SELECT c.amount_wan AS cur, p.amount_wan AS prev, (c.derived OR p.derived OR c.computed OR p.computed) AS derived
				 FROM sg_total c JOIN sg_total p ON p.org_id = c.org_id AND p.basis = c.basis AND p.year = c.year - 1
				 WHERE c.basis = 'actual' AND c.year = (SELECT y FROM latest)`
			]
		],
		`SELECT (SELECT y FROM latest) AS year,
		  (SELECT count(*) FROM r)::INTEGER AS reports,
		  (SELECT count(DISTINCT org_id) FROM r)::INTEGER AS orgs,
		  (SELECT sum(cur) FROM sg_pair)::DOUBLE AS sangong_wan,
		  (SELECT sum(prev) FROM sg_pair)::DOUBLE AS sangong_prev_wan,
		  (SELECT count(*) FROM sg_pair)::INTEGER AS sangong_orgs,
		  coalesce((SELECT bool_or(derived) FROM sg_pair), false) AS sangong_derived,
		  (SELECT median(coalesce(execution_rate, execution_rate_reported)) FROM r WHERE fiscal_year = (SELECT y FROM latest))::DOUBLE AS median_rate,
		  (SELECT median(coalesce(execution_rate, execution_rate_reported)) FROM r WHERE fiscal_year = (SELECT y FROM latest) - 1)::DOUBLE AS median_rate_prev,
		  (SELECT count(*) FROM r WHERE fiscal_year = (SELECT y FROM latest) AND coalesce(execution_rate, execution_rate_reported) < ${LOW_RATE})::INTEGER AS low_rate,
		  (SELECT median(score_total) FROM r WHERE fiscal_year = (SELECT y FROM latest))::DOUBLE AS median_score,
		  (SELECT median(score_total) FROM r WHERE fiscal_year = (SELECT y FROM latest) - 1)::DOUBLE AS median_score_prev,
		  (SELECT count(*) FROM findings fi JOIN r ON r.report_id = fi.report_id WHERE fi.severity = 'error')::INTEGER AS findings_error,
		  (SELECT count(*) FROM findings fi JOIN r ON r.report_id = fi.report_id WHERE fi.severity = 'warning')::INTEGER AS findings_warning`
	);
}

export function findingsSql(f: Filters, limit: number) {
	const y = yearCondition(f, 'r.fiscal_year');
	return withCtes([...baseCtes(f), ['rep', REP]], {
		sql: `
		SELECT fi.report_id, r.org_id, r.org_label AS org_name, r.fiscal_year AS year, fi.severity, fi.check_name, fi.message
		FROM findings fi JOIN rep r ON r.report_id = fi.report_id
		WHERE fi.severity IN ('error', 'warning') AND ${y.sql}
		ORDER BY CASE fi.severity WHEN 'error' THEN 0 ELSE 1 END, r.fiscal_year DESC NULLS LAST, r.org_label, fi.check_name
		LIMIT ${limit}`,
		params: y.params
	});
}

export async function loadOverviewView(db: Connector, f: Filters): Promise<OverviewView> {
	const q = <T extends object>(p: { sql: string; params: readonly SqlParam[] }) =>
		db.query<T>(p.sql, p.params);
	const [headline, byYearItem, lowest, bins, findings] = await Promise.all([
		q<Headline>(headlineSql(f)),
		q<SangongYearItemRow>(byYearItemSql(f)),
		q<ExecutionRow>(ratesSql(f, OVERVIEW_LIMITS.lowest)),
		q<ScoreBinRow>(scoreBinsSql(f)),
		q<FindingRow>(findingsSql(f, OVERVIEW_LIMITS.findings))
	]);
	return { headline: headline[0], byYearItem, lowest, bins, findings };
}
