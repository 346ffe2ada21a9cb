/** axe: no serious or critical violations on any route (live charts, data tables open). */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allRoutes, waitForDb } from './helpers';

for (const route of allRoutes()) {
	test(`axe ${route}`, async ({ page }) => {
		await page.goto(route);
		await waitForDb(page);
		// The import page with a parsed report and a refused file on it.
		if (route === '/import/') {
			await page.setInputFiles('input[type=file]', [
				{
					name: '000.txt',
					mimeType: 'text/plain',
					buffer: readFileSync('data/reports/000_6071d45c8067cb91.txt')
				},
				{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }
			]);
			await page.locator('html[data-import-parsed="2"]').waitFor({ state: 'attached' });
		}
		for (const d of await page.locator('details').all())
			await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
		const result = await new AxeBuilder({ page }).analyze();
		const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(
			bad.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(' | ')}`
			)
		).toEqual([]);
	});
}
