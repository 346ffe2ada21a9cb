/** SQL fragments for the global filters, with positional parameters. */
import type { Filters } from '../../filters/filters';
import type { SqlParam } from '../connector';

export interface SqlPart {
	readonly sql: string;
	readonly params: readonly SqlParam[];
}

/** AND-joins the non-empty parts; `TRUE` when there are none. */
export function and(...parts: (SqlPart | null)[]): SqlPart {
	const real = parts.filter((p): p is SqlPart => p != null && p.sql !== '');
	if (real.length === 0) return { sql: 'TRUE', params: [] };
	return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params) };
}

/** Conditions on an `orgs` row aliased `o`: region, admin level, name search. */
export function orgCondition(f: Filters, o = 'o'): SqlPart {
	const parts: SqlPart[] = [];
	if (f.prefecture) parts.push({ sql: `${o}.prefecture = ?`, params: [f.prefecture] });
	if (f.county) parts.push({ sql: `${o}.county = ?`, params: [f.county] });
	if (f.level) parts.push({ sql: `${o}.admin_level = ?`, params: [f.level] });
	if (f.q) parts.push(nameSearch(f.q, o));
	return and(...parts);
}

/** Name or short name (`aliases`) contains `q`, case-insensitively. */
export function nameSearch(q: string, o = 'o'): SqlPart {
	const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return {
		sql: `${o}.org_name ILIKE ? ESCAPE '\\' OR coalesce(${o}.aliases, '') ILIKE ? ESCAPE '\\'`,
		params: [like, like]
	};
}

/** Year range on an INTEGER column. */
export function yearCondition(f: Filters, column: string): SqlPart {
	const parts: SqlPart[] = [];
	if (f.from != null) parts.push({ sql: `${column} >= ?::INTEGER`, params: [f.from] });
	if (f.to != null) parts.push({ sql: `${column} <= ?::INTEGER`, params: [f.to] });
	return and(...parts);
}

/** `sel_orgs(org_id)` CTE body: the departments the filters keep. */
export function selectedOrgs(f: Filters): SqlPart {
	const c = orgCondition(f);
	return { sql: `SELECT o.org_id FROM orgs o WHERE ${c.sql}`, params: c.params };
}
