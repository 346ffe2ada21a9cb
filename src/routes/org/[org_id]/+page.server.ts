import { error } from '@sveltejs/kit';
import { loadOrgViews, type OrgView } from '$lib/db/queries/org';
import { buildDatabase } from '$lib/server/datasets';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Departments read per query while prerendering (thousands of pages; see loadOrgViews). */
const BATCH = 256;

/** Every department, in org_id order (the order the pages are prerendered in). */
let allIds: Promise<string[]> | null = null;
const orgIds = () =>
	(allIds ??= buildDatabase()
		.then((db) => db.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY org_id'))
		.then((rows) => rows.map((r) => r.org_id)));

/** One prerendered page per department in the orgs dataset. */
export const entries: EntryGenerator = async () => (await orgIds()).map((org_id) => ({ org_id }));

/** Views read ahead for the next pages; each is handed out once. */
const ahead = new Map<string, OrgView>();

async function orgView(id: string): Promise<OrgView | null> {
	let view = ahead.get(id);
	if (!view) {
		const ids = await orgIds();
		const i = ids.indexOf(id);
		if (i < 0) return null;
		const batch = await loadOrgViews(await buildDatabase(), id, ids[Math.min(i + BATCH, ids.length) - 1]);
		for (const [k, v] of batch) ahead.set(k, v);
		view = ahead.get(id);
	}
	ahead.delete(id);
	return view ?? null;
}

export const load: PageServerLoad = async ({ params }) => {
	const view = await orgView(params.org_id);
	if (!view) error(404, `没有编号为 ${params.org_id} 的部门`);
	return { view };
};
