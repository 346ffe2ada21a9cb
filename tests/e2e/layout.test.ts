/** Works at 375 px; prints on A4 without navigation chrome, charts and tables intact. */
import { expect, test } from '@playwright/test';
import { DASHBOARD_ROUTES, orgIdByName, waitForDb } from './helpers';

test.describe('375 px wide', () => {
	test.use({ viewport: { width: 375, height: 800 } });
	for (const route of [...DASHBOARD_ROUTES, 'org']) {
		test(`no horizontal scrolling on ${route}`, async ({ page }) => {
			await page.goto(route === 'org' ? `/org/${orgIdByName('湘西')}/` : route);
			await waitForDb(page);
			await expect(page.locator('figure.chart[data-live]').first()).toBeAttached();
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(375);
			await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
		});
	}
	test('the filters fold away behind “筛选”; the first screen shows the page, not six fields', async ({
		page
	}) => {
		await page.goto('/sangong/');
		await waitForDb(page);
		const from = page.getByLabel('起始年度');
		const toggle = page.getByRole('button', { name: /^筛选/ });
		await expect(from).toBeHidden();
		await expect(page.getByText('当前：全部年度、全部地区')).toBeVisible();
		// The page's title is on the first screen, well above the fold.
		const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
		expect(h1!.y).toBeLessThan(300);
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await from.selectOption('2023');
		await expect(page).toHaveURL(/from=2023/);
		await expect(page.getByText('当前：2023年起')).toBeVisible();
	});
	for (const route of ['/data/', '/import/']) {
		test(`no horizontal scrolling on ${route}`, async ({ page }) => {
			await page.goto(route);
			await waitForDb(page);
			if (route === '/import/') {
				await page.setInputFiles('input[type=file]', 'data/reports/002_39c952c7f1c00a81.txt');
				await page.locator('html[data-import-parsed="1"]').waitFor({ state: 'attached' });
				await page.locator('details.facts > summary').click();
			}
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		});
	}
});

test('print: A4, no navigation or filters, charts and their tables', async ({ page }) => {
	await page.goto('/sangong/');
	await waitForDb(page);
	await expect(page.locator('figure.chart[data-live]').first()).toBeAttached();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
	await expect(page.locator('form.filters')).toBeHidden();
	await expect(page.locator('figure[data-chart="sangong-by-year-item"] svg').first()).toBeVisible();
	await expect(page.getByRole('button', { name: '下载 PNG' }).first()).toBeHidden();
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	// Printing opens every 数据表, so the numbers print with their charts, and closes them after.
	const closed = page.locator('figure.chart details:not([open])');
	const n = await closed.count();
	expect(n).toBeGreaterThan(0);
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await expect(closed).toHaveCount(0);
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await expect(closed).toHaveCount(n);
});
