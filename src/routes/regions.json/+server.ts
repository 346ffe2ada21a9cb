/**
 * Prerendered: every prefecture with its counties, the region filters' choices. A file of its own,
 * fetched when the filter bar mounts, not page data: at national scale (~330 prefectures, ~2,600
 * counties) it was ~40 KB of every dashboard page's HTML (the <option>s and the hydration data),
 * ~10 ms of the 10,000-report site's first paint, for controls that only work once the page runs.
 */
import { json } from '@sveltejs/kit';
import { loadRegions } from '$lib/db/queries/facets';
import { buildDatabase } from '$lib/server/datasets';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => json(await loadRegions(await buildDatabase()));
