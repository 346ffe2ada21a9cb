/** 部门对比 named queries: 2–6 chosen departments side by side across years. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { run, sql } from './base';
import { LOCAL_MARK } from './derived';
import { type Plan, settle } from './plan';
import { type SqlPart, and, nameSearch, orgCondition, yearCondition } from './filter-sql';

export const MAX_COMPARE = 6;
export const MIN_COMPARE = 2;

export interface CompareRow {
	org_id: string;
	org_name: string;
	year: number;
	sangong_wan: number | null;
	sangong_derived: boolean;
	rate: number | null;
	score: number | null;
	grade: string | null;
	spending_wan: number | null;
	spending_derived: boolean;
	budget_full_year: number | null;
	executed: number | null;
}

export interface OrgOption {
	org_id: string;
	/** Marked “（本地导入）” when every report of the department was imported in this browser. */
	org_name: string;
	prefecture: string | null;
	county: string | null;
	reports: number;
	/** Of `reports`, those imported in this browser (/import/). */
	local_reports: number;
}

export interface CompareView {
	ids: string[];
	rows: CompareRow[];
	/** The chosen departments' names whatever the filters (a row's name needs a row in range). */
	chosen: { org_id: string; org_name: string }[];
}

/** The picker: departments to add, found in DuckDB (not among a first few loaded). */
export interface PickerView {
	/** Departments the filters and the picker's search keep, most reports first. */
	options: OrgOption[];
	/** Departments the filters keep. */
	optionsCount: number;
	/** Of those, the ones the picker's search finds (all of them without a search). */
	matchesCount: number;
}

export const COMPARE_LIMITS = { options: 50 } as const;

/** Parse `?ids=a,b,c`: unique, at most MAX_COMPARE. */
export function parseIds(s: string | null): string[] {
	if (!s) return [];
	return [
		...new Set(
			s
				.split(',')
				.map((x) => x.trim())
				.filter(Boolean)
		)
	].slice(0, MAX_COMPARE);
}

/** `IN (?, ?, …)` for the chosen departments' ids. */
const inIds = (ids: string[]): SqlPart => ({ sql: `IN (${ids.map(() => '?').join(', ')})`, params: ids });

function rowsSql(f: Filters, ids: string[]): SqlPart {
	const chosen = inIds(ids);
	return sql`
		WITH years AS (
		  SELECT org_id, year FROM dash_rep WHERE org_id ${chosen}
		  UNION SELECT org_id, year FROM dash_sg_total WHERE basis = 'actual' AND org_id ${chosen}
		  UNION SELECT org_id, year FROM dash_sp WHERE org_id ${chosen}
		)
		SELECT y.org_id, coalesce(r.org_name, o.org_name) AS org_name, y.year,
		  t.amount_wan AS sangong_wan, coalesce(t.derived OR t.computed, false) AS sangong_derived,
		  r.rate, r.score, r.grade, sp.amount_wan AS spending_wan, coalesce(sp.derived, false) AS spending_derived,
		  r.budget_full_year, r.executed
		FROM years y JOIN orgs o ON o.org_id = y.org_id
		LEFT JOIN dash_sg_total t ON t.org_id = y.org_id AND t.year = y.year AND t.basis = 'actual'
		LEFT JOIN dash_rep r ON r.org_id = y.org_id AND r.year = y.year
		LEFT JOIN dash_sp sp ON sp.org_id = y.org_id AND sp.year = y.year
		WHERE ${yearCondition(f, 'y.year')}
		ORDER BY o.org_name, y.year`;
}

/**
 * The departments to choose from, with their report counts. A department all of whose reports
 * were imported in this browser gets the same “（本地导入）” mark as on the other pages: a
 * published report always keeps its row in dash_rep (it wins over a local one for its year),
 * so these are the departments only local reports brought.
 */
function optionsSql(f: Filters, search: string): SqlPart {
	const c = and(orgCondition(f), search ? nameSearch(search) : null);
	return sql`
		SELECT o.org_id,
		  o.org_name || CASE WHEN n.n_all > 0 AND n.n_local = n.n_all THEN '${LOCAL_MARK}' ELSE '' END AS org_name,
		  o.prefecture, o.county,
		  coalesce(n.n_all, 0)::INTEGER AS reports, coalesce(n.n_local, 0)::INTEGER AS local_reports
		FROM orgs o LEFT JOIN (
		  SELECT org_id, count(*) AS n_all, count(*) FILTER (WHERE local) AS n_local FROM dash_rep GROUP BY org_id
		) n ON n.org_id = o.org_id
		WHERE ${c}
		ORDER BY reports DESC, o.org_name LIMIT ${COMPARE_LIMITS.options}`;
}

function countsSql(f: Filters, search: string): SqlPart {
	const found = and(search ? nameSearch(search) : null);
	return sql`
		SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE ${found})::INTEGER AS m
		FROM orgs o WHERE ${orgCondition(f)}`;
}

export function comparePlan(db: Connector, f: Filters, ids: string[]): Plan<CompareView> {
	const q = run(db);
	return {
		ids: Promise.resolve(ids),
		rows: ids.length ? q<CompareRow>(rowsSql(f, ids)) : Promise.resolve([]),
		chosen: ids.length
			? q<{ org_id: string; org_name: string }>(
					sql`SELECT org_id, org_name FROM orgs WHERE org_id ${inIds(ids)}`
				)
			: Promise.resolve([])
	};
}

export function pickerPlan(db: Connector, f: Filters, search: string): Plan<PickerView> {
	const q = run(db);
	const counts = q<{ n: number; m: number }>(countsSql(f, search));
	return {
		options: q<OrgOption>(optionsSql(f, search)),
		optionsCount: counts.then((r) => r[0]?.n ?? 0),
		matchesCount: counts.then((r) => r[0]?.m ?? 0)
	};
}

export const loadCompareView = (db: Connector, f: Filters, ids: string[]): Promise<CompareView> =>
	settle(comparePlan(db, f, ids));

export const loadPickerView = (db: Connector, f: Filters, search = ''): Promise<PickerView> =>
	settle(pickerPlan(db, f, search));

/** The default selection for the prerendered page: the departments with the most reports. */
export async function defaultCompareIds(db: Connector, n = 3): Promise<string[]> {
	const rows = await db.query<{ org_id: string }>(
		`SELECT o.org_id FROM orgs o LEFT JOIN dash_rep r ON r.org_id = o.org_id
		 GROUP BY o.org_id, o.org_name ORDER BY count(r.report_id) DESC, o.org_name LIMIT ${n}`
	);
	return rows.map((r) => r.org_id);
}
