/** Prerendered: the derived tables' columns, types and row counts (the browser creates them from this). */
import { json } from '@sveltejs/kit';
import { SHIPPED_DERIVED } from '$lib/db/queries/derived';
import { buildDatabase, describeTable } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => {
	const db = await buildDatabase();
	const tables = [];
	for (const name of SHIPPED_DERIVED) {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${name}`);
		tables.push({ name, rows: n, columns: await describeTable(db, name) });
	}
	return json({ tables });
};
