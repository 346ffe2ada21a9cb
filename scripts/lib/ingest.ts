/**
 * The ingest command minus argv and terminal: files → text → extractReport → dataset folder.
 *
 * A problem in one file is data, not a crash: it gets one `✗ file: reason` line, a manifest
 * entry, and the other files go on. Effects (logging, progress) are injected so tests run quiet.
 */
import { errorMessage } from '../../src/lib/error-message';
import { extractReport } from '../../src/lib/extract/index';
import { DEFAULT_MAX_CHARS } from '../../src/lib/read/parse-report';
import { duplicateOrgYear } from '../../src/lib/validate/duplicate-org-year';
import type { ExtractInput, ExtractResult } from '../../src/lib/extract/types';
import type { Row, Severity } from '../../src/lib/schema/tables';
import { CliError } from './cli-error';
import { processAll } from './file-pool';
import { findInputs } from './find-inputs';
import type { Manifest, SourceEntry } from '../../src/lib/schema/manifest';
import { OrgsTable } from '../../src/lib/extract/orgs-table';
import type { OkRows } from './process-file';
import { DatasetWriter } from './write-datasets';

export interface IngestOptions {
	/** Files and/or directories (searched recursively for .txt and .docx). */
	inputs: readonly string[];
	/** Dataset folder, replaced atomically. */
	out: string;
	/** Fail (and keep the previous datasets) when any file fails or is not a report. */
	strict?: boolean;
	/** Texts longer than this are not taken for one report (a whole bulletin, a log, a dump). */
	maxChars?: number;
	/** Worker threads for reading and extracting; default: automatic (see file-pool.ts). */
	jobs?: number;
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
	/**
	 * Milliseconds. Wall clock: `process` (reading, decoding, extracting and queueing rows, up to
	 * the last file), `write` (Parquet, Arrow, manifest, swap), `total`. Summed over files (so
	 * over workers, which run in parallel): `read` (+decode), `extract`, `append` (rows → CSV and
	 * Arrow buffers, main thread).
	 */
	timings: { read: number; extract: number; append: number; process: number; write: number; total: number };
	manifest: Manifest | null;
}

interface Seen {
	file: string;
	reportId?: string;
	/** The report id whose rows were refused (its text must not stay in texts/). */
	refusedId?: string;
}

export const quietEffects: IngestEffects = { log: () => {} };

export async function ingest(
	options: IngestOptions,
	effects: IngestEffects = quietEffects
): Promise<IngestSummary> {
	const t0 = performance.now();
	const files = findInputs(options.inputs);
	if (files.length === 0)
		throw new CliError(
			`没有找到 .txt 或 .docx 文件 (no .txt or .docx files in ${options.inputs.join(', ')})`
		);

	const s: IngestSummary = {
		files: files.length,
		ok: 0,
		failed: 0,
		notReports: 0,
		duplicates: 0,
		reports: 0,
		orgs: 0,
		findings: { error: 0, warning: 0, info: 0 },
		timings: { read: 0, extract: 0, append: 0, process: 0, write: 0, total: 0 },
		manifest: null
	};
	const sources: SourceEntry[] = [];
	/** sha256 → the first file with those bytes and the report it gave (if any). */
	const bySha = new Map<string, Seen>();
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

	/** Writes one extracted report's rows; false when they were refused. */
	const accept = (result: OkRows, file: string, entry: SourceEntry): boolean => {
		const id = result.reports.report_id;
		const findings: Row<'findings'>[] = [...result.findings];
		const year = result.reports.fiscal_year;
		const key = year === null ? null : `${result.org.org_id}|${year}`;
		const earlier = key ? (byOrgYear.get(key) ?? []) : [];
		if (earlier.length > 0)
			findings.push(duplicateOrgYear(result.reports, earlier, '两份都已收录，请核对是否重复或版本不同'));
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
			fail(
				entry,
				'failed',
				`抽取结果不符合表结构 (extractor output breaks the table contract): ${errorMessage(e)}`
			);
			// Its text was saved while extracting; an identical earlier file would have made this a duplicate.
			writer.dropText(id);
			return false;
		}
		if (key) byOrgYear.set(key, [...earlier, file]);
		orgs.add(result.org);
		entry.report_id = id;
		s.ok++;
		for (const f of findings) s.findings[f.severity as Severity]++;
		return true;
	};

	try {
		effects.progress?.start(files.length);
		const tasks = files.map((f, index) => ({ index, path: f.path, name: f.name }));
		const outcomes = processAll(tasks, {
			jobs: options.jobs,
			maxChars: options.maxChars ?? DEFAULT_MAX_CHARS,
			extract: effects.extract ?? extractReport,
			extractInjected: effects.extract !== undefined,
			textsDir: writer.textsDir
		});
		for await (const out of outcomes) {
			effects.progress?.tick(out.name);
			s.timings.read += out.ms.read;
			s.timings.extract += out.ms.extract;
			const entry: SourceEntry = { file: out.name, sha256: out.sha256, bytes: out.bytes, status: 'ok' };
			sources.push(entry);

			const first = out.sha256 ? bySha.get(out.sha256) : undefined;
			if (first) {
				entry.status = 'duplicate';
				entry.reason = `与 ${first.file} 内容相同，只收录一次 (same bytes as ${first.file})`;
				if (first.reportId) entry.report_id = first.reportId;
				// A worker may have saved this copy's text again after the first one's rows were refused.
				if (first.refusedId) writer.dropText(first.refusedId);
				s.duplicates++;
				effects.log(`= ${entry.file}: ${entry.reason}`);
				continue;
			}
			const seen: Seen = { file: out.name };
			if (out.sha256) bySha.set(out.sha256, seen);

			if (out.status === 'skipped') throw new Error(`internal: ${out.name} skipped but not a duplicate`);
			if (out.status !== 'ok') {
				fail(entry, out.status, out.reason);
				continue;
			}
			const tAppend = performance.now();
			if (accept(out.result, out.name, entry)) seen.reportId = out.result.reports.report_id;
			else seen.refusedId = out.result.reports.report_id;
			s.timings.append += performance.now() - tAppend;
		}
		s.timings.process = performance.now() - t0;
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
		effects.log(`正在写入 writing CSV, Parquet, Arrow → ${options.out}`);
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

export function formatSummary(s: IngestSummary, out: string, written: boolean): string[] {
	const sec = (ms: number) => (ms / 1000).toFixed(1) + ' s';
	return [
		`文件 files: ${s.files} · 收录 ok: ${s.ok} · 失败 failed: ${s.failed} · 非报告 not reports: ${s.notReports} · 重复 duplicates: ${s.duplicates}`,
		`报告 reports: ${s.reports} · 部门 orgs: ${s.orgs} · 核查发现 findings: 错误 error ${s.findings.error}, 警告 warning ${s.findings.warning}, 提示 info ${s.findings.info}`,
		written
			? `已写入 wrote ${out} in ${sec(s.timings.total)} (read+extract ${sec(s.timings.process)}, write ${sec(s.timings.write)})`
			: `未写入 nothing written to ${out} (${sec(s.timings.total)})`
	];
}
