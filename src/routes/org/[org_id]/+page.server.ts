import { buildDatabase } from '$lib/server/datasets';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const db = await buildDatabase();
	const rows = await db.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY org_id');
	return rows.map((r) => ({ org_id: r.org_id }));
};

export const load: PageServerLoad = async ({ params }) => ({ orgId: params.org_id });
