/**
 * CSV cells for the published datasets (RFC 4180). NULL is an empty unquoted cell and an empty
 * string is `""`, so DuckDB's read_csv (allow_quoted_nulls=false) reads back exactly what was
 * written. Numbers are printed with String(n): every digit the extractor kept, no rounding.
 */
import type { ColumnDef } from '../../src/lib/schema/tables';

/** UTF-8 byte-order mark: Excel needs it to open UTF-8 CSV without mangling Chinese. */
export const BOM = '\ufeff';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvString(s: string): string {
	return s === '' || NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One cell; throws when the value does not fit the column (a bug upstream, never data). */
export function csvCell(value: unknown, col: ColumnDef): string {
	if (value === null) {
		if (!col.nullable) throw new TypeError(`column ${col.name} is NOT NULL but got null`);
		return '';
	}
	switch (col.type) {
		case 'VARCHAR':
			if (typeof value === 'string') return csvString(value);
			break;
		case 'INTEGER':
			if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2147483647)
				return String(value);
			break;
		case 'DOUBLE':
			if (typeof value === 'number' && Number.isFinite(value)) return String(value);
			break;
		case 'BOOLEAN':
			if (typeof value === 'boolean') return value ? 'true' : 'false';
			break;
	}
	throw new TypeError(`column ${col.name} (${col.type}) cannot hold ${JSON.stringify(value)}`);
}

export function csvLine(row: Record<string, unknown>, columns: readonly ColumnDef[]): string {
	let line = '';
	for (let i = 0; i < columns.length; i++) {
		if (i > 0) line += ',';
		line += csvCell(row[columns[i].name] ?? missing(row, columns[i]), columns[i]);
	}
	return line + '\r\n';
}

/** `?? missing()` keeps the hot path cheap: a present null is fine, an absent key is a bug. */
function missing(row: Record<string, unknown>, col: ColumnDef): null {
	if (!(col.name in row)) throw new TypeError(`row has no column ${col.name}`);
	return null;
}

export const csvHeader = (columns: readonly ColumnDef[]): string =>
	columns.map((c) => csvString(c.name)).join(',') + '\r\n';
