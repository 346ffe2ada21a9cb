/**
 * The site under a sub-path, as a portal serves it: `BASE_PATH=/xxgk/jxpj` build in
 * build-portal/xxgk/jxpj/, a files-only server on build-portal/. Every route (the list in
 * tests/e2e/helpers.ts, which new pages extend) loads with DuckDB's worker, wasm and tables; no
 * request fails or leaves the prefix; every link on every page stays under it and answers.
 */
import { expect, test } from '@playwright/test';
import { record, waitForDb, waitForLiveCharts } from '../e2e/helpers';
import { PORTAL_BASE, portalRoutes } from './portal';

test('every route under /xxgk/jxpj/: no 404, nothing outside the prefix, every link answers', async ({
	context,
	page,
	baseURL
}) => {
	test.setTimeout(300_000);
	const prefix = baseURL!;
	expect(new URL(prefix).pathname).toBe(`${PORTAL_BASE}/`);
	const { requests, errors } = record(context);
	const failed: string[] = [];
	context.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});
	context.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText} ${r.url()}`));
	const links = new Set<string>();
	const routes = portalRoutes();
	expect(routes.length).toBeGreaterThan(8);
	for (const route of routes) {
		const res = await page.goto(route);
		expect(res?.status(), route).toBe(200);
		await waitForDb(page);
		await waitForLiveCharts(page);
		// Idle-time loads (ECharts, warm-up) finish before the next route: leaving mid-request
		// aborts it, which is the test's doing, not a failed request of the site.
		await page.waitForLoadState('networkidle');
		for (const href of await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
			links.add(href.split('#')[0]);
	}
	const outside = [...links].filter((l) => !l.startsWith(prefix));
	expect(outside).toEqual([]);
	for (const l of links) expect((await page.request.get(l)).status(), l).toBe(200);

	const foreign = requests.filter((u) => !u.startsWith(prefix) && !/^(data|blob):/.test(u));
	expect(foreign).toEqual([]);
	expect(
		requests.some((u) => /\/_app\/immutable\/assets\/duckdb-browser-(eh|mvp)\.worker\.[\w-]+\.js$/.test(u))
	).toBe(true);
	expect(requests.some((u) => /duckdb-(eh|mvp)\.[\w-]+\.wasm$/.test(u))).toBe(true);
	expect(requests.some((u) => u === `${prefix}tables/orgs.duckdb`)).toBe(true);
	expect(requests.some((u) => u === `${prefix}tables/dash_sg.duckdb`)).toBe(true);
	expect(failed).toEqual([]);
	expect(errors).toEqual([]);
});

test('downloads under the sub-path: chart CSV and PNG, the published datasets, a report text', async ({
	page,
	baseURL
}) => {
	await page.goto('execution/');
	await waitForDb(page);
	const chart = page.locator('figure[data-chart="execution-rates"]');
	await expect(chart).toHaveAttribute('data-live', '');
	for (const [button, file] of [
		['下载 CSV', 'execution-rates.csv'],
		['下载 PNG', 'execution-rates.png']
	]) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			chart.getByRole('button', { name: button }).click()
		]);
		expect(download.suggestedFilename()).toBe(file);
		expect(Buffer.concat(await (await download.createReadStream()).toArray()).length).toBeGreaterThan(100);
	}
	const manifest = (await (await page.request.get(`${baseURL}datasets/manifest.json`)).json()) as {
		tables: { name: string }[];
		sources: { report_id?: string }[];
	};
	for (const t of manifest.tables)
		for (const ext of ['csv', 'parquet', 'arrow'])
			expect(
				(await page.request.get(`${baseURL}datasets/${t.name}.${ext}`)).status(),
				`${t.name}.${ext}`
			).toBe(200);
	const id = manifest.sources.find((s) => s.report_id)!.report_id!;
	expect((await page.request.get(`${baseURL}datasets/texts/${id}.txt`)).status()).toBe(200);
});

test('a number on a department page shows its quote (the report text is fetched under the prefix)', async ({
	page,
	context,
	baseURL
}) => {
	const { requests } = record(context);
	await page.goto(portalRoutes().find((r) => r.startsWith('org/'))!);
	await page.locator('a.fact').first().click();
	await expect(page.getByTestId('fact-mark')).not.toBeEmpty();
	expect(requests.some((u) => u.startsWith(`${baseURL}datasets/texts/`))).toBe(true);
});
