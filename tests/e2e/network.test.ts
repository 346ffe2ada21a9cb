/** No request leaves the local server (the DuckDB worker's included); no console errors. */
import { expect, test } from '@playwright/test';
import { allRoutes, record, waitForDb, waitForLiveCharts } from './helpers';

test('every route: only same-origin requests, no console errors', async ({ context, page, baseURL }) => {
	// Every route in one test: on a busy shared machine that takes more than the default minute.
	test.setTimeout(240_000);
	const { requests, errors } = record(context);
	for (const route of allRoutes()) {
		await page.goto(route);
		await waitForDb(page);
		await waitForLiveCharts(page);
	}
	const origin = new URL(baseURL!).origin;
	const foreign = requests.filter(
		(u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')
	);
	expect(foreign).toEqual([]);
	// The worker's own fetch (the wasm) is recorded too, and so are the tables' database files.
	expect(requests.some((u) => /duckdb-(eh|mvp)\.[\w-]+\.wasm$/.test(u))).toBe(true);
	expect(requests.some((u) => u.endsWith('/tables/orgs.duckdb'))).toBe(true);
	expect(requests.some((u) => u.endsWith('/tables/dash_sg.duckdb'))).toBe(true);
	expect(errors).toEqual([]);
});
