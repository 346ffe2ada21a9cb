import { defaultCompareIds, loadCompareView, loadPickerView } from '$lib/db/queries/compare';
import { DEFAULT_FILTERS } from '$lib/filters/filters';
import { buildDatabase } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await buildDatabase();
	const ids = await defaultCompareIds(db);
	return {
		defaultIds: ids,
		view: await loadCompareView(db, DEFAULT_FILTERS, ids),
		picker: await loadPickerView(db, DEFAULT_FILTERS)
	};
};
