/**
 * A query result as the console holds it: column-major plain values (no Arrow objects, no
 * BigInt), with each column's unit when its name is a contract column. Pure: display formatting,
 * sorting and the CSV / TSV / JSON serializations live here and are unit-tested.
 */
import { csvCell } from '../charts/csv';
import type { PlainValue } from '../db/connector';
import { formatCount, formatPercent, formatScore, formatWanExact } from '../format';
import { unitOfColumn } from './schema-entries';

export interface ResultColumn {
	readonly name: string;
	/** The engine's type, as DuckDB/Arrow names it (shown in the header's tooltip). */
	readonly type: string;
	readonly numeric: boolean;
	/** The contract's unit for a column of that name (万元, 比率, 分 …), if any. */
	readonly unit?: string;
}

export interface ResultSet {
	readonly columns: readonly ResultColumn[];
	/** values[c][r]: column-major, so a 100,000-row result is a few flat arrays. */
	readonly values: readonly (readonly PlainValue[])[];
	readonly rowCount: number;
}

/** The grid's sort: a column and direction, or none (engine order). */
export type SortState = { readonly column: number; readonly dir: 'asc' | 'desc' } | null;

export function resultColumn(name: string, type: string, numeric: boolean): ResultColumn {
	return { name, type, numeric, unit: numeric ? unitOfColumn(name) : undefined };
}

/** A cell as the grid shows it; null stays null (the grid draws a NULL badge). */
export function displayValue(col: ResultColumn, v: PlainValue, formatted: boolean): string | null {
	if (v === null) return null;
	if (typeof v === 'number' && formatted) {
		switch (col.unit) {
			case '万元':
				return formatWanExact(v);
			case '比率':
				return formatPercent(v);
			case '分':
				return formatScore(v);
			case '人':
				return formatCount(v, '人');
			default:
				break;
		}
	}
	return String(v);
}

/** Row order for a sort by one column; NULLs last in both directions. Strings by code point. */
export function sortOrder(rs: ResultSet, column: number, dir: 'asc' | 'desc'): Uint32Array {
	const order = new Uint32Array(rs.rowCount);
	for (let i = 0; i < order.length; i++) order[i] = i;
	const vals = rs.values[column];
	const sign = dir === 'asc' ? 1 : -1;
	order.sort((a, b) => {
		const x = vals[a];
		const y = vals[b];
		if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
		const c = x < y ? -1 : x > y ? 1 : 0;
		return c === 0 ? a - b : sign * c;
	});
	return order;
}

/** CSV, UTF-8 with BOM (Excel opens it), CRLF, raw values, empty cell = NULL; in grid order. */
export function toCsv(rs: ResultSet, order: Uint32Array | null = null): string {
	const lines = [rs.columns.map((c) => csvCell(c.name)).join(',')];
	for (let i = 0; i < rs.rowCount; i++) {
		const r = order ? order[i] : i;
		lines.push(rs.values.map((col) => csvCell(col[r])).join(','));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One TSV field as Excel reads a paste: quoted when it holds a tab, line break or quote. */
const tsvCell = (v: PlainValue): string => {
	if (v === null) return '';
	const s = String(v);
	return /[\t\r\n"]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Tab-separated text for pasting into Excel / WPS (no BOM: it goes to the clipboard). */
export function toTsv(rs: ResultSet, order: Uint32Array | null = null): string {
	const lines = [rs.columns.map((c) => tsvCell(c.name)).join('\t')];
	for (let i = 0; i < rs.rowCount; i++) {
		const r = order ? order[i] : i;
		lines.push(rs.values.map((col) => tsvCell(col[r])).join('\t'));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** JSON: an array of row objects, NULL as null; in grid order. */
export function toJson(rs: ResultSet, order: Uint32Array | null = null): string {
	const rows: Record<string, PlainValue>[] = [];
	for (let i = 0; i < rs.rowCount; i++) {
		const r = order ? order[i] : i;
		const row: Record<string, PlainValue> = {};
		rs.columns.forEach((c, j) => (row[c.name] = rs.values[j][r]));
		rows.push(row);
	}
	return `${JSON.stringify(rows, null, 1)}\n`;
}
