/**
 * A view's queries as a plan: one promise per part, so a page can draw each chart as soon as its
 * rows arrive (the worker runs the next query meanwhile) — and the build simply awaits them all.
 */
export type Plan<T> = { readonly [K in keyof T]: Promise<T[K]> };

export async function settle<T extends object>(plan: Plan<T>): Promise<T> {
	const keys = Object.keys(plan) as (keyof T)[];
	const values = await Promise.all(keys.map((k) => plan[k]));
	return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as T;
}

/**
 * Rows of a LIMITed query that also returns the count before LIMIT in a `total` column (a scalar
 * subquery over the same rows, not `count(*) OVER ()`: see `rows` in execution.ts).
 */
export type Counted<T> = T & { total: number };

/** The rows without their `total`, and the total (0 when no row came back). */
export function splitCounted<T extends object>(
	query: Promise<Counted<T>[]>
): { rows: Promise<T[]>; total: Promise<number> } {
	return {
		rows: query.then((rs) => rs.map(({ total: _t, ...r }) => r as unknown as T)),
		total: query.then((rs) => rs[0]?.total ?? 0)
	};
}
