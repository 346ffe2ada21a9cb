/** Clicking a number on a department page shows its exact quote, highlighted in the report text. */
import { expect, test } from '@playwright/test';
import { orgIdByName } from './helpers';

test('鼎城区: 333.14 → “2023年公务用车运行费333.14万元” highlighted in the report', async ({ page }) => {
	await page.goto(`/org/${orgIdByName('鼎城区')}/`);
	const btn = page.getByRole('link', { name: /2023年公务用车运行维护费（决算）：333\.14 万元/ });
	await btn.click();
	const quote = page.getByTestId('fact-quote');
	await expect(quote).toContainText('333.14');
	const q = (await quote.textContent()) ?? '';
	// The highlighted span of the normalized text is exactly the quote.
	await expect(page.getByTestId('fact-mark')).toHaveText(q);
	await expect(page.locator('.source .text')).toContainText('公务用车运行费');
});

test('鼎城区: the derived 2022 value 360.11 quotes the sentence it was derived from', async ({ page }) => {
	await page.goto(`/org/${orgIdByName('鼎城区')}/`);
	await page.getByRole('link', { name: /2022年公务用车运行维护费（决算）：360\.11 万元/ }).click();
	await expect(page.getByTestId('fact-quote')).toContainText('26.97');
	await expect(page.locator('.source .meta').first()).toContainText('推算');
});

test('湘西: the reported execution rate quotes 87.57%', async ({ page }) => {
	await page.goto(`/org/${orgIdByName('湘西')}/`);
	await page.getByRole('link', { name: /执行率（报告）：87\.6%/ }).click();
	await expect(page.getByTestId('fact-quote')).toContainText('87.57%');
	await expect(page.getByTestId('fact-mark')).toContainText('87.57%');
});

test('a number clicked before the page is live is not lost: its link sets the hash, which opens the quote', async ({
	page
}) => {
	const url = `/org/${orgIdByName('鼎城区')}/`;
	await page.goto(url);
	const link = page.getByRole('link', { name: /2022年公务用车运行维护费（决算）：360\.11 万元/ });
	const href = (await link.getAttribute('href')) ?? '';
	expect(href).toMatch(/^#quote-/);
	// A fresh load of the address the early click leaves behind.
	await page.goto('about:blank');
	await page.goto(url + href);
	await expect(page.getByTestId('fact-quote')).toContainText('26.97');
	await expect(page.locator('.source .meta').first()).toContainText('推算');
});
