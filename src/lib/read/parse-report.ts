/**
 * One report file's bytes → its extraction, or the reason it gives none. The part of the ingest's
 * per-file work that needs no file system: the Node ingest (scripts/lib/process-file.ts) and the
 * browser's import worker both call it, so a dropped file gives exactly what the ingest gives.
 */
import { errorMessage } from '../error-message';
import type { ExtractInput, ExtractResult } from '../extract/types';
import type { DecodeOptions } from './decode-text';
import { readReportFile } from './read-report-file';

/** Texts longer than this are not taken for one report (a whole bulletin, a log, a dump). */
export const DEFAULT_MAX_CHARS = 5_000_000;

export type Extracted = Extract<ExtractResult, { ok: true }>;

export type ParseOutcome = (
	{ status: 'failed' | 'not_report'; reason: string } | { status: 'ok'; result: Extracted }
) & {
	/** Milliseconds spent reading + decoding, and extracting. */
	ms: { read: number; extract: number };
};

export interface ParseOptions extends DecodeOptions {
	extract: (input: ExtractInput) => ExtractResult;
	maxChars?: number;
}

export async function parseReport(
	bytes: Uint8Array,
	name: string,
	sha256: string,
	o: ParseOptions
): Promise<ParseOutcome> {
	const t0 = performance.now();
	const read = await readReportFile(bytes, name, o);
	const t1 = performance.now();
	const done = (
		x: { status: 'failed' | 'not_report'; reason: string } | { status: 'ok'; result: Extracted }
	) => ({
		...x,
		ms: { read: t1 - t0, extract: performance.now() - t1 }
	});
	if ('error' in read) return done({ status: 'failed', reason: read.error });
	const maxChars = o.maxChars ?? DEFAULT_MAX_CHARS;
	if (read.text.length > maxChars)
		return done({
			status: 'not_report',
			reason: `文本过长（${read.text.length} 字符），不像一份自评报告 (too long for one report)`
		});
	try {
		const result = o.extract({ text: read.text, sourceFile: name, sha256 });
		if (!result.ok) return done({ status: 'not_report', reason: result.reason });
		return done({ status: 'ok', result });
	} catch (e) {
		return done({ status: 'failed', reason: `抽取程序出错 (extractor error): ${errorMessage(e)}` });
	}
}
