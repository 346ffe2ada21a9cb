/**
 * Plain rows + DuckDB column types → an Arrow IPC stream, what `insertArrowFromIPCStream` takes:
 * the rows of reports imported in the browser (local-reports.ts).
 */
import { bool, float64, int32, tableFromArrays, tableToIPC, utf8, type DataType } from '@uwdata/flechette';
import type { ColumnType } from '../schema/tables';

const ARROW: Record<ColumnType, () => DataType> = {
	VARCHAR: utf8,
	INTEGER: int32,
	DOUBLE: float64,
	BOOLEAN: bool
};

export interface ColumnInfo {
	readonly name: string;
	readonly type: ColumnType;
}

export function rowsToArrowIPC(
	columns: readonly ColumnInfo[],
	rows: readonly Readonly<Record<string, unknown>>[]
): Uint8Array {
	const data = Object.fromEntries(columns.map((c) => [c.name, rows.map((r) => r[c.name] ?? null)]));
	const types = Object.fromEntries(columns.map((c) => [c.name, ARROW[c.type]()]));
	return tableToIPC(tableFromArrays(data, { types }), { format: 'stream' })!;
}
