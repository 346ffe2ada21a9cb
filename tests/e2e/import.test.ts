/**
 * /import/: dropped reports are parsed in the browser exactly as the ingest parses them, join the
 * dashboard marked 本地导入, survive a reload, and 清除 restores the published numbers; unreadable
 * files get a clear message; no request leaves the site.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { textToDocx } from '../helpers/text-to-docx';
import { record, waitForDb } from './helpers';

interface Fact {
	report_id: string;
	value: string;
}
interface Finding {
	report_id: string;
	message: string;
}

let dir = '';
let files: Record<'txt' | 'docx' | 'empty' | 'binary', string>;
/** What the ingest publishes for the two report files, by file name. */
const expected = new Map<string, { report_id: string; facts: string[]; findings: string[] }>();

/** 湘西 2022 moved three years on (“2022年” → “2025年” …): a department-year the site does not publish. */
const shiftYears = (text: string) => text.replace(/(?<!\d)20([12]\d)(?=年)/g, (_, y) => `20${Number(y) + 3}`);

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'jx-import-'));
	const inputs = join(dir, 'in');
	mkdirSync(inputs);
	files = {
		txt: join(inputs, 'xiangxi-2025.txt'),
		// 株洲 2022 as Word: the same department and year as a published report.
		docx: join(inputs, 'hetang-2022.docx'),
		empty: join(dir, 'empty.txt'),
		binary: join(dir, 'scan.txt')
	};
	writeFileSync(files.txt, shiftYears(readFileSync('data/reports/003_b21f9ed3680f3343.txt', 'utf8')));
	writeFileSync(files.docx, await textToDocx(readFileSync('data/reports/001_6d257a0b0d15b354.txt', 'utf8')));
	writeFileSync(files.empty, '');
	writeFileSync(
		files.binary,
		Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)
	);

	// The ingest command itself on the same two files.
	const out = join(dir, 'out');
	const run = spawnSync('npx', ['tsx', 'scripts/ingest.ts', '--strict', '--out', out, inputs], {
		encoding: 'utf8'
	});
	expect(run.status, run.stderr).toBe(0);
	const json = <T>(t: string) => JSON.parse(readFileSync(join(out, `${t}.json`), 'utf8')) as T;
	const facts = json<Fact[]>('facts');
	const findings = json<Finding[]>('findings');
	const manifest = json<{ sources: { file: string; report_id?: string }[] }>('manifest');
	expect(manifest.sources).toHaveLength(2);
	for (const s of manifest.sources)
		expected.set(s.file, {
			report_id: s.report_id!,
			facts: facts.filter((f) => f.report_id === s.report_id).map((f) => f.value),
			findings: findings.filter((f) => f.report_id === s.report_id).map((f) => f.message)
		});
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The numbers the dashboard shows (headline figures, execution tables). `nav`: reach the pages by
 * the menu, in this page's running app, and wait until their views were re-queried from this
 * page's DuckDB tables (not the prerendered HTML a fresh load shows first).
 */
async function dashboardState(page: Page, how: 'load' | 'nav') {
	const open = async (label: string, path: string) => {
		if (how === 'load') {
			await page.goto(path);
			await waitForDb(page);
			return;
		}
		const seq = Number((await page.locator('html').getAttribute('data-view-seq')) ?? 0);
		await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label }).click();
		await expect(page).toHaveURL(new RegExp(`${path}$`));
		await expect
			.poll(async () => Number((await page.locator('html').getAttribute('data-view-seq')) ?? 0))
			.toBeGreaterThan(seq);
	};
	await open('总览', '/');
	const headline = await page.locator('section.headline').textContent();
	await open('预算执行', '/execution/');
	const tables = await page.locator('main table').allTextContents();
	return { headline, tables };
}

test('drop, compare with the ingest, add, reload, clear', async ({ context, page, baseURL }) => {
	test.setTimeout(180_000);
	const { requests, errors } = record(context);
	const before = await dashboardState(page, 'load');

	await page.goto('/import/');
	await waitForDb(page);
	await page.setInputFiles('input[type=file]', [files.txt, files.docx, files.empty, files.binary]);
	await page.locator('html[data-import-parsed="4"]').waitFor({ state: 'attached' });

	// Values and findings shown = the ingest's, in the same order.
	for (const name of ['xiangxi-2025.txt', 'hetang-2022.docx']) {
		const want = expected.get(name)!;
		const item = page.locator(`li[data-file="${name}"]`);
		await expect(item).toHaveAttribute('data-status', 'ok');
		await expect(item).toContainText(want.report_id);
		await item.locator('details.facts > summary').click();
		// The table is drawn when the details open (ReportResult.svelte): wait for it, then read.
		await item.locator('[data-table="facts"] td[data-value]').first().waitFor();
		const shown = (await item.locator('[data-table="facts"] td[data-value]').allTextContents()).map((v) =>
			v.replace(/ 万元$/, '')
		);
		expect(shown).toEqual(want.facts);
		expect(shown.length).toBeGreaterThan(20);
		expect(await item.locator('[data-list="findings"] [data-message]').allTextContents()).toEqual(
			want.findings
		);
	}
	// Each finding is named as on /data/, in Chinese, not by its rule's key.
	const checks = await page.locator('li[data-file="hetang-2022.docx"] [data-check]').allTextContents();
	expect(checks).toContain('总分与指标得分之和不符：');
	for (const c of checks) expect(c).not.toMatch(/[a-z_]{4}/);
	await expect(page.locator('li[data-file="empty.txt"]')).toHaveAttribute('data-status', 'failed');
	await expect(page.locator('li[data-file="empty.txt"] [data-reason]')).toContainText('空文件');
	await expect(page.locator('li[data-file="scan.txt"] [data-reason]')).toContainText('不是文本文件');

	// 加入对比: both reports join; the one for a published department-year says the published one stays.
	await page.getByRole('button', { name: /加入对比（2 份）/ }).click();
	await expect(page.getByRole('status').first()).toContainText('xiangxi-2025.txt：已加入对比');
	await expect(page.locator('html')).toHaveAttribute('data-local', '2');
	await expect(page.locator(`[data-local="${expected.get('hetang-2022.docx')!.report_id}"]`)).toContainText(
		'年度已有另一份内容不同的报告'
	);

	// The dashboard includes the new department-year, marked, and keeps it across a reload.
	const marked = '湘西土家族苗族自治州人民政府办公室（本地导入）';
	for (let i = 0; i < 2; i++) {
		await page.goto('/execution/');
		await waitForDb(page);
		await expect(page.locator('html')).toHaveAttribute('data-local', '2');
		await expect(page.locator('main')).toContainText(marked);
		await expect(page.locator('.local-note')).toContainText('2 份');
	}
	// 部门对比's list: 湘西 stays a published department, with its local report counted.
	await page.goto('/compare/');
	await waitForDb(page);
	await page.locator('summary', { hasText: '添加部门' }).click();
	const option = page.locator('ul.options li').filter({ hasText: '湘西土家族苗族自治州人民政府办公室' });
	await expect(option).toContainText('（含 1 份本地导入）');
	await expect(option).not.toContainText(marked);
	await page.goto('/');
	await waitForDb(page);
	await expect(page.locator('main')).toContainText('最新年度 2025 年');

	// 清除: back to the published state, exactly.
	await page.goto('/import/');
	await waitForDb(page);
	await page.getByRole('button', { name: '清除本地导入' }).click();
	await expect(page.getByRole('status').first()).toContainText('已清除');
	await expect(page.locator('html')).toHaveAttribute('data-local', '0');
	await expect(page.locator('[data-local]:not(html)')).toHaveCount(0);
	expect(await dashboardState(page, 'nav')).toEqual(before);
	await expect(page.locator('.local-note')).toHaveCount(0);
	// A fresh load agrees (nothing left in IndexedDB).
	expect(await dashboardState(page, 'load')).toEqual(before);

	const origin = new URL(baseURL!).origin;
	expect(
		requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'))
	).toEqual([]);
	expect(errors).toEqual([]);
});
