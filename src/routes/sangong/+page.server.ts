import { loadSangongView } from '$lib/db/queries/sangong';
import { DEFAULT_FILTERS } from '$lib/filters/filters';
import { buildDatabase } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

// The default view, computed at build time by the same named queries the browser runs.
export const load: PageServerLoad = async () => ({
	view: await loadSangongView(await buildDatabase(), DEFAULT_FILTERS)
});
