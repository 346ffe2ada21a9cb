import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
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
import { afterAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index';
import type { ExtractInput, ExtractResult } from '../../src/lib/extract/types';
import { CliError } from '../../scripts/lib/cli-error';
import { ingest, type IngestEffects } from '../../scripts/lib/ingest';
import type { Manifest } from '../../src/lib/schema/manifest';
import { encodeGb18030 } from '../helpers/legacy-encode';
import { textToDocx } from '../helpers/text-to-docx';

const SEED = 'data/reports/000_6071d45c8067cb91.txt';
const SEED2 = 'data/reports/004_47e49c525fe1296a.txt';
const root = mkdtempSync(join(tmpdir(), 'ingest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh input dir with the given files (name → bytes or seed path to copy). */
function inputDir(files: Record<string, Uint8Array | string | { copy: string }>): string {
	const dir = join(root, `in-${++n}`);
	for (const [name, content] of Object.entries(files)) {
		const p = join(dir, name);
		mkdirSync(join(p, '..'), { recursive: true });
		if (typeof content === 'object' && 'copy' in content) copyFileSync(content.copy, p);
		else writeFileSync(p, content);
	}
	return dir;
}

function capture(extra: Partial<IngestEffects> = {}) {
	const lines: string[] = [];
	return { lines, effects: { log: (l: string) => lines.push(l), ...extra } };
}

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const csvRows = (out: string, table: string) =>
	readFileSync(join(out, `${table}.csv`), 'utf8')
		.slice(1)
		.split('\r\n')
		.filter((l) => l !== '')
		.slice(1);
const garbage = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256);

describe('ingest', () => {
	it('ingests the good file, reports the empty and the garbage one, and succeeds', async () => {
		const dir = inputDir({ 'good.txt': { copy: SEED }, 'empty.txt': '', 'garbage.txt': garbage });
		const out = join(root, 'out-basic');
		const { lines, effects } = capture();
		const s = await ingest({ inputs: [dir], out }, effects);

		expect([s.files, s.ok, s.failed, s.notReports, s.duplicates]).toEqual([3, 1, 2, 0, 0]);
		expect(lines.filter((l) => l.startsWith('✗ '))).toEqual([
			expect.stringMatching(/^✗ empty\.txt: .*empty file/),
			expect.stringMatching(/^✗ garbage\.txt: .*not a text file/)
		]);
		const m = manifestOf(out);
		expect(m.sources.map((x) => [x.file, x.status])).toEqual([
			['empty.txt', 'failed'],
			['garbage.txt', 'failed'],
			['good.txt', 'ok']
		]);
		const good = m.sources[2];
		expect(good.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(good.bytes).toBe(readFileSync(SEED).length);
		expect(m.tables.find((t) => t.name === 'reports')?.rows).toBe(1);
		expect(m.tables.find((t) => t.name === 'orgs')?.rows).toBe(1);

		// The saved text is the extractor's normalized text, which fact spans index into.
		const r = extractReport({
			text: readFileSync(SEED, 'utf8'),
			sourceFile: 'good.txt',
			sha256: good.sha256
		});
		expect(r.ok).toBe(true);
		expect(readFileSync(join(out, 'texts', `${good.report_id}.txt`), 'utf8')).toBe(r.text);
		expect(lines.at(-1)).toMatch(/wrote/);
	});

	it('--strict: fails with exit code 1 and keeps the previous datasets', async () => {
		const dir = inputDir({ 'good.txt': { copy: SEED }, 'empty.txt': '' });
		const out = join(root, 'out-strict');
		mkdirSync(out);
		writeFileSync(join(out, 'manifest.json'), 'previous');
		const err = await ingest({ inputs: [dir], out, strict: true }, capture().effects).catch((e) => e);
		expect(err).toBeInstanceOf(CliError);
		expect(err.exitCode).toBe(1);
		expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('previous');
		expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
	});

	it('fails with exit code 1 when no file can be ingested', async () => {
		const dir = inputDir({
			'empty.txt': '',
			'words.txt': '这是一段没有任何数字的说明文字，不是绩效自评报告。'
		});
		const out = join(root, 'out-none');
		const { lines, effects } = capture();
		const err = await ingest({ inputs: [dir], out }, effects).catch((e) => e);
		expect(err).toBeInstanceOf(CliError);
		expect(err.exitCode).toBe(1);
		expect(existsSync(out)).toBe(false);
		expect(lines.filter((l) => l.startsWith('✗ '))).toHaveLength(2);
	});

	it('fails with exit code 2 on a path that does not exist', async () => {
		const err = await ingest({ inputs: [join(root, 'nope')], out: join(root, 'x') }).catch((e) => e);
		expect(err).toBeInstanceOf(CliError);
		expect(err.exitCode).toBe(2);
	});

	it('records a text without figures as not a report', async () => {
		const dir = inputDir({ 'a.txt': { copy: SEED }, 'notes.txt': '会议纪要\n大家讨论了工作安排。\n' });
		const out = join(root, 'out-notreport');
		const s = await ingest({ inputs: [dir], out }, capture().effects);
		expect([s.ok, s.notReports]).toEqual([1, 1]);
		expect(manifestOf(out).sources.find((x) => x.file === 'notes.txt')).toMatchObject({
			status: 'not_report',
			reason: expect.any(String)
		});
	});

	it('records a 20 MB text file as not a report, without trouble', async () => {
		const line = '公务接待费4.53万元，对比上年减少1.8万元，下降28.35%。\n';
		const big = line.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(line)));
		const dir = inputDir({ 'a.txt': { copy: SEED }, 'big.txt': big });
		const out = join(root, 'out-big');
		const s = await ingest({ inputs: [dir], out }, capture().effects);
		expect([s.ok, s.notReports]).toEqual([1, 1]);
		expect(manifestOf(out).sources.find((x) => x.file === 'big.txt')).toMatchObject({
			status: 'not_report',
			bytes: Buffer.byteLength(big),
			reason: expect.stringMatching(/too long/)
		});
	});

	it('ingests identical bytes once and records the copy as a duplicate', async () => {
		const dir = inputDir({ 'a.txt': { copy: SEED }, 'copy/a-again.txt': { copy: SEED } });
		const out = join(root, 'out-dup');
		const s = await ingest({ inputs: [dir, join(dir, 'a.txt')], out }, capture().effects);
		expect([s.files, s.ok, s.duplicates]).toEqual([2, 1, 1]);
		const [a, b] = manifestOf(out).sources;
		expect(a).toMatchObject({ file: 'a.txt', status: 'ok' });
		expect(b).toMatchObject({ file: 'copy/a-again.txt', status: 'duplicate', report_id: a.report_id });
		expect(csvRows(out, 'reports')).toHaveLength(1);
	});

	it('keeps two different reports of one department and year, and flags the later one', async () => {
		const text = readFileSync(SEED, 'utf8');
		const dir = inputDir({ '1.txt': text, '2.txt': text + '\n补充说明：本报告为修订版。\n' });
		const out = join(root, 'out-orgyear');
		const s = await ingest({ inputs: [dir], out }, capture().effects);
		expect(s.ok).toBe(2);
		const m = manifestOf(out);
		const later = m.sources[1].report_id;
		const flagged = csvRows(out, 'findings').filter((l) => l.includes('duplicate_org_year'));
		expect(flagged).toHaveLength(1);
		expect(flagged[0].startsWith(`${later},warning,duplicate_org_year,`)).toBe(true);
		expect(flagged[0]).toContain('1.txt');
		expect(csvRows(out, 'reports')).toHaveLength(2);
		expect(csvRows(out, 'orgs')).toHaveLength(1);
		expect(s.findings.warning).toBeGreaterThanOrEqual(1);
	});

	it('reads .docx and GB18030 files in subfolders, named relative to the folder given', async () => {
		const dir = inputDir({
			'word/dingcheng.docx': await textToDocx(readFileSync(SEED, 'utf8')),
			'gbk/daxiang.txt': encodeGb18030(readFileSync(SEED2, 'utf8')),
			'~$dingcheng.docx': garbage,
			'readme.md': 'not an input'
		});
		const out = join(root, 'out-formats');
		const s = await ingest({ inputs: [dir], out }, capture().effects);
		expect([s.files, s.ok]).toEqual([2, 2]);
		expect(manifestOf(out).sources.map((x) => x.file)).toEqual(['gbk/daxiang.txt', 'word/dingcheng.docx']);
		expect(csvRows(out, 'orgs')).toHaveLength(2);
	});

	it('survives an extractor that throws or breaks the contract, keeping no partial rows', async () => {
		const dir = inputDir({
			'a.txt': { copy: SEED },
			'b.txt': { copy: SEED2 },
			'c.txt': { copy: 'data/reports/001_6d257a0b0d15b354.txt' }
		});
		const out = join(root, 'out-bad-extractor');
		const extract = (input: ExtractInput): ExtractResult => {
			if (input.sourceFile === 'b.txt') throw new Error('boom');
			const r = extractReport(input);
			if (input.sourceFile === 'c.txt' && r.ok) {
				// A good report row followed by a sangong row with a fractional year.
				return { ...r, sangong: [{ ...r.sangong[0], year: 2023.5 }] } as ExtractResult;
			}
			return r;
		};
		const { lines, effects } = capture({ extract });
		const s = await ingest({ inputs: [dir], out }, effects);
		expect(s.ok).toBe(1);
		expect(lines.some((l) => /^✗ b\.txt: .*extractor error.*boom/.test(l))).toBe(true);
		expect(csvRows(out, 'reports')).toHaveLength(1);
		expect(manifestOf(out).sources.find((x) => x.file === 'c.txt')).toMatchObject({
			status: 'failed',
			reason: expect.stringMatching(/table contract.*year \(INTEGER\) cannot hold 2023\.5/)
		});
		// c's report row was valid, but none of c's rows, nor its text, may be kept.
		const a = manifestOf(out).sources[0].report_id!;
		expect(csvRows(out, 'sangong').every((l) => l.startsWith(a))).toBe(true);
		expect(readdirSync(join(out, 'texts'))).toEqual([`${a}.txt`]);
	});
});

describe('ingest with worker threads', () => {
	it('gives the same datasets as in-process, in input order', async () => {
		const files: Record<string, { copy: string } | string> = {};
		for (let i = 0; i < 12; i++) files[`r${String(i).padStart(2, '0')}.txt`] = { copy: i % 2 ? SEED : SEED2 };
		files['r05.txt'] = ''; // a failure in the middle
		files['r07.txt'] = readFileSync(SEED, 'utf8') + '\n（修订）\n'; // same org and year, other bytes
		const dir = inputDir(files);
		const inProcess = await ingest({ inputs: [dir], out: join(root, 'out-jobs1'), jobs: 1 });
		const pooled = await ingest({ inputs: [dir], out: join(root, 'out-jobs2'), jobs: 2 });
		expect([pooled.ok, pooled.failed, pooled.duplicates]).toEqual([
			inProcess.ok,
			inProcess.failed,
			inProcess.duplicates
		]);
		expect(manifestOf(join(root, 'out-jobs2')).sources).toEqual(manifestOf(join(root, 'out-jobs1')).sources);
		for (const t of ['reports', 'sangong', 'facts', 'findings', 'orgs'])
			expect(readFileSync(join(root, 'out-jobs2', `${t}.csv`), 'utf8')).toBe(
				readFileSync(join(root, 'out-jobs1', `${t}.csv`), 'utf8')
			);
	});
});

describe('ingest CLI', () => {
	const run = (args: string[]) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { encoding: 'utf8' });

	it('exits 0 when some files fail and 1 with --strict', () => {
		const dir = inputDir({ 'good.txt': { copy: SEED }, 'empty.txt': '', 'garbage.txt': garbage });
		const out = join(root, 'out-cli');
		const ok = run(['--out', out, dir]);
		expect(ok.stderr).toMatch(/✗ empty\.txt/);
		expect(ok.status).toBe(0);
		expect(existsSync(join(out, 'reports.parquet'))).toBe(true);
		const strict = run(['--strict', '--out', join(root, 'out-cli-strict'), dir]);
		expect(strict.status).toBe(1);
		expect(strict.stderr).toMatch(/--strict/);
	});
});
