/** The 三公 detail table: one line per department, basis and item; one cell per year. */
import type { SangongDetailRow } from '$lib/db/queries/sangong';
import { compareZh } from '$lib/format';
import { SANGONG_ITEMS } from '$lib/schema/tables';

export interface DetailLine {
	key: string;
	org_id: string;
	org_name: string;
	basis: string;
	item: string;
	cells: Map<number, SangongDetailRow>;
}

const ITEM_ORDER = Object.keys(SANGONG_ITEMS);

export function pivotDetail(rows: readonly SangongDetailRow[]): { years: number[]; lines: DetailLine[] } {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	const map = new Map<string, DetailLine>();
	for (const r of rows) {
		const key = `${r.org_id}|${r.basis}|${r.item}`;
		let line = map.get(key);
		if (!line) {
			line = { key, org_id: r.org_id, org_name: r.org_name, basis: r.basis, item: r.item, cells: new Map() };
			map.set(key, line);
		}
		line.cells.set(r.year, r);
	}
	const lines = [...map.values()].sort(
		(a, b) =>
			compareZh(a.org_name, b.org_name) ||
			a.org_id.localeCompare(b.org_id) ||
			a.basis.localeCompare(b.basis) ||
			ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item)
	);
	return { years, lines };
}

/**
 * Row spans for a column of grouped cells: the length of the run of equal keys starting at each
 * line, 0 where a run continues (that line has no cell of its own in that column).
 */
export function runSpans(keys: readonly string[]): number[] {
	const spans = keys.map(() => 0);
	for (let i = 0; i < keys.length;) {
		let j = i + 1;
		while (j < keys.length && keys[j] === keys[i]) j++;
		spans[i] = j - i;
		i = j;
	}
	return spans;
}
