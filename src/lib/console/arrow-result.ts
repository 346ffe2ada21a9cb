/**
 * DuckDB-WASM's Arrow result → the console's column-major plain values. Converted in time
 * slices (yielding to the page every ~12 ms), so a 100,000-row result never blocks input.
 * BIGINT beyond 2^53 stays an exact decimal string; ±Infinity/NaN stay visible (never NULL).
 */
import { DataType, type Table, tableToIPC } from 'apache-arrow';
import { type PlainValue, toPlain } from '../db/connector';
import { type ResultColumn, type ResultSet, resultColumn } from './result-set';

const SLICE_MS = 12;
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

function converter(type: DataType): (v: unknown) => PlainValue {
	if (DataType.isDate(type))
		return (v) => (v == null ? null : new Date(v as number).toISOString().slice(0, 10));
	if (DataType.isTimestamp(type))
		return (v) => (v == null ? null : new Date(v as number).toISOString().replace('T', ' ').replace('Z', ''));
	return (v) => {
		if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
		if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
		return toPlain(v);
	};
}

const isNumeric = (t: DataType) => DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t);

export async function arrowToResult(table: Table): Promise<ResultSet> {
	const columns: ResultColumn[] = table.schema.fields.map((f) =>
		resultColumn(f.name, String(f.type), isNumeric(f.type))
	);
	const n = table.numRows;
	const values: PlainValue[][] = columns.map(() => new Array<PlainValue>(n));
	let t0 = performance.now();
	for (let c = 0; c < columns.length; c++) {
		const vec = table.getChildAt(c)!;
		const conv = converter(table.schema.fields[c].type);
		const out = values[c];
		// The iterator walks the record batches in order (get(r) would search for the batch each time).
		let r = 0;
		for (const v of vec) {
			out[r] = conv(v);
			if ((++r & 255) === 0 && performance.now() - t0 > SLICE_MS) {
				await nextTask();
				t0 = performance.now();
			}
		}
	}
	return { columns, values, rowCount: n };
}

/** The result as an Arrow IPC stream (the “Arrow” download), exactly as the engine returned it. */
export const toArrowIpc = (table: Table): Uint8Array => tableToIPC(table, 'stream');
