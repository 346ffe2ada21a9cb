/**
 * The SQL console (/sql/) on the built site. Expected numbers are read from the seed report
 * data/reports/000_6071d45c8067cb91.txt (常德市鼎城区人民政府办公室, 2023):
 * “2023年公务用车运行费333.14万元，对比上年减少26.97万元 … 公务接待费4.53万元，对比上年减少1.8万元”
 * → 2023: 333.14 and 4.53 stated; 2022: 360.11 (333.14 + 26.97) and 6.33 (4.53 + 1.8) derived.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { record } from './helpers';

async function openConsole(page: Page, search = '') {
	await page.goto(`/sql/${search}`);
	await page.locator('html[data-console="ready"]').waitFor({ state: 'attached', timeout: 45_000 });
}

const editor = (page: Page) => page.locator('.cm-content');

/** Replace the editor's text the way a paste or an input method does (one input event). */
async function setQuery(page: Page, sql: string) {
	await editor(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
}

/** Run with the keyboard and wait for this run's result (or error). */
async function runQuery(page: Page) {
	const before = await page.evaluate(() => document.documentElement.dataset.consoleRun ?? '0');
	await page.keyboard.press('ControlOrMeta+Enter');
	await page.waitForFunction(
		(b) => (document.documentElement.dataset.consoleRun ?? '0') !== b || !!document.querySelector('.error'),
		before
	);
}

const summary = (page: Page) => page.getByTestId('result-summary');

/** The grid's visible rows as cell texts; a NULL badge reads as ''. */
async function gridRows(page: Page): Promise<string[][]> {
	return page
		.locator('.body [role="row"]')
		.evaluateAll((rows) =>
			rows.map((r) =>
				[...r.querySelectorAll('[role="cell"]')].map((c) =>
					c.querySelector('.null') ? '' : (c.textContent ?? '').trim()
				)
			)
		);
}
const gridHeader = (page: Page) => page.locator('.head [role="columnheader"] .name').allTextContents();

const DINGCHENG_SQL = `SELECT o.org_name, s.year, s.item, s.amount_wan, s.derived
FROM sangong s JOIN orgs o USING (org_id)
WHERE o.org_name LIKE '%鼎城区%' AND s.basis = 'actual'
ORDER BY s.year, s.item`;

test('type a query, run it with Ctrl+Enter: exact rows from the seed report, units like the dashboard', async ({
	page
}) => {
	await openConsole(page);
	await expect(page.locator('.filters')).toHaveCount(0);
	await setQuery(page, '');
	await page.keyboard.type('SELECT o.org_name, s.year, s.item, s.amount_wan, s.derived ');
	await page.keyboard.insertText(DINGCHENG_SQL.slice(DINGCHENG_SQL.indexOf('\nFROM')));
	await runQuery(page);
	await expect(summary(page)).toContainText('4 行');
	expect(await gridHeader(page)).toEqual(['org_name', 'year', 'item', 'amount_wan', 'derived']);
	const org = '常德市鼎城区人民政府办公室';
	expect(await gridRows(page)).toEqual([
		[org, '2022', 'reception', '6.33 万元', 'true'],
		[org, '2022', 'vehicle_operation', '360.11 万元', 'true'],
		[org, '2023', 'reception', '4.53 万元', 'false'],
		[org, '2023', 'vehicle_operation', '333.14 万元', 'false']
	]);
	// Sorting by a header click: amount_wan descending puts 360.11 first.
	await page
		.getByRole('columnheader', { name: /amount_wan/ })
		.getByRole('button')
		.click();
	await page
		.getByRole('columnheader', { name: /amount_wan/ })
		.getByRole('button')
		.click();
	await expect(page.getByRole('columnheader', { name: /amount_wan/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	expect((await gridRows(page)).map((r) => r[3])).toEqual([
		'360.11 万元',
		'333.14 万元',
		'6.33 万元',
		'4.53 万元'
	]);
	// The schema browser shows every table with its row count from the engine.
	await expect(page.locator('.tables summary').filter({ hasText: 'sangong' })).toContainText(/\d+ 行/);
	// History keeps the query; clicking it loads it back.
	await expect(page.locator('.history li').first()).toContainText('SELECT o.org_name');
	await setQuery(page, 'SELECT 1');
	await page.locator('.history li button').first().click();
	await expect(editor(page)).toContainText('鼎城区');
});

test('an erroneous query shows DuckDB’s message, line and column, and the closest column', async ({
	page
}) => {
	await openConsole(page);
	await setQuery(page, 'SELECT org_name,\n  scor_total\nFROM reports');
	await runQuery(page);
	const err = page.getByRole('alert');
	await expect(err).toContainText('第 2 行，第 3 列');
	await expect(err).toContainText('Referenced column "scor_total" not found');
	await expect(err).toContainText('最接近的列：score_total');
	// Reading Parquet from a URL is refused before anything is sent, with the loaded tables named.
	await setQuery(page, "SELECT * FROM read_parquet('https://example.com/x.parquet')");
	await runQuery(page);
	await expect(page.getByRole('alert')).toContainText('不允许向其他网站发送任何请求');
	await expect(page.getByRole('alert')).toContainText('reports、orgs、sangong');
	// read_json is not in the browser build: explained in plain words.
	await setQuery(page, "SELECT * FROM read_json('datasets/x.json')");
	await runQuery(page);
	await expect(page.getByRole('alert')).toContainText('read_json()在本站不可用');
});

test('a slow query can be cancelled while the page stays responsive; the next query works', async ({
	page
}) => {
	await openConsole(page);
	// About 10^11 row pairs: minutes of work, never finishes within the test.
	await setQuery(page, 'SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range + b.range = -1');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('.state')).toContainText('运行中');
	// The page answers while the worker runs: a details element opens, the timer advances.
	const t0 = Date.now();
	await page.locator('.tables summary').filter({ hasText: 'facts' }).click();
	await expect(page.locator('.tables details').filter({ hasText: 'facts' })).toHaveAttribute('open', '');
	expect(Date.now() - t0).toBeLessThan(2_000);
	await expect(page.locator('.state')).toContainText(/运行中\s+[1-9]\.\d\s*秒/);
	await page.getByRole('button', { name: '取消', exact: true }).click();
	await expect(page.locator('.state')).toContainText('已取消', { timeout: 10_000 });
	await setQuery(page, 'SELECT 42 AS answer');
	await runQuery(page);
	expect(await gridRows(page)).toEqual([['42']]);
});

test('several statements: the last result is shown', async ({ page }) => {
	await openConsole(page);
	await setQuery(
		page,
		"CREATE TEMP TABLE t AS SELECT 'a;b' AS s; -- a ; in a comment\nINSERT INTO t VALUES ('c');\nSELECT s FROM t ORDER BY s"
	);
	await runQuery(page);
	await expect(summary(page)).toContainText('2 行');
	await expect(summary(page)).toContainText('3 条语句');
	expect(await gridRows(page)).toEqual([['a;b'], ['c']]);
});

test('exported CSV equals the grid (sorted, raw values, NULL empty)', async ({ page }) => {
	await openConsole(page);
	await setQuery(
		page,
		'SELECT org_name, fiscal_year, score_total, execution_rate, budget_full_year FROM reports ORDER BY org_name'
	);
	await runQuery(page);
	await page.getByLabel('按单位显示（万元、%、分）').uncheck();
	await page
		.getByRole('columnheader', { name: /score_total/ })
		.getByRole('button')
		.click();
	const header = await gridHeader(page);
	const rows = await gridRows(page);
	expect(rows).toHaveLength(5);
	// NULLs last; the rest by score ascending (92, 95, 97, 100).
	expect(rows.map((r) => r[2])).toEqual(['92', '95', '97', '100', '']);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '下载 CSV' }).click();
	const file = await (await download).path();
	const csv = readFileSync(file, 'utf8');
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const lines = csv.slice(1).trimEnd().split('\r\n');
	// No value here contains a comma or quote, so a split is the CSV parse.
	expect(lines.map((l) => l.split(','))).toEqual([header, ...rows]);
});

test('a shared URL reproduces the query and the chart; the UI writes the same URL', async ({
	page,
	context
}) => {
	await openConsole(page);
	await page.locator('[data-example="score-vs-rate"]').click();
	await expect(summary(page)).toContainText('4 行');
	await expect(page.locator('figure[data-chart="sql-chart"][data-live]')).toBeVisible();
	const url = new URL(page.url());
	expect(url.searchParams.get('chart')).toBe('scatter');
	expect(url.searchParams.get('x')).toBe('execution_rate');
	expect(url.searchParams.getAll('y')).toEqual(['score_total']);
	expect(url.searchParams.get('q')).toContain('FROM reports');
	// Switch to a bar chart of scores by department: the URL follows.
	await page.getByRole('combobox', { name: '图表类型' }).selectOption('bar');
	await page.getByRole('combobox', { name: '横轴' }).selectOption('org_name');
	await expect(page).toHaveURL(/chart=bar/);
	const shared = page.url();

	const other = await context.newPage();
	await openConsole(other, new URL(shared).search);
	await expect(other.locator('.cm-content')).toContainText('自评得分与预算执行率');
	await expect(summary(other)).toContainText('4 行');
	await expect(other.getByRole('combobox', { name: '图表类型' })).toHaveValue('bar');
	await expect(other.getByRole('combobox', { name: '横轴' })).toHaveValue('org_name');
	const fig = other.locator('figure[data-chart="sql-chart"][data-live]');
	await expect(fig).toContainText('柱状图：org_name → score_total');
	// The chart's data table has the same four departments and scores.
	await fig.locator('summary', { hasText: '数据表' }).click();
	await expect(fig.locator('tbody tr')).toHaveCount(4);
	await expect(fig.locator('tbody')).toContainText('100 分');
	await expect(fig.getByRole('button', { name: '下载 PNG' })).toBeVisible();
});

test('typing a Chinese label offers the matching column and value in completion', async ({ page }) => {
	await openConsole(page);
	await setQuery(page, 'SELECT * FROM sangong WHERE ');
	await page.keyboard.insertText('接待');
	const list = page.locator('.cm-tooltip-autocomplete');
	await expect(list).toBeVisible();
	await expect(list.locator('li').filter({ hasText: /^item/ })).toHaveCount(1);
	await expect(list.locator('li').filter({ hasText: "'reception'" })).toContainText('公务接待费');
	// Accepting inserts the name, not the Chinese word.
	await list.locator('li').filter({ hasText: "'reception'" }).click();
	await expect(editor(page)).toContainText("WHERE 'reception'");
});

test('100,000 rows: virtualized grid, scrolls to the last row', async ({ page }) => {
	await openConsole(page);
	await setQuery(page, 'SELECT range AS n, range * 0.5 AS half FROM range(100000)');
	await runQuery(page);
	await expect(summary(page)).toContainText('100,000 行');
	expect(await page.locator('.body [role="row"]').count()).toBeLessThan(80);
	await page.locator('.grid-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(page.locator('.body [role="row"]').last()).toContainText('99999');
});

test('the grid is as tall as a short result, and scrolls within its cap for a long one', async ({ page }) => {
	await openConsole(page);
	const box = async () => (await page.locator('.grid-scroll').boundingBox())!.height;
	await setQuery(page, 'SELECT range AS n FROM range(3)');
	await runQuery(page);
	await expect(summary(page)).toContainText('3 行');
	// Header + 3 rows of 30 px (and room for a scrollbar): not a fixed box of mostly blank space.
	expect(await box()).toBeLessThan(160);
	await setQuery(page, 'SELECT range AS n FROM range(1000)');
	await runQuery(page);
	await expect(summary(page)).toContainText('1,000 行');
	const cap = await page.evaluate(() => Math.min(innerHeight * 0.6, 32 * 16));
	expect(Math.abs((await box()) - cap)).toBeLessThanOrEqual(1);
});

test('no request leaves the site; axe finds no serious problem on /sql/', async ({
	context,
	page,
	baseURL
}) => {
	const { requests, errors } = record(context);
	await openConsole(page);
	await page.locator('[data-example="findings-per-org"]').click();
	await expect(page.locator('figure[data-chart="sql-chart"][data-live]')).toBeVisible();
	await setQuery(page, "SELECT * FROM 'https://example.com/data.csv'");
	await runQuery(page);
	await expect(page.getByRole('alert')).toBeVisible();
	const origin = new URL(baseURL!).origin;
	expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u))).toEqual([]);
	// Every contract table was fetched from this site (facts included).
	expect(requests.some((u) => u.endsWith('/tables/facts.duckdb'))).toBe(true);
	expect(errors).toEqual([]);

	await page
		.locator('.tables details')
		.first()
		.evaluate((el) => ((el as HTMLDetailsElement).open = true));
	const result = await new AxeBuilder({ page }).analyze();
	const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test.describe('375 px wide', () => {
	test.use({ viewport: { width: 375, height: 800 } });
	test('the console with a result and a chart does not scroll sideways', async ({ page }) => {
		await openConsole(page);
		await page.locator('[data-example="sangong-yoy"]').click();
		await expect(page.locator('figure[data-chart="sql-chart"][data-live]')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		// The wide grid scrolls inside its own box instead.
		expect(await page.locator('.grid-scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	});
});
