/** Each route renders its charts from the real seed data; specific source numbers appear. */
import { type Page, expect, test } from '@playwright/test';
import { TOOL_ROUTES, allRoutes, orgIdByName, waitForDb } from './helpers';

test('every route renders charts (prerendered SVG, then live)', async ({ page }) => {
	for (const route of allRoutes().filter((r) => !TOOL_ROUTES.includes(r))) {
		await page.goto(route);
		await expect(page.locator('h1')).toBeVisible();
		const charts = page.locator('figure.chart');
		expect(await charts.count(), route).toBeGreaterThan(0);
		await expect(charts.first().locator('svg').first()).toBeAttached();
	}
});

test('三公经费: 鼎城区 2023 公务用车运行维护费 333.14 万元, its 2022 value 360.11 marked derived', async ({
	page
}) => {
	await page.goto('/sangong/');
	const row = (await detailGroup(page, '鼎城区')).filter({ hasText: '公务用车运行维护费' });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('333.14 万元');
	const cell2022 = row.locator('td.derived');
	await expect(cell2022).toContainText('360.11 万元');
	await expect(cell2022).toContainText('推算');
});

/** The lines of one department in the 三公 detail table: a row group headed by its name. */
async function detailGroup(page: Page, org: string) {
	const head = page.locator('section[aria-labelledby="sangong-detail"] th[scope="rowgroup"]', {
		hasText: org
	});
	await expect(head).toHaveCount(1);
	// The header spans the whole table: 口径, 项目 and every year.
	const columns = await page.locator('section[aria-labelledby="sangong-detail"] thead th').count();
	await expect(head).toHaveAttribute('colspan', String(columns));
	const group = head.locator('xpath=ancestor::tbody[1]/tr[td]');
	expect(await group.count()).toBeGreaterThan(0);
	return group;
}

test('三公 detail: 北塔区 2022 公务用车购置和维护经费 5.41 万元 is marked ⚠ (its 其中 lines say 0 and 0), and ⚠ is explained', async ({
	page
}) => {
	await page.goto('/sangong/');
	const row = (await detailGroup(page, '北塔区')).filter({ hasText: '公务用车购置及运行维护费' });
	// The first of this department's 决算 lines: years 2020–2023, the report covers 2022 and 2023.
	const y2022 = row.first().locator('td.num').nth(2);
	await expect(y2022).toContainText('5.41 万元');
	await expect(y2022.locator('.mark-flag')).toHaveCount(1);
	await expect(page.locator('section[aria-labelledby="sangong-detail"]')).toContainText(
		'“⚠”表示该数值涉及一致性核查发现'
	);
});

test('三公 year on year: 株洲市荷塘区 0.00 → 0.28 万元 has no rate (上年为 0), and no item rose', async ({
	page
}) => {
	await page.goto('/sangong/');
	const yoy = page.locator('figure[data-chart="sangong-yoy"]');
	await yoy.getByText('数据表').click();
	const row = yoy.locator('tr').filter({ hasText: '株洲市荷塘区' });
	await expect(row).toContainText('0.28 万元');
	await expect(row).toContainText('上年为 0');
	await expect(row).not.toContainText('未披露');
	// Every item-level pair in the seeds fell (e.g. 鼎城区 vehicles 360.11 → 333.14).
	await expect(page.locator('figure[data-chart="sangong-increases"]')).toContainText(
		'所选范围内没有比上年增加的三公经费项目'
	);
});

test('部门对比: a year without any data is “—”, a value the report left out is 未披露', async ({ page }) => {
	// 北塔区委办公室's one report (2023) gives 2022 and 2023 figures: nothing at all for 2021, and
	// for 2022 the 三公 total (5.41 万元) but no execution rate. 株洲市荷塘区 has a 2021 value.
	const ids = [orgIdByName('北塔区'), orgIdByName('荷塘区')].join(',');
	await page.goto(`/compare/?ids=${ids}`);
	await waitForDb(page);
	const table = page.locator('section[aria-labelledby="side-title"] table');
	const col = async (year: number) =>
		(await table.locator('thead th').allTextContents()).findIndex((t) => t.trim() === `${year}年`);
	const rateRow = table.locator('tr').filter({ hasText: '预算执行率' }).first();
	const sangongRow = table.locator('tr').filter({ hasText: '三公经费合计' }).first();
	await expect(sangongRow).toContainText('北塔区');
	// Year cells are the <td>s; the header row's first two columns are 部门 and 指标.
	const cells = (row: typeof rateRow) => row.locator('td');
	const c2021 = (await col(2021)) - 2;
	const c2022 = (await col(2022)) - 2;
	await expect(cells(sangongRow).nth(c2021)).toHaveText('—');
	await expect(cells(sangongRow).nth(c2022)).toHaveText('5.41 万元');
	await expect(cells(rateRow).nth(c2021)).toHaveText('—');
	await expect(cells(rateRow).nth(c2022)).toHaveText('未披露');
});

test('部门对比: a chosen department with no year in range keeps its name and is said to be absent; the picker searches', async ({
	page
}) => {
	// 荷塘区's only report is for 2022: under 2023 it has no row, and its chip showed its id.
	const ids = [orgIdByName('荷塘区'), orgIdByName('鼎城区'), 'no-such-org'].join(',');
	await page.goto(`/compare/?ids=${ids}&from=2023&to=2023`);
	await waitForDb(page);
	const chips = page.locator('.chips li');
	await expect(chips.nth(0).getByRole('link')).toHaveText('株洲市荷塘区人民政府办公室');
	await expect(chips.nth(2)).toContainText('未找到的部门（no-such-org）');
	await expect(page.locator('.picker .hint')).toContainText(
		'所选年度内没有“株洲市荷塘区人民政府办公室”的数据'
	);
	await page.getByText(/^添加部门/).click();
	await page.getByLabel('查找部门').fill('区委');
	const options = page.locator('.picker .options li');
	await expect(options).toHaveCount(1);
	await expect(options).toContainText('中共邵阳市北塔区委办公室');
	await expect(page.locator('.picker .found')).toHaveText('找到 1 个。');
	await options.getByRole('checkbox').check();
	await expect(page).toHaveURL(new RegExp(`ids=.*${orgIdByName('北塔区')}`));
	await expect(chips).toHaveCount(4);
});

test('预算执行: 湘西 2022 execution rate 87.6%, highlighted as low', async ({ page }) => {
	await page.goto('/execution/');
	const low = page.locator('section.low tr').filter({ hasText: '湘西土家族苗族自治州人民政府办公室' });
	await expect(low).toContainText('2022年');
	await expect(low).toContainText('87.6%');
	// 湘西 2022 (87.6 %) is the only department-year of the seeds below 90 %: a count, and no
	// “显示全部” for one row.
	await expect(page.locator('section.low .lead')).toHaveText('所选范围内共 1 个部门年度的执行率低于 90.0%。');
	await expect(page.locator('section.low')).not.toContainText('显示全部');
	await waitForDb(page);
	// The live chart takes over and its tooltip carries the exact value.
	const chart = page.locator('figure[data-chart="execution-rates"]');
	await expect(chart).toHaveAttribute('data-live', '');
	await expect(chart.locator('svg text').filter({ hasText: '87.6%' })).toHaveCount(1);
});

test('自评得分: 湘西 2022 scores 95 with 87.6% execution — high score, low execution', async ({ page }) => {
	await page.goto('/scores/');
	const row = page
		.locator('section[aria-labelledby="highlow-title"] tr')
		.filter({ hasText: '湘西土家族苗族自治州人民政府办公室' });
	await expect(row).toContainText('95 分');
	await expect(row).toContainText('87.6%');
});

test('总览: headline figures and the three small charts', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('.headline .figure')).toHaveCount(4);
	for (const id of ['sangong-by-year-item', 'execution-lowest', 'score-histogram-small']) {
		await expect(page.locator(`figure[data-chart="${id}"] svg`).first()).toBeAttached();
	}
	await expect(page.locator('.findings li').first()).toBeVisible();
});

test('数据表 toggle shows the same numbers as an accessible table', async ({ page }) => {
	await page.goto('/execution/');
	const fig = page.locator('figure[data-chart="execution-rates"]');
	await fig.locator('summary', { hasText: '数据表' }).click();
	const table = fig.locator('table');
	await expect(table).toBeVisible();
	await expect(table.locator('th[scope="col"]').first()).toHaveText('部门');
	await expect(table.locator('tr').filter({ hasText: '湘西' })).toContainText('87.6%');
});

test('clicking a department in a chart opens its page', async ({ page }) => {
	await page.goto('/execution/');
	await waitForDb(page);
	const chart = page.locator('figure[data-chart="execution-rates"]');
	await expect(chart).toHaveAttribute('data-live', '');
	const bar = chart.locator('.live path[fill="#c0392b"]').first();
	await bar.click();
	await expect(page).toHaveURL(new RegExp(`/org/${orgIdByName('湘西')}/$`));
	await expect(page.locator('h1')).toHaveText('湘西土家族苗族自治州人民政府办公室');
});

test('CSV download of a chart holds its numbers', async ({ page }) => {
	await page.goto('/execution/');
	await waitForDb(page);
	const fig = page.locator('figure[data-chart="execution-rates"]');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		fig.getByRole('button', { name: '下载 CSV' }).click()
	]);
	expect(download.suggestedFilename()).toBe('execution-rates.csv');
	const text = await (await download.createReadStream()).toArray();
	const csv = Buffer.concat(text).toString('utf8');
	expect(csv.startsWith('\uFEFF部门,年度,预算执行率')).toBe(true);
	expect(csv).toMatch(/湘西土家族苗族自治州人民政府办公室,2022,0\.8757/);
});

test('PNG download of a chart', async ({ page }) => {
	await page.goto('/scores/');
	await waitForDb(page);
	const fig = page.locator('figure[data-chart="score-boxplot"]');
	await expect(fig).toHaveAttribute('data-live', '');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		fig.getByRole('button', { name: '下载 PNG' }).click()
	]);
	expect(download.suggestedFilename()).toBe('score-boxplot.png');
	const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('三公 detail: the first 25 lines, the rest one click away and on paper', async ({ page }) => {
	await page.goto('/sangong/');
	const section = page.locator('section[aria-labelledby="sangong-detail"]');
	const lines = section.locator('tbody tr:has(td)');
	// 25 once the page runs (the prerendered page lists every line: see nojs.test.ts).
	await expect(lines).toHaveCount(25);
	const more = section.getByRole('button', { name: /^显示全部 \d+ 行$/ });
	const all = Number(/\d+/.exec((await more.textContent()) ?? '')![0]);
	expect(all).toBeGreaterThan(25);
	// Printing shows every line, and the screen goes back to 25 after.
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await expect(lines).toHaveCount(all);
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await expect(lines).toHaveCount(25);
	await more.click();
	await expect(lines).toHaveCount(all);
	await expect(more).toHaveCount(0);
	// The last line after sorting (by department name) is there now, with its values.
	await expect(lines.last().locator('td.num').first()).not.toBeEmpty();
});
