/** Filters live in the URL: change → URL and charts change; reload restores; back returns. */
import { expect, test } from '@playwright/test';
import { waitForDb } from './helpers';

const XIANGXI = '湘西土家族苗族自治州';

test('region filter → URL → charts; reload keeps the view; back returns', async ({ page }) => {
	await page.goto('/execution/');
	await waitForDb(page);
	const table = page.locator('figure[data-chart="execution-rates"] table');
	const rows = table.locator('tbody tr');
	const before = await rows.count();
	expect(before).toBeGreaterThan(1);

	await page.getByLabel('市（州）').selectOption(XIANGXI);
	await expect(page).toHaveURL(/\?pref=/);
	expect(new URL(page.url()).searchParams.get('pref')).toBe(XIANGXI);
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('87.6%');
	await expect(page.locator('.filters .summary')).toContainText(XIANGXI);

	await page.reload();
	await waitForDb(page);
	await expect(page.getByLabel('市（州）')).toHaveValue(XIANGXI);
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('湘西');

	await page.goBack();
	await expect(page).toHaveURL(/\/execution\/$/);
	await expect(rows).toHaveCount(before);
	await expect(page.getByLabel('市（州）')).toHaveValue('');
});

test('总览 三公 chart keeps its height and its legend when the years change: the page does not jump', async ({
	page
}) => {
	// ~350 px wide, six items on three legend rows: 2023 alone has no 合计（未分项） bar, and still
	// the same legend (the key to the colours, not a list of values).
	await page.goto('/');
	await waitForDb(page);
	const live = page.locator('figure[data-chart="sangong-by-year-item"][data-live] .live');
	const boxHeight = () => live.evaluate((e) => e.clientHeight);
	const legend = live.locator('svg text', { hasText: '合计（未分项）' });
	const before = await boxHeight();
	await expect(legend).toHaveCount(1);
	await page.getByLabel('起始年度').selectOption('2023');
	await expect(live.locator('svg text', { hasText: '2022' })).toHaveCount(0);
	await expect(legend).toHaveCount(1);
	expect(await boxHeight()).toBe(before);
	// Back to all years: the axis (merged into, not rebuilt: option-shape.ts) lists them again.
	await page.getByLabel('起始年度').selectOption('');
	for (const y of ['2020', '2021', '2022', '2023'])
		await expect(live.locator('svg text', { hasText: new RegExp(`^${y}$`) })).toHaveCount(1);
});

test('a chart whose legend needs fewer rows shrinks, and draws at its new height', async ({ page }) => {
	// 部门对比 on a phone: the departments' names wrap onto several legend rows; one department
	// fewer, fewer rows. The option and the new size are drawn in one pass (Chart.svelte): the
	// drawing must still match the box.
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/compare/');
	await waitForDb(page);
	const live = page.locator('figure[data-chart^="compare-"][data-live] .live').first();
	const boxHeight = () => live.evaluate((e) => e.clientHeight);
	const svgHeight = () =>
		live
			.locator('svg')
			.first()
			.evaluate((e) => e.getBoundingClientRect().height);
	const before = await boxHeight();
	expect(await svgHeight()).toBe(before);
	const chips = page.locator('.chips li');
	const n = await chips.count();
	// Remove departments until the legend loses a row (at least one must, from five long names).
	for (let i = 0; i < n - 2 && (await boxHeight()) === before; i++) {
		await chips.first().getByRole('button').click();
		await expect(chips).toHaveCount(n - 1 - i);
		await page.waitForTimeout(300);
	}
	await expect.poll(boxHeight).toBeLessThan(before);
	expect(await svgHeight()).toBe(await boxHeight());
});

test('counties cascade from the chosen prefecture; a link naming a county alone keeps it', async ({
	page
}) => {
	await page.goto('/scores/');
	await waitForDb(page);
	const county = page.getByLabel('县（市、区）');
	await expect(county).toBeDisabled();
	await expect(county.locator('option')).toHaveText(['请先选市州']);

	await page.getByLabel('市（州）').selectOption('邵阳市');
	await expect(county).toBeEnabled();
	await expect(county.locator('option')).toHaveText(['全部', '北塔区', '大祥区']);
	await county.selectOption('北塔区');
	await expect(page).toHaveURL(/county=/);
	const rows = page.locator('figure[data-chart="score-vs-execution"] table tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('北塔区');

	await page.goto('/scores/?county=%E5%A4%A7%E7%A5%A5%E5%8C%BA');
	await waitForDb(page);
	await expect(county).toHaveValue('大祥区');
	await expect(page.locator('.filters .summary')).toContainText('大祥区');
});

test('year range filter changes every chart on the page and follows nav links', async ({ page }) => {
	await page.goto('/sangong/');
	await waitForDb(page);
	await page.getByLabel('起始年度').selectOption('2023');
	await expect(page).toHaveURL(/from=2023/);
	const years = page.locator('figure[data-chart="sangong-by-year-item"] table tbody th');
	await expect(years.first()).toHaveText('2023年');
	await expect(years.filter({ hasText: '2022年' })).toHaveCount(0);
	// The detail table follows too.
	await expect(page.locator('section[aria-labelledby="sangong-detail"] thead')).not.toContainText('2022年');
	// Going to another dashboard page keeps the filters.
	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自评得分' }).click();
	await expect(page).toHaveURL(/\/scores\/\?from=2023/);
	await waitForDb(page);
	await expect(page.locator('figure[data-chart="grade-counts"] table tbody tr').first()).toContainText(
		'2023年'
	);
	await expect(page.locator('figure[data-chart="grade-counts"] table')).not.toContainText('2022年');
});

test('department search narrows the comparison list and the charts', async ({ page }) => {
	await page.goto('/scores/?q=%E5%8C%97%E5%A1%94');
	await waitForDb(page);
	await expect(page.getByLabel('部门搜索')).toHaveValue('北塔');
	const rows = page.locator('figure[data-chart="score-vs-execution"] table tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('中共邵阳市北塔区委办公室');
});

test('compare: chosen departments live in the URL', async ({ page }) => {
	await page.goto('/compare/');
	await waitForDb(page);
	const chips = page.locator('.chips li');
	const n = await chips.count();
	expect(n).toBeGreaterThanOrEqual(2);
	await chips.first().getByRole('button').click();
	await expect(page).toHaveURL(/ids=/);
	await expect(chips).toHaveCount(n - 1);
	await page.reload();
	await waitForDb(page);
	await expect(chips).toHaveCount(n - 1);
	await page.goBack();
	await expect(chips).toHaveCount(n);
});

test('a filter reverted while its view is still loading shows the reverted view', async ({ page }) => {
	await page.goto('/execution/');
	await waitForDb(page);
	const rows = page.locator('figure[data-chart="execution-rates"] table tbody tr');
	const before = await rows.count();
	expect(before).toBeGreaterThan(1);
	// Pick a prefecture; the moment its view starts loading, go back to all prefectures.
	await page.evaluate(async (pref) => {
		const select = document.querySelector<HTMLSelectElement>('select[name="pref"]')!;
		const loading = new Promise<void>((resolve) => {
			const mo = new MutationObserver(() => {
				if (document.querySelector('.state-loading')) {
					mo.disconnect();
					resolve();
				}
			});
			mo.observe(document.body, { childList: true, subtree: true });
		});
		select.value = pref;
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await loading;
		history.back();
	}, XIANGXI);
	await expect(page).toHaveURL(/\/execution\/$/);
	await expect(page.getByLabel('市（州）')).toHaveValue('');
	await expect(page.locator('.state-loading')).toHaveCount(0);
	await expect(rows).toHaveCount(before);
});

test('the region lists load after the first paint; until then (or if they fail) the link’s own region shows', async ({
	page
}) => {
	// Not in the prerendered HTML: at national scale they were ~40 KB of every dashboard page.
	const html = await (await page.request.get('/')).text();
	expect(html).not.toContain(`<option value="${XIANGXI}"`);

	await page.route('**/regions.json', (route) => route.abort());
	await page.goto(`/execution/?pref=${encodeURIComponent('邵阳市')}&county=${encodeURIComponent('北塔区')}`);
	await waitForDb(page);
	await expect(page.getByRole('alert').filter({ hasText: '地区列表加载失败' })).toBeVisible();
	await expect(page.getByLabel('市（州）')).toHaveValue('邵阳市');
	await expect(page.getByLabel('县（市、区）')).toHaveValue('北塔区');

	// A slow file: the list says it is coming, then holds every prefecture.
	await page.unroute('**/regions.json');
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/regions.json', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/execution/');
	const loading = page.getByLabel('市（州）').locator('option', { hasText: '地区列表加载中…' });
	await expect(loading).toBeDisabled();
	release();
	await expect(loading).toHaveCount(0);
	await expect(page.getByLabel('市（州）').locator('option')).toHaveText([
		'全部',
		'常德市',
		'株洲市',
		XIANGXI,
		'邵阳市'
	]);
});
