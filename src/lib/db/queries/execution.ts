/** 预算执行 named queries: execution rate by department and year, budget vs executed, adjustments. */
import type { Filters } from '../../filters/filters';
import type { Connector, SqlParam } from '../connector';
import { REP, baseCtes, withCtes } from './base';
import { type SqlPart, yearCondition } from './filter-sql';

/** Below this execution rate a department-year is highlighted as low. */
export const LOW_RATE = 0.9;

export interface ExecutionRow {
	org_id: string;
	org_name: string;
	year: number;
	report_id: string;
	budget_initial: number | null;
	budget_full_year: number | null;
	executed: number | null;
	/** executed ÷ full-year budget as computed, else as reported. */
	rate: number | null;
	rate_computed: number | null;
	rate_reported: number | null;
	/** full-year ÷ initial − 1. */
	adjustment: number | null;
	flagged: boolean;
}

export interface ExecutionYearRow {
	year: number;
	n: number;
	median_rate: number | null;
	low: number;
}

export interface ExecutionView {
	/** Department-years with a rate, lowest first. */
	rates: ExecutionRow[];
	ratesCount: number;
	/** Department-years with both budget and executed amounts (scatter). */
	points: ExecutionRow[];
	pointsCount: number;
	/** Largest budget adjustments (initial → full-year). */
	adjust: ExecutionRow[];
	byYear: ExecutionYearRow[];
}

export const EXECUTION_LIMITS = { rates: 40, points: 1000, adjust: 30 } as const;

/** `ex`: one row per department-year in range, with rate and marks. */
export function execCtes(f: Filters): [string, SqlPart | string][] {
	const y = yearCondition(f, 'fiscal_year');
	return [
		...baseCtes(f),
		['rep', REP],
		[
			'ex',
			{
				sql: `
			SELECT r.org_id, r.org_label AS org_name, r.fiscal_year AS year, r.report_id,
			  r.budget_initial, r.budget_full_year, r.executed,
			  coalesce(r.execution_rate, r.execution_rate_reported) AS rate,
			  r.execution_rate AS rate_computed, r.execution_rate_reported AS rate_reported,
			  r.score_total AS score, r.grade,
			  CASE WHEN r.budget_initial > 0 AND r.budget_full_year IS NOT NULL
			       THEN r.budget_full_year / r.budget_initial - 1 END AS adjustment,
			  EXISTS (SELECT 1 FROM flag_facts ff WHERE ff.report_id = r.report_id AND ff.table_name = 'reports'
			    AND ff.column_name IN ('budget_initial', 'budget_full_year', 'executed', 'execution_rate', 'execution_rate_reported')) AS flagged
			FROM rep r WHERE r.fiscal_year IS NOT NULL AND ${y.sql}`,
				params: y.params
			}
		]
	];
}

const COLS = `org_id, org_name, year, report_id, budget_initial, budget_full_year, executed,
	rate::DOUBLE AS rate, rate_computed, rate_reported, adjustment::DOUBLE AS adjustment, flagged`;

const select = (f: Filters, body: string): { sql: string; params: readonly SqlParam[] } =>
	withCtes(execCtes(f), body);

export const ratesSql = (f: Filters, limit: number = EXECUTION_LIMITS.rates) =>
	select(f, `SELECT ${COLS} FROM ex WHERE rate IS NOT NULL ORDER BY rate, org_name, year LIMIT ${limit}`);

export async function loadExecutionView(db: Connector, f: Filters): Promise<ExecutionView> {
	const q = <T extends object>(p: { sql: string; params: readonly SqlParam[] }) =>
		db.query<T>(p.sql, p.params);
	const n = (where: string) =>
		q<{ n: number }>(select(f, `SELECT count(*)::INTEGER AS n FROM ex WHERE ${where}`)).then(
			(r) => r[0]?.n ?? 0
		);
	const [rates, ratesCount, points, pointsCount, adjust, byYear] = await Promise.all([
		q<ExecutionRow>(ratesSql(f)),
		n('rate IS NOT NULL'),
		q<ExecutionRow>(
			select(
				f,
				`SELECT ${COLS} FROM ex WHERE budget_full_year IS NOT NULL AND executed IS NOT NULL
				 ORDER BY rate NULLS LAST, org_name LIMIT ${EXECUTION_LIMITS.points}`
			)
		),
		n('budget_full_year IS NOT NULL AND executed IS NOT NULL'),
		q<ExecutionRow>(
			select(
				f,
				`SELECT ${COLS} FROM ex WHERE adjustment IS NOT NULL
				 ORDER BY abs(adjustment) DESC, org_name LIMIT ${EXECUTION_LIMITS.adjust}`
			)
		),
		q<ExecutionYearRow>(
			select(
				f,
				`SELECT year, count(*)::INTEGER AS n, median(rate)::DOUBLE AS median_rate,
				   count(*) FILTER (WHERE rate < ${LOW_RATE})::INTEGER AS low
				 FROM ex WHERE rate IS NOT NULL GROUP BY year ORDER BY year`
			)
		)
	]);
	return { rates, ratesCount, points, pointsCount, adjust, byYear };
}
