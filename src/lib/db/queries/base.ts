/** Query assembly shared by the named queries. */
import type { Filters } from '../../filters/filters';
import type { Connector, SqlParam } from '../connector';
import { type SqlPart, orgCondition } from './filter-sql';

/**
 * `<alias>.org_id IN (…)` for the departments the filters keep; `TRUE` without region, level or
 * search filters (so the common case has no semi-join at all).
 */
export function orgIn(f: Filters, alias: string): SqlPart {
	const c = orgCondition(f);
	if (c.sql === 'TRUE') return c;
	return { sql: `${alias}.org_id IN (SELECT o.org_id FROM orgs o WHERE ${c.sql})`, params: c.params };
}

/** A query part from a template: `sql\`… ${part} …\`` keeps parameters in text order. */
export function sql(strings: TemplateStringsArray, ...parts: (SqlPart | string | number)[]): SqlPart {
	let text = strings[0];
	const params: SqlParam[] = [];
	parts.forEach((p, i) => {
		if (typeof p === 'object') {
			text += p.sql;
			params.push(...p.params);
		} else text += String(p);
		text += strings[i + 1];
	});
	return { sql: text, params };
}

export type Run = <T extends object>(p: SqlPart) => Promise<T[]>;

/** A named query part run on `db`, rows as plain objects. */
export const run =
	(db: Connector): Run =>
	(p) =>
		db.query(p.sql, p.params);
