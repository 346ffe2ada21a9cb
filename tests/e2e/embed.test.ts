/**
 * Embeds: `?embed=<chart id>` shows one chart (title, notes, 数据表, source line) and nothing
 * else, works in an iframe on another site (no frame-busting), and every live chart offers the
 * snippet under “嵌入”.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
	await chart.getByRole('button', { name: '嵌入' }).click();
	const snippet = await chart.locator('textarea').inputValue();
	expect(snippet).toMatch(/^<iframe src="[^"]+" title="[^"]+" width="100%" height="\d+"/);
	const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&'));
	expect(src.origin + src.pathname).toBe(`${baseURL}/execution/`);
	expect(src.searchParams.get('embed')).toBe('execution-scatter');
	expect(src.searchParams.get('from')).toBe('2022');
});

test('an embed works in an iframe on another site', async ({ page, baseURL }) => {
	const embed = `${baseURL}/scores/?embed=score-boxplot`;
	// The portal's page, from a server of its own (another origin: another port). A real loopback
	// server, because Chromium refuses a page it cannot place (e.g. one answered by page.route)
	// to frame a loopback address.
	const portal = createServer((_req, res) =>
		res
			.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
			.end(
				`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head>` +
					`<body><h1>信息公开</h1><iframe src="${embed}" title="自评得分" width="800" height="560"></iframe></body></html>`
			)
	);
	await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
	const portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/`;
	try {
		await page.goto(portalUrl);
		const frame = page.frameLocator('iframe');
		await expect(frame.locator('figure[data-chart="score-boxplot"]')).toBeVisible();
		await frame.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
		await expect(frame.locator('figure[data-chart="score-boxplot"]')).toHaveAttribute('data-live', '');
		await expect(frame.locator('header.site')).toBeHidden();
		await expect(frame.locator('.embed-source')).toBeVisible();
		// No frame-busting: the portal is still the top page.
		expect(page.url()).toBe(portalUrl);
	} finally {
		portal.close();
	}
});
