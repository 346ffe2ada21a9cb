/**
 * The SQL console (`/sql/`): ready (editor + DuckDB + every table but facts and findings), a
 * GROUP BY run warm (click on 运行 → grid rendered), and 100,000 result rows rendered and
 * scrolled with the main thread's long tasks recorded (PerformanceObserver 'longtask').
 */
import type { Browser, Page } from 'playwright-core';

/** An analyst's GROUP BY: 三公 actual spending per prefecture and year, joined to reports. */
const CONSOLE_GROUP_BY = `SELECT r.prefecture, s.year, sum(s.amount_wan) AS total_wan, count(*)::INTEGER AS n
FROM sangong s JOIN reports r USING (report_id)
WHERE s.basis = 'actual'
GROUP BY r.prefecture, s.year
ORDER BY r.prefecture, s.year`;
const CONSOLE_ROWS = `SELECT range AS n, range * 0.5 AS half_wan, 'row ' || range AS label FROM range(100000)`;

async function openConsole(browser: Browser, origin: string, sql?: string) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${origin}/sql/`);
	await page.locator('html[data-console="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
	const [readyMs, editorMs, tablesMs] = await page.evaluate(() =>
		['jx:console-ready', 'jx:console-editor', 'jx:console-tables'].map(
			(n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN
		)
	);
	if (sql !== undefined) {
		await page.locator('.cm-content').click();
		await page.keyboard.press('Control+a');
		await page.keyboard.press('Delete');
		await page.keyboard.insertText(sql);
	}
	return { ctx, page, readyMs, editorMs, tablesMs };
}

/** Click 运行 → this run's grid rendered (the console bumps `html[data-console-run]` after render). */
async function clickRun(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const root = document.documentElement;
		const seq = root.dataset.consoleRun ?? '0';
		const done = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no result within 60 s')), 60_000);
			const mo = new MutationObserver(() => {
				if ((root.dataset.consoleRun ?? '0') !== seq) {
					mo.disconnect();
					clearTimeout(timer);
					// The frame after the DOM update: the grid is painted.
					requestAnimationFrame(() => resolve(performance.now()));
				}
			});
			mo.observe(root, { attributes: true, attributeFilter: ['data-console-run'] });
		});
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('运行'))!;
		const t0 = performance.now();
		button.click();
		return (await done) - t0;
	});
}

export async function measureConsoleReady(browser: Browser, origin: string) {
	const { ctx, readyMs, editorMs, tablesMs } = await openConsole(browser, origin);
	await ctx.close();
	return { readyMs, editorMs, tablesMs };
}

/** Warm: one run first, then k timed runs of the same GROUP BY. */
export async function measureConsoleGroupBy(browser: Browser, origin: string, k = 7): Promise<number[]> {
	const { ctx, page } = await openConsole(browser, origin, CONSOLE_GROUP_BY);
	await clickRun(page);
	const out: number[] = [];
	for (let i = 0; i < k; i++) out.push(await clickRun(page));
	await ctx.close();
	return out;
}

/** 100,000 rows: click → grid rendered, then a scroll to the end; every long task meanwhile. */
export async function measureConsoleRows(browser: Browser, origin: string) {
	const { ctx, page } = await openConsole(browser, origin, CONSOLE_ROWS);
	await page.evaluate(() => {
		const w = window as unknown as { __longTasks: number[] };
		w.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
	});
	const renderMs = await clickRun(page);
	await page.evaluate(async () => {
		const el = document.querySelector('.grid-scroll')!;
		for (let i = 1; i <= 20; i++) {
			el.scrollTop = (el.scrollHeight * i) / 20;
			await new Promise((r) => requestAnimationFrame(() => r(null)));
		}
	});
	await page.waitForTimeout(300);
	const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
	const rows = await page.getByTestId('result-summary').innerText();
	await ctx.close();
	return { renderMs, longTasks, rows };
}
