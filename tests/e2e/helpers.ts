/** Shared helpers for the browser tests: routes, seed lookups, request and console recording. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { parseCsv } from '../helpers/csv';

/** The datasets of the default build; the portal tests pass their own build's. */
const DATASETS = path.resolve('build/datasets');

/** Rows of a published CSV (UTF-8 with BOM); NULL reads as ''. */
function csvRows(table: string, datasets = DATASETS): Record<string, string>[] {
	const text = readFileSync(path.join(datasets, `${table}.csv`), 'utf8').replace(/^\uFEFF/, '');
	const [header, ...rows] = parseCsv(text);
	return rows.map((r) => Object.fromEntries(header.map((c, i) => [c ?? '', r[i] ?? ''])));
}

export function orgs(datasets = DATASETS): { org_id: string; org_name: string }[] {
	return csvRows('orgs', datasets).map((r) => ({ org_id: r.org_id, org_name: r.org_name }));
}

export function orgIdByName(part: string): string {
	const o = orgs().find((x) => x.org_name.includes(part));
	if (!o) throw new Error(`no org whose name contains ${part}`);
	return o.org_id;
}

export const DASHBOARD_ROUTES = ['/', '/sangong/', '/execution/', '/scores/', '/compare/'] as const;

/** Pages without charts: the SQL console, the import and the data page. */
export const TOOL_ROUTES: readonly string[] = ['/sql/', '/import/', '/data/'];

export function allRoutes(datasets = DATASETS): string[] {
	return [...DASHBOARD_ROUTES, ...TOOL_ROUTES, ...orgs(datasets).map((o) => `/org/${o.org_id}/`)];
}

/** On a page with charts, wait until the live charts took over the prerendered ones. */
export async function waitForLiveCharts(page: Page) {
	if ((await page.locator('figure.chart').count()) > 0)
		await page.locator('figure.chart[data-live]').first().waitFor({ state: 'attached' });
}

/**
 * Wait until the page has its data in DuckDB-WASM: the dashboard's tables (the layout sets
 * data-db), or on /sql/ the console's own (it does not load the dashboard's); /data/ loads none.
 */
export async function waitForDb(page: Page) {
	const path = new URL(page.url()).pathname;
	// Nothing to query: wait until its scripts are in (a next goto would abort them).
	if (path.endsWith('/data/')) return page.waitForLoadState('networkidle');
	const ready = path.endsWith('/sql/') ? 'html[data-console="ready"]' : 'html[data-db="ready"]';
	await page.locator(ready).waitFor({ state: 'attached', timeout: 30_000 });
}

/** Every request the context makes (pages and their workers), and console errors. */
export function record(context: BrowserContext) {
	const requests: string[] = [];
	const errors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const watch = (p: Page) => {
		p.on('console', (m) => {
			if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
		});
		p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
	};
	context.pages().forEach(watch);
	context.on('page', watch);
	return { requests, errors };
}

/**
 * Content-Security-Policy violations of every page (and frame) of the context, as
 * `directive blocked-uri` strings: a listener installed before any page script runs.
 */
export async function recordCspViolations(context: BrowserContext) {
	await context.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`)
		);
	});
	return (page: Page): Promise<string[]> =>
		page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
