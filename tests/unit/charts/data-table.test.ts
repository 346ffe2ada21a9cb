import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DataTable, { HIGHLIGHT_ROWS } from '../../../src/lib/charts/DataTable.svelte';
import type { DataTable as Table } from '../../../src/lib/charts/spec';

const table = (n: number): Table => ({
	columns: [
		{ key: 'org_name', label: '部门', kind: 'org' },
		{ key: 'rate', label: '预算执行率', kind: 'percent' }
	],
	rows: Array.from({ length: n }, (_, i) => ({
		org_id: `org-${i}`,
		values: { org_name: `部门${i}`, rate: 0.5 + i / 100 }
	}))
});

const html = (n: number, shown?: number) =>
	render(DataTable, { props: { table: table(n), caption: '低执行', shown } }).body;
const rows = (body: string) => [...body.matchAll(/<tr class="([^"]*)"/g)].map((m) => m[1]);

describe('DataTable: a highlight table shows its first rows, “显示全部” the rest', () => {
	it('rows past `shown` are marked to hide, and the checkbox names how many rows there are', () => {
		const body = html(HIGHLIGHT_ROWS + 3, HIGHLIGHT_ROWS);
		const marks = rows(body);
		// Every row is in the page (for print and without JavaScript the CSS decides), in order.
		expect(marks).toHaveLength(HIGHLIGHT_ROWS + 3);
		expect(marks.map((c) => c.includes('extra'))).toEqual([
			...Array(HIGHLIGHT_ROWS).fill(false),
			true,
			true,
			true
		]);
		expect(body).toContain(`部门${HIGHLIGHT_ROWS + 2}`);
		expect(body).toMatch(
			/<label class="show-all[^"]*"><input type="checkbox"[^>]*\/?> 显示全部 13 行<\/label>/
		);
	});
	it('no checkbox and nothing hidden when every row fits, or without `shown`', () => {
		for (const body of [html(HIGHLIGHT_ROWS, HIGHLIGHT_ROWS), html(40)]) {
			expect(body).not.toContain('显示全部');
			expect(rows(body).some((c) => c.includes('extra'))).toBe(false);
		}
	});
});
