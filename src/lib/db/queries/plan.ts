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
