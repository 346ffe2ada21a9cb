import { error } from '@sveltejs/kit';
import { loadOrgView } from '$lib/db/queries/org';
import { buildDatabase } from '$lib/server/datasets';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per department in the orgs dataset. */
export const entries: EntryGenerator = async () => {
	const db = await buildDatabase();
	const rows = await db.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY org_id');
	return rows.map((r) => ({ org_id: r.org_id }));
};

export const load: PageServerLoad = async ({ params }) => {
	const view = await loadOrgView(await buildDatabase(), params.org_id);
	if (!view) error(404, `没有编号为 ${params.org_id} 的部门`);
	return { view };
};
