/**
 * The ingest on the hostile corpus (tests/hostile/corpus.ts): empty, binary, truncated .docx,
 * GBK without a hint, 50 MB of text, 10,000 lines of numbers, every number garbled, duplicates,
 * two reports for one department and year, HTML/script payloads. It must finish, give each bad
 * file one line naming it, lose nothing else, and publish no value whose quote is not in its text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestSummary } from '../../scripts/lib/ingest';
import type { Manifest } from '../../src/lib/schema/manifest';
import {
	NAME_PAYLOADS,
	payloadOrgName,
	TEXT_PAYLOADS,
	writeHostileCorpus,
	type HostileCorpus
} from '../hostile/corpus';

const root = mkdtempSync(path.join(tmpdir(), 'hostile-'));
const out = path.join(root, 'datasets');
let corpus: HostileCorpus;
let summary: IngestSummary;
const lines: string[] = [];

type Rows = Record<string, unknown>[];
async function query(sql: string): Promise<Rows> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Rows;
	} finally {
		conn.closeSync();
	}
}
const table = (name: string) => `read_parquet('${path.join(out, `${name}.parquet`)}')`;

beforeAll(async () => {
	corpus = await writeHostileCorpus(path.join(root, 'in'));
	summary = await ingest({ inputs: [corpus.dir], out }, { log: (l) => lines.push(l) });
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ingest on the hostile corpus', () => {
	it('finishes; every refused file gets exactly one line naming it, every duplicate one “=” line', () => {
		for (const [file, want] of Object.entries(corpus.expect)) {
			const refused = lines.filter((l) => l.startsWith(`✗ ${file}: `));
			const dup = lines.filter((l) => l.startsWith(`= ${file}: `));
			expect([file, refused.length, dup.length]).toEqual([
				file,
				want === 'refused' ? 1 : 0,
				want === 'duplicate' ? 1 : 0
			]);
			// The line says why, not just that.
			for (const l of [...refused, ...dup]) expect(l.length).toBeGreaterThan(`✗ ${file}: `.length + 4);
		}
		// No other ✗ lines (nothing refused that should not be).
		expect(lines.filter((l) => l.startsWith('✗ ')).length).toBe(
			Object.values(corpus.expect).filter((e) => e === 'refused').length
		);
	});

	it('nothing else is lost: every good file is a report, and the manifest lists every file', () => {
		const ok = Object.entries(corpus.expect).filter(([, e]) => e === 'ok');
		expect(summary.reports).toBe(ok.length);
		const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
		const byFile = new Map(m.sources.map((s) => [s.file, s]));
		for (const [file, want] of Object.entries(corpus.expect)) {
			const s = byFile.get(file);
			expect(s, file).toBeDefined();
			if (want === 'ok') expect([file, s!.status, typeof s!.report_id]).toEqual([file, 'ok', 'string']);
			if (want === 'duplicate') expect([file, s!.status]).toEqual([file, 'duplicate']);
			if (want === 'refused') expect([file, (s!.reason ?? '').length > 4]).toEqual([file, true]);
		}
	});

	it('the GBK file without any hint is read as GBK (its department and numbers come out)', async () => {
		const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
		const id = m.sources.find((s) => s.file === 'gbk-no-hint.txt')!.report_id!;
		const text = readFileSync(path.join(out, 'texts', `${id}.txt`), 'utf8');
		expect(text).toContain('株洲市荷塘区人民政府办公室');
		expect(text).not.toContain('\uFFFD');
	});

	it('publishes no value whose quote is not at [span_start, span_end) of texts/<report_id>.txt', async () => {
		const rows = await query(
			`SELECT report_id, span_start::INTEGER AS s, span_end::INTEGER AS e, quote, 'fact' AS kind FROM ${table('facts')}
			 UNION ALL
			 SELECT report_id, span_start::INTEGER, span_end::INTEGER, quote, 'finding' FROM ${table('findings')} WHERE quote IS NOT NULL`
		);
		expect(rows.length).toBeGreaterThan(100);
		const texts = new Map<string, string>();
		const bad: string[] = [];
		for (const r of rows) {
			const id = String(r.report_id);
			if (!texts.has(id)) texts.set(id, readFileSync(path.join(out, 'texts', `${id}.txt`), 'utf8'));
			const text = texts.get(id)!;
			// Facts and findings both quote exactly their span.
			if (r.kind === 'fact' && text.slice(r.s as number, r.e as number) !== r.quote)
				bad.push(`${id} ${r.s}-${r.e}`);
			if (r.kind === 'finding' && text.slice(r.s as number, r.e as number) !== r.quote)
				bad.push(`${id} finding ${r.s}`);
		}
		expect(bad).toEqual([]);
	});

	it('the report with every number garbled is kept, with no published number', async () => {
		const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
		const id = m.sources.find((s) => s.file === 'garbled-numbers.txt')!.report_id!;
		const [r] = await query(`SELECT count(*)::INTEGER AS n FROM ${table('facts')} WHERE report_id = '${id}'`);
		expect(r.n).toBe(0);
		const [rep] = await query(
			`SELECT budget_initial, executed, score_total FROM ${table('reports')} WHERE report_id = '${id}'`
		);
		expect(rep).toEqual({ budget_initial: null, executed: null, score_total: null });
	});

	it('two different reports for one department and year are both kept and published as a finding', async () => {
		const rows = await query(
			`SELECT f.report_id, f.message, r.source_file FROM ${table('findings')} f JOIN ${table('reports')} r USING (report_id)
			 WHERE check_name = 'duplicate_org_year'`
		);
		expect(rows).toHaveLength(1);
		expect(rows[0].source_file).toBe('same-org-year-b.txt');
		expect(String(rows[0].message)).toContain('same-org-year-a.txt');
		const [{ n }] = await query(
			`SELECT count(*)::INTEGER AS n FROM ${table('reports')} WHERE source_file LIKE 'same-org-year-%'`
		);
		expect(n).toBe(2);
	});

	it('HTML/script payloads are kept verbatim as data (names, indicators, prose)', async () => {
		const orgNames = (await query(`SELECT org_name FROM ${table('orgs')}`)).map((r) => r.org_name);
		for (let i = 0; i < NAME_PAYLOADS.length; i++) expect(orgNames).toContain(payloadOrgName(i));
		const indicators = (await query(`SELECT level3 FROM ${table('indicators')}`)).map((r) =>
			String(r.level3)
		);
		expect(indicators.some((n) => n.includes(TEXT_PAYLOADS[0]))).toBe(true);
		expect(indicators.some((n) => n.includes(TEXT_PAYLOADS[1]))).toBe(true);
		const quotes = (await query(`SELECT quote FROM ${table('facts')} WHERE quote LIKE '%<%'`)).map(
			(r) => r.quote
		);
		expect(quotes.length).toBeGreaterThan(0);
	});
});
