/**
 * Prerendered at build time: which published values have a finding (see FLAG_FACTS_SQL). The
 * browser loads this small CSV instead of the facts table, which it does not need for charts.
 */
import { tableToCsvText } from '$lib/db/csv-text';
import { FLAG_FACTS_COLUMNS } from '$lib/db/queries/base';
import { buildDatabase } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => {
	const db = await buildDatabase();
	const rows = await db.query(`SELECT ${FLAG_FACTS_COLUMNS.join(', ')} FROM flag_facts`);
	return new Response(tableToCsvText(FLAG_FACTS_COLUMNS, rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
};
