/**
 * The seam between app code and a database engine (mosaic's Connector): the browser passes
 * DuckDB-WASM, the build passes DuckDB's Node API, tests pass a literal fake. Only plain rows
 * cross it — never Arrow objects, never BigInt.
 */

export type SqlParam = string | number | boolean | null;
export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

export interface Connector {
	/** Run one statement with positional `?` parameters; resolve to plain rows. */
	query<T extends object = PlainRow>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

/** One value as it may come out of an engine → a plain JSON-safe value. */
export function toPlain(v: unknown): PlainValue {
	if (v === null || v === undefined) return null;
	switch (typeof v) {
		case 'string':
		case 'boolean':
			return v;
		case 'number':
			return Number.isFinite(v) ? v : null;
		case 'bigint':
			return Number(v);
		default:
			break;
	}
	if (v instanceof Date) return v.toISOString();
	// Arrow/Node decimals and other wrappers stringify to their exact decimal form.
	const n = Number(String(v));
	if (Number.isFinite(n)) return n;
	return String(v);
}

/** Plain copy of one row object. */
export function toPlainRow(row: Record<string, unknown>): PlainRow {
	const out: PlainRow = {};
	for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
	return out;
}
