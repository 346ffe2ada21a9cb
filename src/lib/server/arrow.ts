/** Plain rows + DuckDB column types → an Arrow IPC stream (for insertArrowFromIPCStream). */
import * as aq from 'arquero';
import { bool, float64, int32, utf8, type DataType } from '@uwdata/flechette';
import type { PlainRow } from '$lib/db/connector';
import type { ColumnType } from '$lib/schema/tables';

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

export function rowsToArrowIPC(columns: readonly ColumnInfo[], rows: readonly PlainRow[]): Uint8Array {
	const data = Object.fromEntries(columns.map((c) => [c.name, rows.map((r) => r[c.name] ?? null)]));
	const types = Object.fromEntries(columns.map((c) => [c.name, ARROW[c.type]()]));
	return aq.toArrowIPC(aq.table(data), { format: 'stream', types });
}
