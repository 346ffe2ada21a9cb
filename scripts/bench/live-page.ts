/**
 * A dashboard page with its data in DuckDB-WASM and its charts live, and the filter change the
 * benchmarks time on it: a value picked in the year select, input event → the view's render mark
 * (`html[data-view-seq]`, set in a frame after every chart's setOption).
 */
import type { Browser, Page } from 'playwright-core';

/** Go to `url` and wait until the filters are live and ECharts took over every chart. */
export async function openLive(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
	await page.locator('figure.chart:not([data-live])').first().waitFor({ state: 'detached', timeout: 60_000 });
}

/** One change of the 从 year select (`narrow`: the latest year, else all years); ms to re-render. */
export async function changeFilter(page: Page, narrow: boolean): Promise<number> {
	return page.evaluate(async (narrow) => {
		const root = document.documentElement;
		const select = document.querySelector<HTMLSelectElement>('select[name="from"]')!;
		const years = [...select.options].map((o) => o.value).filter(Boolean);
		const value = narrow ? years[years.length - 1] : '';
		const seq = root.dataset.viewSeq ?? '0';
		const done = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no re-render within 30 s')), 30_000);
			const mo = new MutationObserver(() => {
				if ((root.dataset.viewSeq ?? '0') !== seq) {
					mo.disconnect();
					clearTimeout(timer);
					resolve(performance.now());
				}
			});
			mo.observe(root, { attributes: true, attributeFilter: ['data-view-seq'] });
		});
		const t0 = performance.now();
		select.value = value;
		select.dispatchEvent(new Event('change', { bubbles: true }));
		const t1 = await done;
		// Let the browser settle before the next change.
		await new Promise((r) => setTimeout(r, 150));
		return t1 - t0;
	}, narrow);
}

/** `k` filter changes on a live page, alternating narrow / wide. */
export async function changeFilterTimes(page: Page, k: number): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < k; i++) out.push(await changeFilter(page, i % 2 === 0));
	return out;
}

/** A fresh context on `url`, then `k` timed filter changes. */
export async function measureFilter(browser: Browser, url: string, k = 6): Promise<number[]> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await openLive(page, url);
	const out = await changeFilterTimes(page, k);
	await ctx.close();
	return out;
}
