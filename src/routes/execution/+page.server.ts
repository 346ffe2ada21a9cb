import { loadExecutionView } from '$lib/db/queries/execution';
import { DEFAULT_FILTERS } from '$lib/filters/filters';
import { buildDatabase } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	view: await loadExecutionView(await buildDatabase(), DEFAULT_FILTERS)
});
