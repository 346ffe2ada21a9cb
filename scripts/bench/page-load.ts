/**
 * Cold loads, each in a fresh browser context (cold HTTP cache): the floors' first paint and
 * DuckDB start, and `/` — first paint, filters live, every chart live, and the JavaScript it
 * loads (gzip sizes of the served files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { bodyOf, fileOf, type Site } from './site';

const gzCache = new Map<string, number>();
function gzipSize(site: Site, url: string): number {
	const file = fileOf(site, url);
	let n = gzCache.get(file);
	if (n === undefined) {
		n = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
		gzCache.set(file, n);
	}
	return n;
}
const isDuckDbJs = (url: string, body: () => string) =>
	/duckdb-browser-(eh|mvp)\.worker/.test(url) || /AsyncDuckDB|duckdb_web|DuckDBBundles/.test(body());
const isEChartsJs = (body: string) => body.includes('_echarts_instance_');

/** First contentful paint of the minimal Chinese page. */
export async function measurePlainFcp(browser: Browser, site: Site): Promise<number> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${site.origin}/__floor/plain.html`);
	await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
	const ms = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
	await ctx.close();
	return ms;
}

/** Navigation start → the bare page has instantiated DuckDB-WASM and answered `SELECT 1`. */
export async function measureFloor(browser: Browser, site: Site): Promise<number> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${site.origin}/__floor/`);
	await page.locator('html[data-floor-ms]').waitFor({ state: 'attached', timeout: 60_000 });
	const ms = Number(await page.evaluate(() => document.documentElement.dataset.floorMs));
	await ctx.close();
	return ms;
}

export interface SiteRun {
	marks: Record<string, number>;
	fcp: number;
	live: number;
	chartsLive: number;
	jsInitialGz: number;
	jsNonDuckDbGz: number;
	echartsGz: number;
	external: string[];
}

export async function measureHome(browser: Browser, site: Site): Promise<SiteRun> {
	const { origin } = site;
	const ctx = await browser.newContext();
	const requests: { url: string; order: number }[] = [];
	let order = 0;
	ctx.on('request', (r) => requests.push({ url: r.url(), order: order++ }));
	const page = await ctx.newPage();
	await page.goto(`${origin}/`);
	await page.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
	await page.locator('figure.chart:not([data-live])').first().waitFor({ state: 'detached', timeout: 60_000 });
	const m = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
		live: Number(document.documentElement.dataset.dbMs),
		chartsLive: performance.now(),
		ssrCharts: document.querySelectorAll('figure.chart').length,
		marks: Object.fromEntries(
			['jx:db-start', 'jx:db-modules', 'jx:db-engine'].map((n) => [
				n,
				performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN
			])
		)
	}));
	await ctx.close();

	const body = (url: string) => bodyOf(site, url);
	const js = requests.filter((r) => new URL(r.url).pathname.endsWith('.js') && r.url.startsWith(origin));
	const firstDuck = js.find((r) => isDuckDbJs(r.url, () => body(r.url)))?.order ?? Number.POSITIVE_INFINITY;
	const initial = js.filter((r) => r.order < firstDuck);
	const nonDuck = js.filter((r) => !isDuckDbJs(r.url, () => body(r.url)));
	const sum = (rs: { url: string }[]) =>
		[...new Set(rs.map((r) => r.url))].reduce((s, r) => s + gzipSize(site, r), 0);
	return {
		marks: m.marks,
		fcp: m.fcp,
		live: m.live,
		chartsLive: m.chartsLive,
		jsInitialGz: sum(initial),
		jsNonDuckDbGz: sum(nonDuck),
		echartsGz: sum(js.filter((r) => isEChartsJs(body(r.url)))),
		external: requests.map((r) => r.url).filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))
	};
}
