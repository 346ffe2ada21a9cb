/**
 * Prerendered: each derived dashboard table (see $lib/db/queries/derived) as an Arrow IPC
 * stream, so the browser loads these small tables instead of the contract tables they come from.
 */
import { error } from '@sveltejs/kit';
import { SHIPPED_DERIVED } from '$lib/db/queries/derived';
import { rowsToArrowIPC } from '$lib/db/rows-arrow';
import { buildDatabase, describeTable } from '$lib/server/datasets';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => SHIPPED_DERIVED.map((name) => ({ name }));

export const GET: RequestHandler = async ({ params }) => {
	if (!SHIPPED_DERIVED.includes(params.name)) error(404, `no derived table ${params.name}`);
	const db = await buildDatabase();
	const columns = await describeTable(db, params.name);
	const rows = await db.query(`SELECT * FROM ${params.name}`);
	const body = rowsToArrowIPC(columns, rows);
	return new Response(body.slice().buffer, {
		headers: { 'content-type': 'application/vnd.apache.arrow.stream' }
	});
};
