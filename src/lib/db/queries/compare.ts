/** 部门对比 named queries: 2–6 chosen departments side by side across years. */
import type { Filters } from '../../filters/filters';
import type { Connector, SqlParam } from '../connector';
import { SG_BEST, SG_TOTAL, withCtes } from './base';
import { orgCondition, yearCondition } from './filter-sql';

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
	org_name: string;
	prefecture: string | null;
	county: string | null;
	reports: number;
}

export interface CompareView {
	ids: string[];
	rows: CompareRow[];
	/** Departments the filters keep, to choose from. */
	options: OrgOption[];
	optionsCount: number;
}

export const COMPARE_LIMITS = { options: 300 } as const;

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

function rowsSql(f: Filters, ids: string[]) {
	const y = yearCondition(f, 'y.year');
	const marks = ids.map(() => '?').join(', ');
	return withCtes(
		[
			['sel', { sql: `SELECT org_id FROM orgs WHERE org_id IN (${marks})`, params: ids }],
			['sg_best', SG_BEST],
			['sg_total', SG_TOTAL],
			[
				'rep',
				`SELECT * FROM reports WHERE org_id IN (SELECT org_id FROM sel)
				 QUALIFY row_number() OVER (PARTITION BY org_id, fiscal_year ORDER BY report_id) = 1`
			],
			[
				'sp',
				`SELECT org_id, year, amount_wan, derived FROM spending
				 WHERE category = 'total' AND amount_wan IS NOT NULL AND org_id IN (SELECT org_id FROM sel)
				 QUALIFY row_number() OVER (PARTITION BY org_id, year ORDER BY derived, report_id DESC) = 1`
			],
			[
				'years',
				`SELECT org_id, fiscal_year AS year FROM rep WHERE fiscal_year IS NOT NULL
				 UNION SELECT org_id, year FROM sg_total WHERE basis = 'actual'
				 UNION SELECT org_id, year FROM sp`
			]
		],
		{
			sql: `
			SELECT y.org_id, o.org_name, y.year,
			  t.amount_wan AS sangong_wan, coalesce(t.derived OR t.computed, false) AS sangong_derived,
			  coalesce(r.execution_rate, r.execution_rate_reported)::DOUBLE AS rate,
			  r.score_total AS score, r.grade, sp.amount_wan AS spending_wan, coalesce(sp.derived, false) AS spending_derived,
			  r.budget_full_year, r.executed
			FROM years y JOIN orgs o ON o.org_id = y.org_id
			LEFT JOIN sg_total t ON t.org_id = y.org_id AND t.year = y.year AND t.basis = 'actual'
			LEFT JOIN rep r ON r.org_id = y.org_id AND r.fiscal_year = y.year
			LEFT JOIN sp ON sp.org_id = y.org_id AND sp.year = y.year
			WHERE ${y.sql}
			ORDER BY o.org_name, y.year`,
			params: y.params
		}
	);
}

function optionsSql(f: Filters, countOnly: boolean) {
	const c = orgCondition(f);
	const body = countOnly
		? `SELECT count(*)::INTEGER AS n FROM orgs o WHERE ${c.sql}`
		: `SELECT o.org_id, o.org_name, o.prefecture, o.county,
		     (SELECT count(*) FROM reports r WHERE r.org_id = o.org_id)::INTEGER AS reports
		   FROM orgs o WHERE ${c.sql}
		   ORDER BY reports DESC, o.org_name LIMIT ${COMPARE_LIMITS.options}`;
	return { sql: body, params: c.params };
}

export async function loadCompareView(db: Connector, f: Filters, ids: string[]): Promise<CompareView> {
	const q = <T extends object>(p: { sql: string; params: readonly SqlParam[] }) =>
		db.query<T>(p.sql, p.params);
	const [options, count] = await Promise.all([
		q<OrgOption>(optionsSql(f, false)),
		q<{ n: number }>(optionsSql(f, true))
	]);
	const rows = ids.length ? await q<CompareRow>(rowsSql(f, ids)) : [];
	return { ids, rows, options, optionsCount: count[0]?.n ?? 0 };
}

/** The default selection for the prerendered page: the departments with the most reports. */
export async function defaultCompareIds(db: Connector, n = 3): Promise<string[]> {
	const rows = await db.query<{ org_id: string }>(
		`SELECT o.org_id FROM orgs o LEFT JOIN reports r ON r.org_id = o.org_id
		 GROUP BY o.org_id, o.org_name ORDER BY count(r.report_id) DESC, o.org_name LIMIT ${n}`
	);
	return rows.map((r) => r.org_id);
}
