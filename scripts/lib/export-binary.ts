/**
 * Parquet (for downloads) and Arrow IPC stream (for the browser's insertArrowFromIPCStream) from
 * the CSV the writer has just produced. Going through the CSV means all three formats hold the
 * same values by construction, and DuckDB's C++ CSV reader loads millions of rows far faster than
 * appending them value by value from JS. Tables are done one at a time to bound memory.
 */
import { writeFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as aq from 'arquero';
// arquero's own type definitions come from flechette; it is pinned by package.json "overrides".
import { bool, float64, int32, utf8, type DataType } from '@uwdata/flechette';
import type { ColumnType, TableDef } from '../../src/lib/schema/tables';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
	VARCHAR: utf8,
	INTEGER: int32,
	DOUBLE: float64,
	BOOLEAN: bool
};

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface BinaryPaths {
	csv: string;
	parquet: string;
	arrow: string;
}

/** Opens a private in-memory DuckDB sized for a shared 2-core machine. */
export async function openDuckDB(): Promise<{ conn: DuckDBConnection; close: () => void }> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' });
	const conn = await instance.connect();
	return {
		conn,
		close: () => {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

export async function exportTable(conn: DuckDBConnection, def: TableDef, paths: BinaryPaths): Promise<number> {
	const name = ident(def.name);
	const columns = def.columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
	await conn.run(`CREATE OR REPLACE TABLE ${name} (${def.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`);
	// auto_detect off + explicit columns: the contract, not a guess, decides every type.
	// allow_quoted_nulls=false: "" is an empty string, only an empty unquoted cell is NULL.
	await conn.run(
		`INSERT INTO ${name} SELECT * FROM read_csv(${literal(paths.csv)}, header = true, auto_detect = false,
			delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false,
			columns = {${columns}})`
	);
	await conn.run(`COPY ${name} TO ${literal(paths.parquet)} (FORMAT parquet, COMPRESSION zstd)`);

	const reader = await conn.runAndReadAll(`SELECT * FROM ${name}`);
	const data = reader.getColumnsObjectJS();
	const rows = reader.currentRowCount;
	// Explicit Arrow types: an empty table or an all-NULL column keeps the contract's type
	// instead of whatever inference would make of no values.
	const types: Record<string, DataType> = {};
	const cols: Record<string, unknown[]> = {};
	for (const c of def.columns) {
		types[c.name] = ARROW_TYPES[c.type]();
		cols[c.name] = data[c.name] ?? [];
	}
	const ipc = aq.toArrowIPC(aq.table(cols), { format: 'stream', types });
	writeFileSync(paths.arrow, ipc);
	await conn.run(`DROP TABLE ${name}`);
	return rows;
}
