import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/lib/filters/filters';
import { loadSangongView } from '../../src/lib/db/queries/sangong';
import { buildDatabase } from '../../src/lib/server/datasets';

describe('sangong view on the published datasets', () => {
	it('runs', async () => {
		const db = await buildDatabase();
		const v = await loadSangongView(db, DEFAULT_FILTERS);
		console.log(JSON.stringify(v, null, 1).slice(0, 4000));
		expect(v.byYearItem.length).toBeGreaterThan(0);
	});
});
