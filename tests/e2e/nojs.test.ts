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

test('/sangong/ lists every line of the detail table without JavaScript', async ({ page }) => {
	await page.goto('/sangong/');
	const section = page.locator('section[aria-labelledby="sangong-detail"]');
	// With JavaScript the screen shows 25 and a button for the rest (smoke.test.ts); without it
	// the button could not work, so every line is there and no button.
	expect(await section.locator('tbody tr:has(td)').count()).toBeGreaterThan(25);
	await expect(section.getByRole('button')).toHaveCount(0);
});
