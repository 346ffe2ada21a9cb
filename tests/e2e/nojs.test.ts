/** Without JavaScript the prerendered pages still show their charts and numbers. */
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('/ shows its charts without JavaScript', async ({ page }) => {
	await page.goto('/');
	for (const id of ['sangong-by-year-item', 'execution-lowest', 'score-histogram-small']) {
		const svg = page.locator(`figure[data-chart="${id}"] .ssr svg`);
		await expect(svg).toBeVisible();
		expect(await svg.locator('path').count()).toBeGreaterThan(3);
	}
	await expect(page.locator('.headline')).toContainText('万元');
});

test('/execution/ shows 湘西 87.6% without JavaScript', async ({ page }) => {
	await page.goto('/execution/');
	await expect(page.locator('figure[data-chart="execution-rates"] .ssr svg')).toContainText('87.6%');
	await expect(page.locator('section.low')).toContainText('87.6%');
});
