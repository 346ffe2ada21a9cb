/**
 * /data/: every download link returns a file whose content matches the datasets (CSV parsed,
 * Parquet read back with DuckDB's Node API, JSON parsed, the zip listed and compared), the
 * dictionary lists every column without JavaScript, and the findings filter works.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { TABLES, type TableDef } from '../../src/lib/schema/tables';
import { parseCsv } from '../helpers/csv';

type Value = string | number | boolean | null;
type Rows = Record<string, Value>[];

const manifest = JSON.parse(readFileSync('build/datasets/manifest.json', 'utf8')) as {
	archive: string;
	tables: { name: string; rows: number; files: { csv: string; parquet: string; json: string } }[];
	sources: { file: string; sha256: string; status: string; report_id?: string }[];
};

/** A published CSV → typed rows (the header must be the contract's columns). */
function parseTable(text: string, def: TableDef): Rows {
	const [header, ...body] = parseCsv(text);
	expect(header).toEqual(def.columns.map((c) => c.name));
	return body.map((r) =>
		Object.fromEntries(
			def.columns.map((c, i) => {
				const v = r[i];
				if (v === null) return [c.name, null];
				if (c.type === 'INTEGER' || c.type === 'DOUBLE') return [c.name, Number(v)];
				if (c.type === 'BOOLEAN') return [c.name, v === 'true'];
				return [c.name, v];
			})
		)
	);
}

async function readParquet(bytes: Buffer): Promise<Rows> {
	const dir = mkdtempSync(join(tmpdir(), 'jx-parquet-'));
	try {
		const file = join(dir, 'x.parquet');
		writeFileSync(file, bytes);
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
		const rows = reader.getRowObjectsJS() as Rows;
		conn.closeSync();
		db.closeSync();
		return rows;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function download(page: Page, href: string): Promise<Buffer> {
	const res = await page.request.get(new URL(href, page.url()).href);
	expect(res.ok(), href).toBe(true);
	return res.body();
}

test('every download link returns the datasets: CSV = Parquet = JSON; the zip holds the CSV and Parquet files', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/data/');
	const links = page.locator('[data-table="downloads"] tbody tr');
	await expect(links).toHaveCount(TABLES.length);
	const fetched = new Map<string, Buffer>();
	for (const t of manifest.tables) {
		const def = TABLES.find((x) => x.name === t.name)!;
		const row = page.locator('[data-table="downloads"] tbody tr', { hasText: t.name }).first();
		const get = async (label: string) => {
			const href = (await row.getByRole('link', { name: label }).getAttribute('href'))!;
			const body = await download(page, href);
			fetched.set(href.slice(href.lastIndexOf('/') + 1), body);
			return body;
		};
		const csv = await get('CSV');
		expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${t.name}.csv BOM`).toBe(true);
		const fromCsv = parseTable(csv.toString('utf8').slice(1), def);
		const fromJson = JSON.parse((await get('JSON')).toString('utf8')) as Rows;
		const fromParquet = await readParquet(await get('Parquet'));
		expect(fromCsv, t.name).toHaveLength(t.rows);
		expect(fromJson, t.name).toEqual(fromCsv);
		expect(fromParquet, t.name).toEqual(fromCsv);
		expect(Object.keys(fromParquet[0] ?? {})).toEqual(t.rows ? def.columns.map((c) => c.name) : []);
	}

	const m = JSON.parse(
		(
			await download(page, (await page.getByRole('link', { name: 'manifest.json' }).getAttribute('href'))!)
		).toString()
	);
	expect(m).toEqual(manifest);

	const zip = unzipSync(
		await download(page, (await page.getByRole('link', { name: /全部数据/ }).getAttribute('href'))!)
	);
	const names = Object.keys(zip);
	for (const [file, body] of fetched)
		if (!file.endsWith('.json')) expect(Buffer.from(zip[file]).equals(body), file).toBe(true);
		else expect(names).not.toContain(file);
	expect(names).toContain('manifest.json');
	for (const s of manifest.sources.filter((x) => x.status === 'ok'))
		expect(names).toContain(`texts/${s.report_id}.txt`);
});

test('source list: every file with its sha256 and a working link to its normalized text', async ({
	page
}) => {
	await page.goto('/data/');
	const rows = page.locator('[data-table="sources"] tbody tr');
	await expect(rows).toHaveCount(manifest.sources.length);
	const ok = manifest.sources.filter((s) => s.status === 'ok').length;
	await expect(page.locator('#sources-title + p')).toContainText(
		`共 ${manifest.sources.length} 个文件：已收录 ${ok}`
	);
	for (const s of manifest.sources) {
		const row = rows.filter({ hasText: s.file });
		await expect(row).toContainText(s.sha256);
		if (s.status !== 'ok') continue;
		const text = await download(page, (await row.getByRole('link').getAttribute('href'))!);
		expect(text.equals(readFileSync(`build/datasets/texts/${s.report_id}.txt`))).toBe(true);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the dictionary lists every table and column, and the downloads are there', async ({ page }) => {
		await page.goto('/data/');
		for (const t of TABLES) {
			const table = page.locator(`table[data-dictionary="${t.name}"]`);
			await expect(table.locator('tbody tr')).toHaveCount(t.columns.length);
			for (const c of t.columns) {
				const row = table.locator(`tr[data-column="${c.name}"]`);
				await expect(row).toContainText(c.zh);
				await expect(row).toContainText(c.type);
			}
		}
		await expect(page.locator('[data-table="downloads"] a[download]')).toHaveCount(TABLES.length * 3);
		await expect(page.getByRole('link', { name: /全部数据/ })).toHaveAttribute(
			'href',
			/datasets\/jixiao-datasets\.zip$/
		);
	});
	test('the findings filters, which need the page to run, are disabled (a choice would do nothing)', async ({
		page
	}) => {
		await page.goto('/data/');
		await expect(page.getByLabel('严重程度')).toBeDisabled();
		await expect(page.getByLabel('核查项')).toBeDisabled();
		await expect(page.getByRole('searchbox', { name: '部门' })).toBeDisabled();
		await expect(page.locator('ul.findings li').first()).toBeVisible();
	});
});

test('findings: filter by severity, check and department (in the URL), each linking to its quote', async ({
	page
}) => {
	const findings = JSON.parse(readFileSync('build/datasets/findings.json', 'utf8')) as {
		report_id: string;
		severity: string;
		check_name: string;
		quote: string | null;
	}[];
	const reports = JSON.parse(readFileSync('build/datasets/reports.json', 'utf8')) as {
		report_id: string;
		org_id: string;
	}[];
	const orgOf = new Map(reports.map((r) => [r.report_id, r.org_id]));
	await page.goto('/data/');
	const items = page.locator('ul.findings li');
	await expect(items).toHaveCount(findings.length);
	// The page holds the first findings; a filter works on the whole list, a file of its own.
	const all = (await (await page.request.get(new URL('findings.json', page.url()).href)).json()) as {
		report_id: string;
		severity: string;
	}[];
	expect(all.map((x) => [x.report_id, x.severity]).sort()).toEqual(
		findings.map((x) => [x.report_id, x.severity]).sort()
	);

	await page.getByLabel('严重程度').selectOption('error');
	await expect(items).toHaveCount(findings.filter((f) => f.severity === 'error').length);
	for (const s of await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))))
		expect(s).toBe('error');
	await expect(page).toHaveURL(/severity=error/);

	const f = findings.find((x) => x.severity === 'error' && x.quote)!;
	const org = orgOf.get(f.report_id)!;
	await page.getByLabel('核查项').selectOption(f.check_name);
	await page.getByLabel('部门').fill(org);
	const want = findings.filter(
		(x) => x.severity === 'error' && x.check_name === f.check_name && orgOf.get(x.report_id) === org
	).length;
	await expect(items).toHaveCount(want);

	// The URL is the filtered view.
	await page.reload();
	await expect(page.getByLabel('部门')).toHaveValue(org);
	await expect(items).toHaveCount(want);

	await items.first().getByRole('link', { name: '查看原文' }).click();
	await expect(page).toHaveURL(new RegExp(`/org/${org}/#quote-`));
	await expect(page.getByTestId('fact-quote')).toBeVisible();
});
