import { loadScoresView } from '$lib/db/queries/scores';
import { DEFAULT_FILTERS } from '$lib/filters/filters';
import { buildDatabase } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	view: await loadScoresView(await buildDatabase(), DEFAULT_FILTERS)
});
