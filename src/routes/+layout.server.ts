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

export const load: LayoutServerLoad = async ({ route }) => {
	const s = await (shared ??= loadShared());
	// Department pages filter by year only. The region lists are most of this data at scale
	// (~100 KB for 4,000 departments), written into each of thousands of pages twice (HTML and
	// __data.json); leaving them out there cut the 10,000-report build's CPU time by ~12 %.
	return route.id?.startsWith('/org/') ? { ...s, facets: { ...s.facets, regions: [] } } : s;
};
