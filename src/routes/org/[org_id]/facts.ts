/** Find the fact (quote + span) behind a published value on the department page. */
import { quoteHash } from '$lib/links';
import type { Row } from '$lib/schema/tables';

export type Fact = Row<'facts'>;

export const factKey = (reportId: string, table: string, column: string, rowKey: string | null) =>
	`${reportId}|${table}|${column}|${rowKey ?? ''}`;

export function indexFacts(facts: readonly Fact[]): Map<string, Fact> {
	const m = new Map<string, Fact>();
	for (const f of facts) {
		const k = factKey(f.report_id, f.table_name, f.column_name, f.row_key);
		if (!m.has(k)) m.set(k, f);
	}
	return m;
}

/** Row keys as the ingest writes them (see the facts.row_key description in the contract). */
export const rowKeys = {
	sangong: (r: Row<'sangong'>) => `${r.year}|${r.item}|${r.basis}|${r.unit ?? ''}`,
	spending: (r: Row<'spending'>) => `${r.year}|${r.category}`,
	projects: (r: Row<'projects'>) => r.name,
	indicators: (r: Row<'indicators'>) => [r.level1, r.level2, r.level3].map((x) => x ?? '').join('|')
};

/**
 * Element id of each finding that quotes a span (the first finding of a span: ids are unique), by
 * index: the target of `quoteHash` links from /data/.
 */
export function quoteAnchors(findings: readonly Row<'findings'>[]): Map<number, string> {
	const ids = new Map<number, string>();
	const seen = new Set<string>();
	findings.forEach((fi, i) => {
		if (fi.span_start == null || fi.span_end == null) return;
		const id = quoteHash(fi.report_id, fi.span_start, fi.span_end).slice(1);
		if (!seen.has(id)) ids.set(i, id);
		seen.add(id);
	});
	return ids;
}
