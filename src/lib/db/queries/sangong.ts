/** 三公经费 named queries: by year and item, year-on-year by department, actual vs budget. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { orgIn, run, sql } from './base';
import { type Counted, type Plan, settle, splitCounted } from './plan';
import { type SqlPart, yearCondition } from './filter-sql';

/** Items as stacked in the by-year chart; `unsplit` is a stated total with no item breakdown. */
export const STACK_ITEMS = [
	'reception',
	'vehicle_operation',
	'vehicle_purchase',
	'vehicle_total',
	'overseas',
	'unsplit'
] as const;

export interface SangongYearItemRow {
	year: number;
	item: string;
	amount_wan: number;
	/** Departments contributing. */
	orgs: number;
	/** How many contributing values are derived. */
	derived_values: number;
}

export interface SangongChangeRow {
	org_id: string;
	org_name: string;
	/** 'total' for the department total, else an item code. */
	item: string;
	year: number;
	amount_wan: number;
	prev_amount_wan: number;
	change_wan: number;
	/** Fraction of the previous year; null when the previous value is 0. */
	change_pct: number | null;
	/** Either value derived from a prior-year statement. */
	derived: boolean;
	/** The total is the sum of stated items, computed here. */
	computed: boolean;
	flagged: boolean;
}

export interface SangongBudgetRow {
	org_id: string;
	org_name: string;
	year: number;
	budget_wan: number;
	actual_wan: number;
	derived: boolean;
	computed: boolean;
	flagged: boolean;
}

export interface SangongDetailRow {
	org_id: string;
	org_name: string;
	year: number;
	item: string;
	basis: string;
	amount_wan: number;
	derived: boolean;
	flagged: boolean;
}

export interface SangongView {
	byYearItem: SangongYearItemRow[];
	/** Department totals, latest comparable year per department, biggest increase first. */
	yoy: SangongChangeRow[];
	yoyCount: number;
	/** Item-level increases, biggest first. */
	increases: SangongChangeRow[];
	increasesCount: number;
	/** Latest year with both per department, largest 决算 − 预算 first. */
	budget: SangongBudgetRow[];
	budgetCount: number;
	detail: SangongDetailRow[];
	detailCount: number;
}

export const SANGONG_LIMITS = { yoy: 40, increases: 10, budget: 30, detail: 400 } as const;

/** Stacked items per year: department level, 决算, split vehicle items beat their sum. */
export function byYearItemSql(f: Filters): SqlPart {
	return sql`
		SELECT year, CASE WHEN item = 'total' THEN 'unsplit' ELSE item END AS item,
		  sum(amount_wan)::DOUBLE AS amount_wan, count(DISTINCT org_id)::INTEGER AS orgs,
		  count(*) FILTER (WHERE derived)::INTEGER AS derived_values
		FROM dash_sg s
		WHERE basis = 'actual' AND ((item = 'total' AND NOT has_items)
		    OR (item <> 'total' AND NOT (item = 'vehicle_total' AND has_split)))
		  AND ${orgIn(f, 's')} AND ${yearCondition(f, 's.year')}
		GROUP BY ALL ORDER BY year, item`;
}

/** Year-on-year change per department (item = 'total') or per department and item. */
function changeSql(f: Filters, level: 'total' | 'item', limit: number): SqlPart {
	const keep = level === 'item' ? 'change_wan > 0' : 'TRUE';
	// Materialized once, read twice: for the rows and for the count before LIMIT (not
	// `count(*) OVER ()`, see `rows` in execution.ts).
	return sql`
		WITH changes AS (
		  SELECT * FROM dash_sg_change c
		  WHERE ${level === 'total' ? "c.item = 'total'" : "c.item <> 'total'"} AND ${orgIn(f, 'c')}
		    AND ${yearCondition(f, 'c.year')}
		  QUALIFY row_number() OVER (PARTITION BY c.org_id, c.item ORDER BY c.year DESC) = 1
		),
		kept AS MATERIALIZED (SELECT * FROM changes WHERE ${keep})
		SELECT *, (SELECT count(*) FROM kept)::INTEGER AS total FROM kept
		ORDER BY change_wan DESC, org_name, item LIMIT ${limit}`;
}

export const yoySql = (f: Filters) => changeSql(f, 'total', SANGONG_LIMITS.yoy);
export const increasesSql = (f: Filters) => changeSql(f, 'item', SANGONG_LIMITS.increases);

export function budgetSql(f: Filters): SqlPart {
	return sql`
		WITH pairs AS MATERIALIZED (
		  SELECT a.org_id, a.org_name, a.year, b.amount_wan AS budget_wan, a.amount_wan AS actual_wan,
		    (a.derived OR b.derived) AS derived, (a.computed OR b.computed) AS computed,
		    (a.flagged OR b.flagged) AS flagged
		  FROM dash_sg_total a
		  JOIN dash_sg_total b ON b.org_id = a.org_id AND b.year = a.year AND b.basis = 'budget'
		  WHERE a.basis = 'actual' AND ${orgIn(f, 'a')} AND ${yearCondition(f, 'a.year')}
		  QUALIFY row_number() OVER (PARTITION BY a.org_id ORDER BY a.year DESC) = 1
		)
		SELECT *, (SELECT count(*) FROM pairs)::INTEGER AS total FROM pairs
		ORDER BY actual_wan - budget_wan DESC, org_name
		LIMIT ${SANGONG_LIMITS.budget}`;
}

export function detailSql(f: Filters): SqlPart {
	const cond = sql`${orgIn(f, 's')} AND ${yearCondition(f, 's.year')}`;
	return sql`
		SELECT org_id, org_name, year, item, basis, amount_wan, derived, flagged,
		  (SELECT count(*) FROM dash_sg s WHERE ${cond})::INTEGER AS total
		FROM dash_sg s WHERE ${cond}
		ORDER BY org_name, org_id, basis, item, year
		LIMIT ${SANGONG_LIMITS.detail}`;
}

/** Submitted in drawing order: the stacked chart first, the long detail table last. */
export function sangongPlan(db: Connector, f: Filters): Plan<SangongView> {
	const q = run(db);
	const byYearItem = q<SangongYearItemRow>(byYearItemSql(f));
	const yoy = splitCounted(q<Counted<SangongChangeRow>>(yoySql(f)));
	const increases = splitCounted(q<Counted<SangongChangeRow>>(increasesSql(f)));
	const budget = splitCounted(q<Counted<SangongBudgetRow>>(budgetSql(f)));
	const detail = splitCounted(q<Counted<SangongDetailRow>>(detailSql(f)));
	return {
		byYearItem,
		yoy: yoy.rows,
		yoyCount: yoy.total,
		increases: increases.rows,
		increasesCount: increases.total,
		budget: budget.rows,
		budgetCount: budget.total,
		detail: detail.rows,
		detailCount: detail.total
	};
}

export const loadSangongView = (db: Connector, f: Filters): Promise<SangongView> =>
	settle(sangongPlan(db, f));
