import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index';
import type { ExtractResult } from '../../src/lib/extract/types';
import { readReportFile } from '../../src/lib/read/read-report-file';
import { encodeBig5, encodeGb18030, encodeUtf16 } from '../helpers/legacy-encode';
import { mergedCellsDocx, textToDocx } from '../helpers/text-to-docx';

const SEED_DIR = 'data/reports';
const seeds = readdirSync(SEED_DIR)
	.filter((f) => f.endsWith('.txt'))
	.sort();
const seedText = (f: string) => readFileSync(join(SEED_DIR, f), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

async function textOf(bytes: Uint8Array, name: string): Promise<string> {
	const r = await readReportFile(bytes, name);
	if ('error' in r) throw new Error(`expected text, got error: ${r.error}`);
	return r.text;
}

/** A deterministic byte stream (xorshift), so "garbage" is the same on every run. */
function garbage(n: number, seed = 12345): Uint8Array {
	const out = new Uint8Array(n);
	let x = seed;
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

describe('readReportFile: .txt encodings', () => {
	it('has seeds to test with', () => {
		expect(seeds.length).toBeGreaterThanOrEqual(5);
	});

	describe.each(seeds)('%s', (seed) => {
		const text = seedText(seed);
		it.each([
			['UTF-8', () => utf8(text)],
			['UTF-8 with BOM', () => utf8('\ufeff' + text)],
			['GB18030', () => encodeGb18030(text)],
			['UTF-16LE with BOM', () => encodeUtf16(text, 'le', true)],
			['UTF-16BE with BOM', () => encodeUtf16(text, 'be', true)],
			['UTF-16LE without BOM', () => encodeUtf16(text, 'le', false)],
			['UTF-16BE without BOM', () => encodeUtf16(text, 'be', false)]
		])('decodes %s to the same text', async (_label, encode) => {
			expect(await textOf(encode(), seed)).toBe(text);
		});
	});

	it.each([
		['short UTF-8 Chinese', utf8('公务接待费4.53万元')],
		['short GB18030 Chinese', encodeGb18030('公务接待费4.53万元')],
		['a one-line GB18030 title', encodeGb18030('2023年度区政府办部门整体支出绩效自评报告')]
	])('decodes %s', async (_label, bytes) => {
		const text = await textOf(bytes, 'a.txt');
		expect(text).toMatch(/^(公务接待费4\.53万元|2023年度区政府办部门整体支出绩效自评报告)$/);
	});

	it('decodes Big5 traditional-script text (not as GBK)', async () => {
		const s =
			'2023年度區政府辦公室部門整體支出績效自評報告\n公務接待費4.53萬元，比上年減少1.8萬元，下降28.35%。\n';
		expect(await textOf(encodeBig5(s), 'tw.txt')).toBe(s);
	});

	it('decodes a short Big5 line', async () => {
		expect(await textOf(encodeBig5('公務接待費4.53萬元'), 'tw.txt')).toBe('公務接待費4.53萬元');
	});

	it('keeps GB18030 four-byte characters (outside GBK)', async () => {
		const s = '部门 € 𠀀 ㊣ 2023年';
		expect(await textOf(encodeGb18030(s), 'x.TXT')).toBe(s);
	});
});

describe('readReportFile: broken inputs give a reason, never a throw', () => {
	const text20mb = () => {
		const line = '公务接待费4.53万元，对比上年减少1.8万元，下降28.35%。\n';
		return utf8(line.repeat(Math.ceil((20 * 1024 * 1024) / utf8(line).length)));
	};
	it.each([
		['an empty .txt', new Uint8Array(0), 'a.txt', /空文件|empty/],
		['an empty .docx', new Uint8Array(0), 'a.docx', /空文件|empty/],
		['random bytes', garbage(4096), 'a.txt', /not a text file/],
		['NUL bytes', new Uint8Array(4096), 'a.txt', /not a text file/],
		[
			'mostly control bytes',
			utf8('部门\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'.repeat(50)),
			'a.txt',
			/not a text file/
		],
		['whitespace only', utf8(' \n\t\n  '), 'a.txt', /no text/],
		['random bytes named .docx', garbage(4096), 'a.docx', /not a valid \.docx/],
		['a text file named .docx', utf8('部门整体支出绩效自评报告'), 'a.docx', /not a valid \.docx/],
		[
			'a zip that is not a Word file',
			Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Uint8Array(18)]),
			'a.docx',
			/corrupt|truncated/
		],
		['an old .doc', garbage(100), 'a.doc', /\.doc/],
		['an unknown extension', utf8('部门'), 'a.pdf', /unsupported file type/],
		['no extension', utf8('部门'), 'README', /unsupported file type/]
	])('%s', async (_label, bytes, name, reason) => {
		const r = await readReportFile(bytes, name);
		expect(r).toHaveProperty('error');
		expect((r as { error: string }).error).toMatch(reason);
	});

	it('rejects a truncated .docx', async () => {
		const full = await textToDocx(seedText(seeds[0]));
		for (const n of [100, full.length >> 1, full.length - 30]) {
			const r = await readReportFile(full.subarray(0, n), 'cut.docx');
			expect(r, `truncated at ${n} of ${full.length} bytes`).toHaveProperty('error');
			expect((r as { error: string }).error).toMatch(/docx/);
		}
	});

	it('decodes a 20 MB text file without trouble', async () => {
		const bytes = text20mb();
		const t0 = performance.now();
		const text = await textOf(bytes, 'big.txt');
		expect(text.length).toBeGreaterThan(5_000_000);
		expect(performance.now() - t0).toBeLessThan(10_000);
	});
});

describe('readReportFile: .docx', () => {
	it('expands merged cells to the grid through mammoth', async () => {
		expect(await textOf(await mergedCellsDocx(), 'm.docx')).toBe(
			'表前\n\n一级指标\t二级指标\t分值\t\n产出指标\t数量指标\t10\t9\n\t质量指标\t10\t10\n\n表后\n'
		);
	});

	// Tables come back as TSV rows whatever the seed's layout, and blank lines move around them;
	// every word must come back, in order.
	const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

	it.each(seeds)('keeps every word of %s in order', async (seed) => {
		const text = seedText(seed);
		expect(words(await textOf(await textToDocx(text), 'r.docx'))).toEqual(words(text));
	});

	it('gives back tab-separated rows unchanged', async () => {
		const text = '标题\n\n项目\t2022年\t2023年\n公务接待费\t6.33\t4.53\n\n正文\n';
		expect(await textOf(await textToDocx(text), 't.docx')).toBe(text);
	});
});

/** The rows that carry meaning; ids and provenance offsets legitimately differ between files. */
function meaning(r: ExtractResult) {
	if (!r.ok) return { ok: false, reason: r.reason };
	const omit = <T extends object>(row: T, keys: string[]) =>
		Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
	const report = omit(r.reports, ['report_id', 'source_file', 'sha256']);
	const strip = (rows: readonly object[]) => rows.map((row) => omit(row, ['report_id']));
	return {
		report,
		sangong: strip(r.sangong),
		spending: strip(r.spending),
		indicators: strip(r.indicators),
		projects: strip(r.projects)
	};
}

describe('extractReport sees the same report whatever the file format', () => {
	describe.each(seeds)('%s', (seed) => {
		const text = seedText(seed);
		const reference = meaning(extractReport({ text, sourceFile: seed, sha256: 'a'.repeat(64) }));
		it.each([
			['GB18030 .txt', async () => encodeGb18030(text), '.txt'],
			['UTF-16LE .txt', async () => encodeUtf16(text, 'le', true), '.txt'],
			['.docx', () => textToDocx(text), '.docx']
		])('%s', async (_label, make, ext) => {
			const got = await textOf(await make(), seed.replace(/\.txt$/, ext));
			const r = extractReport({ text: got, sourceFile: seed, sha256: 'b'.repeat(64) });
			expect(meaning(r)).toEqual(reference);
		});
	});
});
