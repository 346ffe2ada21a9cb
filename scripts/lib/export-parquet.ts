/**
 * Parquet and JSON (for downloads) from the CSV the writer has just produced. Going through the CSV means
 * the CSV and Parquet hold the same values by construction (and the CSV is re-read and counted),
 * and DuckDB's C++ CSV reader loads millions of rows far faster than appending them from JS.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TableDef } from '../../src/lib/schema/tables';
import { sqlLiteral } from '../../src/lib/db/inline-params';
import { ident } from '../../src/lib/db/tables-sql';

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

/**
 * Loads `csv` into a table typed by the contract, writes it as Parquet and as a JSON array of row
 * objects (NULL → null), returns the row count.
 */
export async function csvToParquet(
	conn: DuckDBConnection,
	def: TableDef,
	csv: string,
	out: { parquet: string; json: string }
): Promise<number> {
	const name = ident(def.name);
	const columns = def.columns.map((c) => `${sqlLiteral(c.name)}: ${sqlLiteral(c.type)}`).join(', ');
	await conn.run(
		`CREATE OR REPLACE TABLE ${name} (${def.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`
	);
	// auto_detect off + explicit columns: the contract, not a guess, decides every type.
	// allow_quoted_nulls=false: "" is an empty string, only an empty unquoted cell is NULL.
	await conn.run(
		`INSERT INTO ${name} SELECT * FROM read_csv(${sqlLiteral(csv)}, header = true, auto_detect = false,
			delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false,
			columns = {${columns}})`
	);
	await conn.run(`COPY ${name} TO ${sqlLiteral(out.parquet)} (FORMAT parquet, COMPRESSION zstd)`);
	await conn.run(`COPY ${name} TO ${sqlLiteral(out.json)} (FORMAT json, ARRAY true)`);
	const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${name}`);
	const rows = Number(reader.getColumnsJS()[0][0]);
	await conn.run(`DROP TABLE ${name}`);
	return rows;
}
