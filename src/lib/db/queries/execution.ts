/** 预算执行 named queries: execution rate by department and year, budget vs executed, adjustments. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { orgIn, run, sql } from './base';
import { type Counted, type Plan, settle, splitCounted } from './plan';
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
	adjustCount: number;
	byYear: ExecutionYearRow[];
}

export const EXECUTION_LIMITS = { rates: 40, points: 1000, adjust: 30 } as const;

const COLS = `org_id, org_name, year, report_id, budget_initial, budget_full_year, executed,
	rate, rate_computed, rate_reported, adjustment, rate_flagged AS flagged`;

/**
 * Department-years in range matching `where`, ordered, limited, with the count before LIMIT.
 * The count is a scalar subquery over the same rows, not `count(*) OVER ()`: DuckDB 1.5's
 * parallel window operator intermittently fails on an unpartitioned window over a filtered input
 * ("Attempted to access index 0 within vector of size 0", a race between its worker threads) and
 * then invalidates the whole database. DuckDB-WASM runs single-threaded, so only the Node API
 * (build and tests) ever hit it.
 */
function rows(f: Filters, where: string, order: string, limit: number): SqlPart {
	const cond = sql`${where} AND ${orgIn(f, 'r')} AND ${yearCondition(f, 'r.year')}`;
	return sql`
		SELECT ${COLS}, (SELECT count(*) FROM dash_rep r WHERE ${cond})::INTEGER AS total FROM dash_rep r
		WHERE ${cond}
		ORDER BY ${order} LIMIT ${limit}`;
}

export const ratesSql = (f: Filters, limit: number = EXECUTION_LIMITS.rates) =>
	rows(f, 'rate IS NOT NULL', 'rate, org_name, year', limit);

export function executionPlan(db: Connector, f: Filters): Plan<ExecutionView> {
	const q = run(db);
	const rates = splitCounted(q<Counted<ExecutionRow>>(ratesSql(f)));
	const points = splitCounted(
		q<Counted<ExecutionRow>>(
			rows(
				f,
				'budget_full_year IS NOT NULL AND executed IS NOT NULL',
				'rate NULLS LAST, org_name, year',
				EXECUTION_LIMITS.points
			)
		)
	);
	const adjust = splitCounted(
		q<Counted<ExecutionRow>>(
			rows(f, 'adjustment IS NOT NULL', 'abs(adjustment) DESC, org_name, year', EXECUTION_LIMITS.adjust)
		)
	);
	const byYear = q<ExecutionYearRow>(sql`
		SELECT year, count(*)::INTEGER AS n, median(rate)::DOUBLE AS median_rate,
		  count(*) FILTER (WHERE rate < ${LOW_RATE})::INTEGER AS low
		FROM dash_rep r WHERE rate IS NOT NULL AND ${orgIn(f, 'r')} AND ${yearCondition(f, 'r.year')}
		GROUP BY year ORDER BY year`);
	return {
		rates: rates.rows,
		ratesCount: rates.total,
		points: points.rows,
		pointsCount: points.total,
		adjust: adjust.rows,
		adjustCount: adjust.total,
		byYear
	};
}

export const loadExecutionView = (db: Connector, f: Filters): Promise<ExecutionView> =>
	settle(executionPlan(db, f));
