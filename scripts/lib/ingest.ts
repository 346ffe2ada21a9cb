/**
 * The ingest command minus argv and terminal: files → text → extractReport → dataset folder.
 *
 * A problem in one file is data, not a crash: it gets one `✗ file: reason` line, a manifest
 * entry, and the other files go on. Effects (logging, progress) are injected so tests run quiet.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extractReport } from '../../src/lib/extract/index';
import type { ExtractInput, ExtractResult } from '../../src/lib/extract/types';
import type { Row, Severity } from '../../src/lib/schema/tables';
import { CliError } from './cli-error';
import { findInputs, type InputFile } from './find-inputs';
import type { Manifest, SourceEntry } from './manifest';
import { OrgsTable } from './orgs-table';
import { readReportFile } from './read-report-file';
import { DatasetWriter, isSafeId } from './write-datasets';

export interface IngestOptions {
	/** Files and/or directories (searched recursively for .txt and .docx). */
	inputs: readonly string[];
	/** Dataset folder, replaced atomically. */
	out: string;
	/** Fail (and keep the previous datasets) when any file fails or is not a report. */
	strict?: boolean;
	/** Texts longer than this are not taken for one report (a whole bulletin, a log, a dump). */
	maxChars?: number;
}

export interface IngestProgress {
	start(total: number): void;
	tick(file: string): void;
	stop(): void;
}

export interface IngestEffects {
	/** One line for stderr (no trailing newline). */
	log(line: string): void;
	progress?: IngestProgress;
	/** The extractor; tests may pass another. */
	extract?: (input: ExtractInput) => ExtractResult;
	now?: () => Date;
}

export interface IngestSummary {
	files: number;
	ok: number;
	failed: number;
	notReports: number;
	duplicates: number;
	reports: number;
	orgs: number;
	findings: Record<Severity, number>;
	/** Milliseconds: reading+decoding, extracting (and queueing rows), writing the folder. */
	timings: { read: number; extract: number; write: number; total: number };
	manifest: Manifest | null;
}

export const DEFAULT_MAX_CHARS = 5_000_000;

export const quietEffects: IngestEffects = { log: () => {} };

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function ingest(options: IngestOptions, effects: IngestEffects = quietEffects): Promise<IngestSummary> {
	const t0 = performance.now();
	const extract = effects.extract ?? extractReport;
	const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
	const files = findInputs(options.inputs);
	if (files.length === 0)
		throw new CliError(`没有找到 .txt 或 .docx 文件 (no .txt or .docx files in ${options.inputs.join(', ')})`);

	const s: IngestSummary = {
		files: files.length,
		ok: 0,
		failed: 0,
		notReports: 0,
		duplicates: 0,
		reports: 0,
		orgs: 0,
		findings: { error: 0, warning: 0, info: 0 },
		timings: { read: 0, extract: 0, write: 0, total: 0 },
		manifest: null
	};
	const sources: SourceEntry[] = [];
	/** sha256 → the first file with those bytes and the report it gave (if any). */
	const bySha = new Map<string, { file: string; reportId?: string }>();
	/** org_id|fiscal_year → files already ingested for it. */
	const byOrgYear = new Map<string, string[]>();
	const orgs = new OrgsTable();
	const writer = DatasetWriter.open(options.out);

	const fail = (entry: SourceEntry, status: 'failed' | 'not_report', reason: string) => {
		entry.status = status;
		entry.reason = reason;
		if (status === 'failed') s.failed++;
		else s.notReports++;
		effects.log(`✗ ${entry.file}: ${reason}`);
	};

	try {
		effects.progress?.start(files.length);
		// Read one file ahead, so disk I/O overlaps the (synchronous) extraction of the current one.
		let next: Promise<ReadBytes | null> = readBytes(files[0]);
		for (let i = 0; i < files.length; i++) {
			const file = files[i];
			let tRead = performance.now();
			const got = await next;
			next = i + 1 < files.length ? readBytes(files[i + 1]) : Promise.resolve(null);
			const entry: SourceEntry = { file: file.name, sha256: '', bytes: 0, status: 'ok' };
			sources.push(entry);
			if (!got || 'error' in got) {
				fail(entry, 'failed', got?.error ?? 'unreadable');
				effects.progress?.tick(file.name);
				continue;
			}
			entry.sha256 = got.sha256;
			entry.bytes = got.bytes.length;

			const first = bySha.get(got.sha256);
			if (first) {
				entry.status = 'duplicate';
				entry.reason = `与 ${first.file} 内容相同，只收录一次 (same bytes as ${first.file})`;
				if (first.reportId) entry.report_id = first.reportId;
				s.duplicates++;
				effects.log(`= ${entry.file}: ${entry.reason}`);
				effects.progress?.tick(file.name);
				continue;
			}
			const seen: { file: string; reportId?: string } = { file: file.name };
			bySha.set(got.sha256, seen);

			const read = await readReportFile(got.bytes, file.name);
			tRead = performance.now() - tRead;
			s.timings.read += tRead;
			const tExtract = performance.now();
			try {
				if ('error' in read) {
					fail(entry, 'failed', read.error);
					continue;
				}
				if (read.text.length > maxChars) {
					fail(entry, 'not_report', `文本过长（${read.text.length} 字符），不像一份自评报告 (too long for one report)`);
					continue;
				}
				let result: ExtractResult;
				try {
					result = extract({ text: read.text, sourceFile: file.name, sha256: got.sha256 });
				} catch (e) {
					fail(entry, 'failed', `抽取程序出错 (extractor error): ${errorMessage(e)}`);
					continue;
				}
				if (!result.ok) {
					fail(entry, 'not_report', result.reason);
					continue;
				}
				const id = result.reports.report_id;
				if (!isSafeId(id)) {
					fail(entry, 'failed', `报告编号不能用作文件名 (report_id unusable as a file name): ${JSON.stringify(id)}`);
					continue;
				}
				const findings: Row<'findings'>[] = [...result.findings];
				const key = result.reports.fiscal_year === null ? null : `${result.org.org_id}|${result.reports.fiscal_year}`;
				const earlier = key ? (byOrgYear.get(key) ?? []) : [];
				if (earlier.length > 0) findings.push(duplicateOrgYear(result, earlier));
				try {
					// All of a report's rows or none: a value that breaks the contract throws here.
					writer.append({
						reports: [result.reports],
						sangong: result.sangong,
						spending: result.spending,
						indicators: result.indicators,
						projects: result.projects,
						facts: result.facts,
						findings
					});
				} catch (e) {
					fail(entry, 'failed', `抽取结果不符合表结构 (extractor output breaks the table contract): ${errorMessage(e)}`);
					continue;
				}
				writer.writeText(id, result.text);
				if (key) byOrgYear.set(key, [...earlier, file.name]);
				orgs.add(result.org);
				entry.report_id = id;
				seen.reportId = id;
				s.ok++;
				for (const f of findings) s.findings[f.severity]++;
			} finally {
				s.timings.extract += performance.now() - tExtract;
				effects.progress?.tick(file.name);
			}
		}
		effects.progress?.stop();
		s.reports = s.ok;
		s.orgs = orgs.size;

		const tWrite = performance.now();
		const problem =
			s.ok === 0
				? '没有一个文件能收录为报告 (no file could be ingested)'
				: options.strict && s.failed + s.notReports > 0
					? `--strict：${s.failed + s.notReports} 个文件未能收录 (files failed under --strict)`
					: null;
		if (problem) {
			writer.abort();
			s.timings.total = performance.now() - t0;
			for (const line of formatSummary(s, options.out, false)) effects.log(line);
			throw new CliError(`${problem}；保留原有数据集 (previous datasets kept)`, { exitCode: 1 });
		}
		writer.append({ orgs: orgs.rows() });
		s.manifest = await writer.commit(sources, effects.now?.() ?? new Date());
		s.timings.write = performance.now() - tWrite;
		s.timings.total = performance.now() - t0;
		for (const line of formatSummary(s, options.out, true)) effects.log(line);
		return s;
	} catch (e) {
		effects.progress?.stop();
		writer.abort();
		throw e;
	}
}

type ReadBytes = { bytes: Uint8Array; sha256: string } | { error: string };

async function readBytes(file: InputFile): Promise<ReadBytes> {
	try {
		const bytes = await readFile(file.path);
		return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
	} catch (e) {
		return { error: `无法读取文件 (cannot read file): ${errorMessage(e)}` };
	}
}

/** Two different files for one department and year: both are kept, and the later one says so. */
function duplicateOrgYear(result: ExtractResult & { ok: true }, earlier: readonly string[]): Row<'findings'> {
	const year = result.reports.fiscal_year;
	return {
		report_id: result.reports.report_id,
		severity: 'warning',
		check_name: 'duplicate_org_year',
		message: `${result.org.org_name} ${year} 年度已有另一份内容不同的报告：${earlier.join('、')}；两份都已收录，请核对是否重复或版本不同`,
		numbers: JSON.stringify({ org_id: result.org.org_id, fiscal_year: year, other_files: earlier }),
		span_start: null,
		span_end: null,
		quote: null
	};
}

export function formatSummary(s: IngestSummary, out: string, written: boolean): string[] {
	const sec = (ms: number) => (ms / 1000).toFixed(1) + ' s';
	return [
		`文件 files: ${s.files} · 收录 ok: ${s.ok} · 失败 failed: ${s.failed} · 非报告 not reports: ${s.notReports} · 重复 duplicates: ${s.duplicates}`,
		`报告 reports: ${s.reports} · 部门 orgs: ${s.orgs} · 核查发现 findings: 错误 error ${s.findings.error}, 警告 warning ${s.findings.warning}, 提示 info ${s.findings.info}`,
		written
			? `已写入 wrote ${out} in ${sec(s.timings.total)} (read ${sec(s.timings.read)}, extract ${sec(s.timings.extract)}, write ${sec(s.timings.write)})`
			: `未写入 nothing written to ${out} (${sec(s.timings.total)})`
	];
}
