import { loadOverviewView } from '$lib/db/queries/overview';
import { DEFAULT_FILTERS } from '$lib/filters/filters';
import { buildDatabase } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	view: await loadOverviewView(await buildDatabase(), DEFAULT_FILTERS)
});
