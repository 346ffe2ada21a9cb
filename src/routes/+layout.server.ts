import { loadFacets } from '$lib/db/queries/facets';
import { buildDatabase, readManifest } from '$lib/server/datasets';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	const db = await buildDatabase();
	const manifest = readManifest();
	return {
		facets: await loadFacets(db),
		builtAt: typeof manifest.built_at === 'string' ? manifest.built_at : null
	};
};
