/**
 * Report text is data, never markup: the portal build holds three reports whose department
 * name, indicator names and prose carry HTML/script payloads (tests/hostile/corpus.ts). On the
 * department pages, in findings and in the charts (prerendered SVG, live ECharts and tooltips,
 * 数据表) they must show as text and do nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { NAME_PAYLOADS, TEXT_PAYLOADS } from '../hostile/corpus';
import { recordCspViolations, waitForDb } from '../e2e/helpers';
import { payloadOrgs } from './portal';

/** What a payload would leave behind had it run or been parsed as markup. */
async function injected(page: Page) {
	return page.evaluate(() => {
		const all = [...document.querySelectorAll('*')];
		return {
			xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
			imgX: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
			iframes: document.querySelectorAll('iframe').length,
			handlers: all
				.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
				.map((e) => e.outerHTML.slice(0, 80)),
			// SvelteKit's own data script holds the names as escaped string data; any other script is not ours.
			scripts: [...document.scripts].filter(
				(s) => /alert|__xss/.test(s.textContent ?? '') && !(s.textContent ?? '').includes('__sveltekit_')
			).length
		};
	});
}
const CLEAN = { xss: null, imgX: 0, iframes: 0, handlers: [], scripts: 0 };

let dialogs: string[] = [];
test.beforeEach(({ page }) => {
	dialogs = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
});
test.afterEach(() => expect(dialogs).toEqual([]));

test('department pages: payload names, indicators and quotes show as text', async ({ page, context }) => {
	const violations = await recordCspViolations(context);
	const orgs = payloadOrgs();
	expect(orgs).toHaveLength(NAME_PAYLOADS.length);
	for (const o of orgs) {
		await page.goto(`org/${o.org_id}/`);
		await expect(page.locator('h1')).toHaveText(o.org_name);
		expect(NAME_PAYLOADS.some((p) => o.org_name.includes(p))).toBe(true);
		// Indicator names from the 自评表, verbatim.
		await expect(page.getByText(TEXT_PAYLOADS[0], { exact: false }).first()).toBeAttached();
		await expect(page.getByText(TEXT_PAYLOADS[1], { exact: false }).first()).toBeAttached();
		await waitForDb(page);
		// The report text around a quote whose sentence carries a payload (“…${payload}我局实际支出594.67万元”).
		const buttons = page.getByRole('link', { name: /594\.67/ });
		let shownInText = false;
		for (let i = 0; i < (await buttons.count()) && !shownInText; i++) {
			await buttons.nth(i).click();
			await expect(page.getByTestId('fact-quote')).toBeVisible();
			const text = (await page.locator('.source .text').textContent()) ?? '';
			shownInText = TEXT_PAYLOADS.some((p) => text.includes(p));
		}
		expect(shownInText).toBe(true);
		expect(await injected(page)).toEqual(CLEAN);
		expect(await violations(page)).toEqual([]);
	}
});

test('findings and charts: payload names in SVG, tooltips and 数据表 stay text', async ({ page }) => {
	test.setTimeout(300_000);
	// [route, a tooltip must show a payload name, the 数据表 list them]. On 自评得分 the payload
	// departments' points sit exactly on 北塔区委办's (same figures), so a sweep may show either;
	// 总览 lists only the extremes. Every page must stay inert.
	const ids = payloadOrgs()
		.map((o) => o.org_id)
		.join(',');
	for (const [route, tooltips, tables] of [
		['', false, false],
		['sangong/', true, true],
		['execution/', true, true],
		['scores/', false, true],
		// Tooltips not checked here: the live compare query for chosen ids fails in the browser
		// today (it reads `reports`, which the browser does not load) — reported, not this test's job.
		[`compare/?ids=${ids}`, false, true]
	] as const) {
		await page.goto(route);
		// Prerendered: before any script could have run.
		expect(await injected(page), route).toEqual(CLEAN);
		await waitForDb(page);
		const charts = page.locator('figure.chart[data-live]');
		await expect(charts.first()).toBeAttached();
		// Sweep the pointer over every live chart so ECharts shows its tooltips (HTML in body).
		const shown = new Set<string>();
		const lives = page.locator('figure.chart[data-live] .live.on:visible');
		for (let i = 0; i < (await lives.count()); i++) {
			await lives.nth(i).scrollIntoViewIfNeeded();
			const box = (await lives.nth(i).boundingBox())!;
			for (let y = box.y + 8; y < box.y + box.height; y += 14)
				for (const x of [0.3, 0.5, 0.7].map((f) => box.x + box.width * f)) {
					await page.mouse.move(x, y);
					const tip = await page.evaluate(() =>
						[...document.body.children]
							.map((c) => (c as HTMLElement).innerText ?? '')
							.filter((t) => t.includes('<'))
							.join('|')
					);
					if (tip) shown.add(tip);
				}
		}
		expect(await injected(page), route).toEqual(CLEAN);
		if (tooltips)
			expect(
				[...shown].some((t) => NAME_PAYLOADS.some((p) => t.includes(p))),
				route
			).toBe(true);
		if (!tables) continue;
		// 数据表: the names as table text.
		const details = page.locator('details.data-table');
		for (let i = 0; i < (await details.count()); i++) await details.nth(i).locator('summary').click();
		expect(await page.locator('table').evaluateAll((ts) => ts.map((t) => t.textContent).join(''))).toContain(
			NAME_PAYLOADS[1]
		);
		expect(await injected(page), route).toEqual(CLEAN);
	}
});
