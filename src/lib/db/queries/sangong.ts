/** 三公经费 named queries: by year and item, year-on-year by department, actual vs budget. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { SG_BEST, SG_TOTAL, baseCtes, withCtes } from './base';
import { yearCondition } from './filter-sql';

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
	budget: SangongBudgetRow[];
	detail: SangongDetailRow[];
	detailCount: number;
}

export const SANGONG_LIMITS = { yoy: 40, increases: 10, budget: 30, detail: 400 } as const;

const ctes = (f: Filters) => [
	...baseCtes(f),
	['sg_best', SG_BEST] as [string, string],
	['sg_total', SG_TOTAL] as [string, string]
];

export function byYearItemSql(f: Filters) {
	const y = yearCondition(f, 'year');
	return withCtes(ctes(f), {
		sql: `
		SELECT year, item, sum(amount_wan)::DOUBLE AS amount_wan, count(DISTINCT org_id)::INTEGER AS orgs,
		  count(*) FILTER (WHERE derived)::INTEGER AS derived_values
		FROM (
		  SELECT org_id, year, CASE WHEN item = 'total' THEN 'unsplit' ELSE item END AS item, amount_wan, derived
		  FROM sg_best
		  WHERE basis = 'actual' AND (
		    (item = 'total' AND NOT has_items)
		    OR (item <> 'total' AND NOT (item = 'vehicle_total' AND has_split)))
		)
		WHERE ${y.sql}
		GROUP BY year, item ORDER BY year, item`,
		params: y.params
	});
}

/** Year-on-year change per department (item = 'total') or per department and item. */
function changeSql(f: Filters, level: 'total' | 'item', limit: number) {
	const y = yearCondition(f, 'c.year');
	const src =
		level === 'total'
			? `SELECT org_id, year, basis, 'total' AS item, amount_wan, derived, computed, flagged FROM sg_total`
			: `SELECT org_id, year, basis, item, amount_wan, derived, false AS computed, flagged FROM sg_best
			   WHERE item <> 'total'`;
	const order = level === 'total' ? 'change_wan DESC, org_name' : 'change_wan DESC, org_name, item';
	const where = level === 'total' ? 'TRUE' : 'change_wan > 0';
	return withCtes([...ctes(f), ['src', src]], {
		sql: `
		SELECT * FROM (
		  SELECT c.org_id, o.org_name, c.item, c.year, c.amount_wan, p.amount_wan AS prev_amount_wan,
		    (c.amount_wan - p.amount_wan)::DOUBLE AS change_wan,
		    CASE WHEN p.amount_wan <> 0 THEN ((c.amount_wan - p.amount_wan) / abs(p.amount_wan))::DOUBLE END AS change_pct,
		    (c.derived OR p.derived) AS derived, (c.computed OR p.computed) AS computed,
		    (c.flagged OR p.flagged) AS flagged
		  FROM src c
		  JOIN src p ON p.org_id = c.org_id AND p.item = c.item AND p.basis = c.basis AND p.year = c.year - 1
		  JOIN orgs o ON o.org_id = c.org_id
		  WHERE c.basis = 'actual' AND ${y.sql}
		  QUALIFY row_number() OVER (PARTITION BY c.org_id, c.item ORDER BY c.year DESC) = 1
		) WHERE ${where}
		ORDER BY ${order} LIMIT ${limit}`,
		params: y.params
	});
}

export const yoySql = (f: Filters) => changeSql(f, 'total', SANGONG_LIMITS.yoy);
export const increasesSql = (f: Filters) => changeSql(f, 'item', SANGONG_LIMITS.increases);

export function yoyCountSql(f: Filters) {
	const y = yearCondition(f, 'c.year');
	return withCtes(ctes(f), {
		sql: `
		SELECT count(DISTINCT c.org_id)::INTEGER AS n FROM sg_total c
		JOIN sg_total p ON p.org_id = c.org_id AND p.basis = c.basis AND p.year = c.year - 1
		WHERE c.basis = 'actual' AND ${y.sql}`,
		params: y.params
	});
}

export function budgetSql(f: Filters) {
	const y = yearCondition(f, 'a.year');
	return withCtes(ctes(f), {
		sql: `
		SELECT a.org_id, o.org_name, a.year, b.amount_wan AS budget_wan, a.amount_wan AS actual_wan,
		  (a.derived OR b.derived) AS derived, (a.computed OR b.computed) AS computed,
		  (a.flagged OR b.flagged) AS flagged
		FROM sg_total a
		JOIN sg_total b ON b.org_id = a.org_id AND b.year = a.year AND b.basis = 'budget'
		JOIN orgs o ON o.org_id = a.org_id
		WHERE a.basis = 'actual' AND ${y.sql}
		QUALIFY row_number() OVER (PARTITION BY a.org_id ORDER BY a.year DESC) = 1
		ORDER BY (a.amount_wan - b.amount_wan) DESC, o.org_name
		LIMIT ${SANGONG_LIMITS.budget}`,
		params: y.params
	});
}

function detailFrom(f: Filters) {
	const y = yearCondition(f, 's.year');
	return {
		sql: `FROM sg_best s JOIN orgs o ON o.org_id = s.org_id WHERE ${y.sql}`,
		params: y.params
	};
}

export function detailSql(f: Filters) {
	const from = detailFrom(f);
	return withCtes(ctes(f), {
		sql: `
		SELECT s.org_id, o.org_name, s.year, s.item, s.basis, s.amount_wan, s.derived, s.flagged ${from.sql}
		ORDER BY o.org_name, s.org_id, s.basis, s.item, s.year
		LIMIT ${SANGONG_LIMITS.detail}`,
		params: from.params
	});
}

export function detailCountSql(f: Filters) {
	const from = detailFrom(f);
	return withCtes(ctes(f), { sql: `SELECT count(*)::INTEGER AS n ${from.sql}`, params: from.params });
}

export async function loadSangongView(db: Connector, f: Filters): Promise<SangongView> {
	const q = <T extends object>(p: { sql: string; params: readonly (string | number | boolean | null)[] }) =>
		db.query<T>(p.sql, p.params);
	const [byYearItem, yoy, yoyCount, increases, budget, detail, detailCount] = await Promise.all([
		q<SangongYearItemRow>(byYearItemSql(f)),
		q<SangongChangeRow>(yoySql(f)),
		q<{ n: number }>(yoyCountSql(f)),
		q<SangongChangeRow>(increasesSql(f)),
		q<SangongBudgetRow>(budgetSql(f)),
		q<SangongDetailRow>(detailSql(f)),
		q<{ n: number }>(detailCountSql(f))
	]);
	return {
		byYearItem,
		yoy,
		yoyCount: yoyCount[0]?.n ?? 0,
		increases,
		budget,
		detail,
		detailCount: detailCount[0]?.n ?? 0
	};
}
