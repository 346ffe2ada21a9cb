/**
 * Embeds: `?embed=<chart id>` shows one chart (title, notes, 数据表, source line) and nothing
 * else, works in an iframe on another site (no frame-busting), and every live chart offers the
 * snippet under “嵌入”.
 */
import { expect, test } from '@playwright/test';
import { recordCspViolations, waitForDb } from './helpers';

test('?embed=<id> shows only that chart, with its 数据表 and a source line', async ({ context, page }) => {
	const violations = await recordCspViolations(context);
	await page.goto('/sangong/?embed=sangong-budget-actual');
	const chart = page.locator('figure[data-chart="sangong-budget-actual"]');
	await expect(chart).toBeVisible();
	await expect(chart.locator('.chart-title')).toHaveText(/./);
	await expect(chart.getByText('数据表')).toBeVisible();
	await expect(page.locator('.embed-source')).toBeVisible();
	await expect(page.locator('.embed-source a')).toHaveAttribute('target', '_blank');
	for (const hidden of [
		'header.site',
		'form.filters',
		'footer.site',
		'h1',
		'figure[data-chart="sangong-by-year-item"]'
	])
		await expect(page.locator(hidden).first(), hidden).toBeHidden();
	// Still a live chart, still under the policy.
	await waitForDb(page);
	await expect(chart).toHaveAttribute('data-live', '');
	await expect(page.locator('figure.chart:visible')).toHaveCount(1);
	expect(await violations(page)).toEqual([]);
});

test('the 嵌入 affordance gives an iframe snippet that keeps the filters', async ({ page, baseURL }) => {
	await page.goto('/execution/?from=2022');
	await waitForDb(page);
	const chart = page.locator('figure[data-chart="execution-scatter"]');
	await expect(chart).toHaveAttribute('data-live', '');
	await chart.getByText('嵌入', { exact: true }).click();
	const snippet = await chart.locator('textarea').inputValue();
	expect(snippet).toMatch(/^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+"/);
	const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&'));
	expect(src.origin + src.pathname).toBe(`${baseURL}/execution/`);
	expect(src.searchParams.get('embed')).toBe('execution-scatter');
	expect(src.searchParams.get('from')).toBe('2022');
});

test('an embed works in an iframe on another site', async ({ page, baseURL }) => {
	const embed = `${baseURL}/scores/?embed=score-boxplot`;
	// The portal page, on an origin of its own (localhost, not 127.0.0.1; answered here, never by
	// the server). A loopback origin: Chromium keeps public pages from framing loopback ones.
	const portal = `${baseURL!.replace('127.0.0.1', 'localhost')}/portal-page.html`;
	await page.route(portal, (route) =>
		route.fulfill({
			contentType: 'text/html; charset=utf-8',
			body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head>
<body><h1>信息公开</h1><iframe src="${embed}" title="自评得分" width="800" height="560"></iframe></body></html>`
		})
	);
	await page.goto(portal);
	const frame = page.frameLocator('iframe');
	await expect(frame.locator('figure[data-chart="score-boxplot"]')).toBeVisible();
	await frame.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
	await expect(frame.locator('figure[data-chart="score-boxplot"]')).toHaveAttribute('data-live', '');
	await expect(frame.locator('header.site')).toBeHidden();
	// No frame-busting: the portal is still the top page.
	expect(page.url()).toBe(portal);
});
