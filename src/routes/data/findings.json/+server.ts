/** Prerendered: every finding as the /data/ page lists them, fetched when a filter is chosen. */
import { json } from '@sveltejs/kit';
import { FINDINGS_SQL, type FindingRow } from '$lib/data-page/findings';
import { buildDatabase } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => json(await (await buildDatabase()).query<FindingRow>(FINDINGS_SQL));
