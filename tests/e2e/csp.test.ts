/**
 * The Content-Security-Policy (src/lib/csp.js) on the default build: every page carries it, no
 * page breaks it (DuckDB-WASM, ECharts, downloads keep working: see smoke.test.ts), and it is
 * what refuses requests to other origins — from the page and from the DuckDB worker.
 */
import { expect, test } from '@playwright/test';
import { allRoutes, recordCspViolations, record, waitForDb, waitForLiveCharts } from './helpers';

const EXPECTED = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval' 'sha256-",
	"worker-src 'self' blob:",
	"connect-src 'self'",
	"img-src 'self' data: blob:",
	"font-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'"
];

test('every route: the policy is in a <meta>, nothing violates it, DuckDB and the charts run', async ({
	context,
	page
}) => {
	test.setTimeout(240_000);
	const violations = await recordCspViolations(context);
	const { errors } = record(context);
	for (const route of allRoutes()) {
		await page.goto(route);
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		for (const d of EXPECTED) expect(csp, route).toContain(d);
		// Nothing from elsewhere is allowed anywhere in the policy.
		expect(csp, route).not.toMatch(/https?:|\*/);
		await waitForDb(page);
		await waitForLiveCharts(page);
		expect(await violations(page), route).toEqual([]);
	}
	expect(errors).toEqual([]);
});

test('a request to another origin is refused by the policy — from the page and from the DuckDB worker', async ({
	context,
	page,
	baseURL
}) => {
	const violations = await recordCspViolations(context);
	const { requests } = record(context);
	await page.goto('/');
	await waitForDb(page);
	// Same server, other origin (localhost vs 127.0.0.1): if the policy let it through, it would arrive.
	const other = baseURL!.replace('127.0.0.1', 'localhost') + '/datasets/manifest.json';
	const fromPage = await page.evaluate(
		(u) =>
			fetch(u).then(
				() => 'fetched',
				(e: Error) => e.name
			),
		other
	);
	expect(fromPage).toBe('TypeError');
	expect(await violations(page)).toContainEqual(`connect-src ${other}`);

	// The engine's worker (started from a blob: so that it inherits the page's policy).
	const worker = page.workers().find((w) => w.url().startsWith('blob:'));
	expect(worker, 'the DuckDB worker runs from a blob: URL').toBeDefined();
	const fromWorker = await worker!.evaluate(
		(u) =>
			fetch(u).then(
				() => 'fetched',
				(e: Error) => `refused: ${e.message}`
			),
		other
	);
	expect(fromWorker).toMatch(/^refused/);
	// Its own, same-origin requests still work.
	const own = await worker!.evaluate(
		(u) => fetch(u).then((r) => r.status),
		new URL('datasets/manifest.json', page.url()).href
	);
	expect(own).toBe(200);
	expect(requests.filter((u) => u.startsWith(baseURL!.replace('127.0.0.1', 'localhost')))).toEqual([]);
});
