/**
 * One input file from bytes to extraction outcome: read, hash, decode, extract, save the text.
 * Runs in the ingest's main thread or in a worker (see file-pool.ts); the outcome is plain data.
 */
import { errorMessage } from '../../src/lib/error-message';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUtf8 } from 'node:buffer';
import type { ExtractInput, ExtractResult } from '../../src/lib/extract/types';
import { parseReport, type Extracted } from '../../src/lib/read/parse-report';
import { isSafeId } from './safe-id';

export interface FileTask {
	index: number;
	/** Path to open. */
	path: string;
	/** Name recorded as source_file. */
	name: string;
}

/** An extraction without its text: the text went straight to `texts/` (see textsDir). */
export type OkRows = Omit<Extracted, 'text'>;

interface Base {
	index: number;
	name: string;
	/** Empty when the file could not be read at all. */
	sha256: string;
	bytes: number;
	/** Milliseconds spent reading+decoding and extracting. */
	ms: { read: number; extract: number };
}

export type FileOutcome =
	| (Base & { status: 'failed' | 'not_report'; reason: string })
	| (Base & { status: 'ok'; result: OkRows })
	/** Same bytes as a file already seen: not decoded or extracted again. */
	| (Base & { status: 'skipped' });

export interface ProcessOptions {
	extract: (input: ExtractInput) => ExtractResult;
	/** Texts longer than this are not taken for one report (a whole bulletin, a log, a dump). */
	maxChars: number;
	/** Lets the caller skip files whose bytes it has already seen. */
	seen?: (sha256: string) => boolean;
	/**
	 * Where `<report_id>.txt` (the normalized text fact spans point into) is written. Writing it
	 * here, in the worker, spares copying every text to the main thread and writing it there.
	 */
	textsDir: string;
}

export async function processFile(task: FileTask, o: ProcessOptions): Promise<FileOutcome> {
	const t0 = performance.now();
	const base: Base = {
		index: task.index,
		name: task.name,
		sha256: '',
		bytes: 0,
		ms: { read: 0, extract: 0 }
	};
	let bytes: Uint8Array;
	try {
		// Sync on purpose: fs.promises.readFile costs ~0.25 ms more per small file (FileHandle
		// setup), a tenth of an ingest; the caller is a worker or a CLI with nothing else to do.
		bytes = readFileSync(task.path);
	} catch (e) {
		return { ...base, status: 'failed', reason: `无法读取文件 (cannot read file): ${errorMessage(e)}` };
	}
	base.sha256 = createHash('sha256').update(bytes).digest('hex');
	base.bytes = bytes.length;
	if (o.seen?.(base.sha256)) return { ...base, status: 'skipped' };
	const parsed = await parseReport(bytes, task.name, base.sha256, {
		extract: o.extract,
		maxChars: o.maxChars,
		isUtf8
	});
	base.ms.read = performance.now() - t0 - parsed.ms.extract;
	base.ms.extract = parsed.ms.extract;
	if (parsed.status !== 'ok') return { ...base, status: parsed.status, reason: parsed.reason };
	const { text, ...rows } = parsed.result;
	const id = rows.reports.report_id;
	// The id names a file: nothing that could climb out of texts/.
	if (!isSafeId(id))
		return {
			...base,
			status: 'failed',
			reason: `报告编号不能用作文件名 (report_id unusable as a file name): ${JSON.stringify(id)}`
		};
	try {
		writeFileSync(join(o.textsDir, `${id}.txt`), text);
	} catch (e) {
		return {
			...base,
			status: 'failed',
			reason: `无法保存规范化文本 (cannot write text): ${errorMessage(e)}`
		};
	}
	return { ...base, status: 'ok', result: rows };
}
