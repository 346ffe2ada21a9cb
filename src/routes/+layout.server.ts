import { loadFacets } from '$lib/db/queries/facets';
import { buildDatabase, readManifest } from '$lib/server/datasets';
import type { LayoutServerLoad } from './$types';

/** The same for every page: computed once per build, not once per prerendered page (thousands). */
let shared: ReturnType<typeof loadShared> | null = null;

async function loadShared() {
	const db = await buildDatabase();
	const manifest = readManifest();
	return {
		facets: await loadFacets(db),
		builtAt: manifest.built_at ?? null
	};
}

export const load: LayoutServerLoad = () => (shared ??= loadShared());
