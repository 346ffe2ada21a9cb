/**
 * The /data/ page's source-file table. Files that were not ingested come first (they are what a
 * reader looks for); at most SOURCES_SHOWN rows are listed, and manifest.json has every file.
 */
import type { SourceEntry, SourceStatus } from '$lib/schema/manifest';

export const SOURCES_SHOWN = 200;

export const SOURCE_STATUS_ZH: Readonly<Record<SourceStatus, string>> = {
	ok: '已收录',
	duplicate: '重复',
	not_report: '非报告',
	failed: '失败'
};

/** Files not ingested first, each group in manifest order; at most `limit`. */
export function sourcesShown(sources: readonly SourceEntry[], limit = SOURCES_SHOWN): SourceEntry[] {
	const problems = sources.filter((s) => s.status !== 'ok');
	const ok = sources.filter((s) => s.status === 'ok');
	return [...problems, ...ok].slice(0, limit);
}

/** How many files have each status, in SOURCE_STATUS_ZH order (statuses with none left out). */
export function sourceCounts(sources: readonly SourceEntry[]): { status: SourceStatus; n: number }[] {
	const n = new Map<SourceStatus, number>();
	for (const s of sources) n.set(s.status, (n.get(s.status) ?? 0) + 1);
	return (Object.keys(SOURCE_STATUS_ZH) as SourceStatus[])
		.filter((k) => n.has(k))
		.map((status) => ({ status, n: n.get(status)! }));
}
