import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC, Type } from '@uwdata/flechette';
import * as aq from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../src/lib/schema/tables';
import type { Manifest } from '../../src/lib/schema/manifest';
import { ARCHIVE, writeDatasets, type TableRows } from '../../scripts/lib/write-datasets';
import { unzipSync } from 'fflate';
import { loadArrowInWasm } from '../helpers/duckdb-wasm';
import { parseCsv } from '../helpers/csv';

const root = mkdtempSync(join(tmpdir(), 'write-datasets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rid = '6071d45c8067cb91';
/** Every kind of value the writer must carry unchanged: NULL vs "", quotes, newlines, decimals. */
const rows = {
	reports: [
		{
			report_id: rid,
			source_file: 'dir/a,"b".txt',
			sha256: 'f'.repeat(64),
			org_id: '430703-abc',
			org_name: '常德市鼎城区人民政府办公室',
			province: '湖南省',
			prefecture: '常德市',
			county: '鼎城区',
			admin_level: 'county',
			fiscal_year: 2023,
			report_kind: 'dept_self',
			score_total: 97.5,
			grade: '优',
			headcount_authorized: null,
			headcount_actual: 66,
			budget_initial: 4870.1473,
			budget_full_year: 0.0000001,
			executed: 123456789.123456,
			execution_rate: 0.8757,
			execution_rate_reported: null
		},
		{
			report_id: 'b'.repeat(16),
			source_file: 'b.docx',
			sha256: 'e'.repeat(64),
			org_id: '430703-abc',
			org_name: '区政府办',
			province: null,
			prefecture: '',
			county: null,
			admin_level: null,
			fiscal_year: null,
			report_kind: null,
			score_total: null,
			grade: null,
			headcount_authorized: 146,
			headcount_actual: null,
			budget_initial: -3.5,
			budget_full_year: null,
			executed: 0,
			execution_rate: null,
			execution_rate_reported: 1
		}
	],
	orgs: [
		{
			org_id: '430703-abc',
			org_name: '常德市鼎城区人民政府办公室',
			aliases: '常德市鼎城区人民政府办公室；区政府办',
			province: '湖南省',
			prefecture: '常德市',
			county: '鼎城区',
			admin_level: 'county'
		}
	],
	sangong: [
		{
			report_id: rid,
			org_id: '430703-abc',
			year: 2023,
			item: 'reception',
			basis: 'actual',
			amount_wan: 4.53,
			derived: false,
			unit: null
		},
		{
			report_id: rid,
			org_id: '430703-abc',
			year: 2022,
			item: 'reception',
			basis: 'actual',
			amount_wan: 6.33,
			derived: true,
			unit: '驻北京联络处'
		}
	],
	spending: [
		{
			report_id: rid,
			org_id: '430703-abc',
			year: 2023,
			category: 'total',
			amount_wan: 4870.1473,
			derived: false
		}
	],
	indicators: [
		{
			report_id: rid,
			org_id: '430703-abc',
			level1: '产出指标',
			level2: '数量指标',
			level3: '发文数量, "公文"\n第二行',
			target: '≥95%',
			actual: '',
			weight: 10,
			score: 9.5
		}
	],
	projects: [],
	facts: [
		{
			report_id: rid,
			table_name: 'sangong',
			column_name: 'amount_wan',
			row_key: '2023|reception|actual|',
			value: '4.53',
			span_start: 10,
			span_end: 19,
			quote: '公务接待费4.53万元',
			method: 'prose',
			rule: 'sangong.prose'
		}
	],
	findings: []
} as unknown as TableRows;

const texts = new Map([[rid, '附件1：\n2023年度区政府办部门整体支出绩效自评报告\n']]);

async function readParquet(path: string) {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const types = (
			await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)
		).getRowObjectsJS();
		const data = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS();
		return { types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])), data };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

describe('writeDatasets', async () => {
	const out = join(root, 'datasets');
	const manifest = await writeDatasets(out, {
		tables: rows,
		texts,
		sources: [{ file: 'dir/a,"b".txt', sha256: 'f'.repeat(64), bytes: 17232, status: 'ok', report_id: rid }],
		builtAt: new Date('2024-05-01T08:00:00Z')
	});

	it('writes every file of every table, texts/ and manifest.json, and no temp folder', () => {
		const want = TABLES.flatMap((t) => [
			`${t.name}.csv`,
			`${t.name}.parquet`,
			`${t.name}.json`,
			`${t.name}.arrow`
		]);
		expect(readdirSync(out).sort()).toEqual([...want, 'manifest.json', 'texts', ARCHIVE].sort());
		expect(readFileSync(join(out, 'texts', `${rid}.txt`), 'utf8')).toBe(texts.get(rid));
		expect(readdirSync(root)).toEqual(['datasets']);
	});

	it('writes a manifest with row counts, files and sources', () => {
		const onDisk = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
		expect(onDisk).toEqual(manifest);
		expect(onDisk.tool).toEqual({ name: 'jixiao-kanban', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
		expect(onDisk.built_at).toBe('2024-05-01T08:00:00.000Z');
		expect(onDisk.tables.map((t) => [t.name, t.rows])).toEqual(
			TABLES.map((t) => [t.name, rows[t.name as TableName].length])
		);
		expect(onDisk.tables[0].files).toEqual({
			csv: 'reports.csv',
			parquet: 'reports.parquet',
			json: 'reports.json',
			arrow: 'reports.arrow'
		});
		expect(onDisk.archive).toBe('jixiao-datasets.zip');
		expect(onDisk.sources).toHaveLength(1);
	});

	it('writes one zip of every CSV, Parquet and text and the manifest, byte for byte; not the JSON and Arrow copies', () => {
		const zip = unzipSync(readFileSync(join(out, ARCHIVE)));
		const onDisk = readdirSync(out, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && e.name !== ARCHIVE)
			.map((e) => join(e.parentPath, e.name).slice(out.length + 1));
		const zipped = onDisk.filter((f) => /\.(csv|parquet|txt)$/.test(f) || f === 'manifest.json');
		expect(Object.keys(zip).sort()).toEqual(zipped.sort());
		for (const t of TABLES)
			expect(Object.keys(zip)).toEqual(expect.arrayContaining([`${t.name}.csv`, `${t.name}.parquet`]));
		expect(Object.keys(zip)).toContain(`texts/${rid}.txt`);
		expect(Object.keys(zip)).toContain('manifest.json');
		expect(Object.keys(zip).some((f) => /\.(json|arrow)$/.test(f) && f !== 'manifest.json')).toBe(false);
		for (const f of zipped) expect(Buffer.from(zip[f]).equals(readFileSync(join(out, f))), f).toBe(true);
	});

	describe.each(TABLES.map((t) => t.name))('%s', (name) => {
		const def = TABLES.find((t) => t.name === name)!;
		const expected = rows[name as TableName] as unknown as Record<string, unknown>[];

		it('CSV: BOM, the exact header, NULL as an empty cell, numbers as String(n)', () => {
			const raw = readFileSync(join(out, `${name}.csv`), 'utf8');
			expect(raw.startsWith('\ufeff')).toBe(true);
			const [header, ...body] = parseCsv(raw.slice(1));
			expect(header).toEqual(def.columns.map((c) => c.name));
			const asCsv = (v: unknown) => (v === null ? null : typeof v === 'number' ? String(v) : String(v));
			expect(body).toEqual(expected.map((r) => def.columns.map((c) => asCsv(r[c.name]))));
		});

		it('Parquet: the contract types and the same rows', async () => {
			const { types, data } = await readParquet(join(out, `${name}.parquet`));
			expect(types).toEqual(Object.fromEntries(def.columns.map((c) => [c.name, c.type])));
			expect(data).toEqual(expected);
		});

		it('Arrow IPC stream: typed columns (even when empty or all NULL) and the same rows', () => {
			const bytes = readFileSync(join(out, `${name}.arrow`));
			const want = { VARCHAR: Type.Utf8, INTEGER: Type.Int, DOUBLE: Type.Float, BOOLEAN: Type.Bool };
			const schema = tableFromIPC(bytes).schema;
			expect(schema.fields.map((f) => [f.name, f.type.typeId])).toEqual(
				def.columns.map((c) => [c.name, want[c.type]])
			);
			for (const f of schema.fields) {
				const c = def.columns.find((x) => x.name === f.name)!;
				if (c.type === 'INTEGER') expect(f.type).toMatchObject({ bitWidth: 32, signed: true });
				if (c.type === 'DOUBLE') expect(f.type).toMatchObject({ precision: 2 });
			}
			expect(aq.fromArrow(bytes).objects()).toEqual(expected);
		});

		it('JSON: an array of row objects, NULL as null, the same values', () => {
			expect(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'))).toEqual(expected);
		});

		it('Arrow IPC stream: DuckDB-WASM loads it with the contract types and the same rows', async () => {
			const { types, rows: got } = await loadArrowInWasm(name, readFileSync(join(out, `${name}.arrow`)));
			expect(types).toEqual(def.columns.map((c) => [c.name, c.type]));
			expect(got).toEqual(expected);
		});
	});
});

describe('writeDatasets keeps the previous folder when a write fails', () => {
	const setup = (name: string) => {
		const out = join(root, name);
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'manifest.json'), '{"previous":true}');
		return out;
	};
	const leftovers = (out: string) => readdirSync(root).filter((f) => f.startsWith(`${name(out)}.`));
	const name = (out: string) => out.slice(root.length + 1);

	it('on a value that breaks the contract', async () => {
		const out = setup('bad-value');
		const bad = { ...rows, spending: [{ ...rows.spending[0], year: 2023.5 }] } as unknown as TableRows;
		await expect(writeDatasets(out, { tables: bad })).rejects.toThrow(/year \(INTEGER\) cannot hold 2023.5/);
		expect(readdirSync(out)).toEqual(['manifest.json']);
		expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{"previous":true}');
		expect(leftovers(out)).toEqual([]);
	});

	it('on NULL in a NOT NULL column', async () => {
		const out = setup('bad-null');
		const bad = { ...rows, sangong: [{ ...rows.sangong[0], item: null }] } as unknown as TableRows;
		await expect(writeDatasets(out, { tables: bad })).rejects.toThrow(/item is NOT NULL/);
		expect(readdirSync(out)).toEqual(['manifest.json']);
		expect(leftovers(out)).toEqual([]);
	});

	it('when the final swap fails after every file was written', async () => {
		const out = setup('bad-swap');
		// Occupy the name the old folder is moved to, so the rename fails at the last step.
		writeFileSync(`${out}.old-${process.pid}`, 'in the way');
		await expect(writeDatasets(out, { tables: rows, texts })).rejects.toThrow(/ENOTDIR|EEXIST|ENOTEMPTY/);
		expect(readdirSync(out)).toEqual(['manifest.json']);
		expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
		rmSync(`${out}.old-${process.pid}`);
	});

	it('writes into a folder that does not exist yet', async () => {
		const out = join(root, 'new', 'deeper', 'datasets');
		await writeDatasets(out, { tables: rows });
		expect(existsSync(join(out, 'manifest.json'))).toBe(true);
	});
});
