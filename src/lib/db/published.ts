/**
 * The published tables in DuckDB-WASM: each table's database file (`tables/<name>.duckdb`, see
 * routes/tables/) is registered with the engine, attached read-only as `published_<name>` and
 * named in `main` by a view, so queries read it in place. Measured at 10,000 reports, from the
 * engine's start to queryable tables, against copying their Arrow into the engine: ~250 → ~200 ms
 * for the dashboard, ~400 → ~110 ms for the console, with a third of the bytes.
 *
 * Reports imported in this browser need tables that take rows: `toTables` swaps views for
 * in-memory copies; `toViews` points the names at the published files again (the published
 * state, exactly).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { TABLES } from '../schema/tables';
import { sqlLiteral } from './inline-params';
import { SHIPPED_DERIVED } from './queries/derived';
import { ident } from './tables-sql';

/** Every table published as a file of its own: the contract tables and the shipped derived ones. */
export const PUBLISHED_TABLES: readonly string[] = [...TABLES.map((t) => t.name), ...SHIPPED_DERIVED];

/** A table's file name: on this site under `tables/`, and as registered in the engine. */
export const publishedFile = (name: string): string => `${name}.duckdb`;
const attached = (name: string) => ident(`published_${name}`);
const published = (name: string) => `${attached(name)}.${ident(name)}`;
const viewSql = (name: string) => `CREATE VIEW ${ident(name)} AS SELECT * FROM ${published(name)}`;

/** After registering its file: attach a table's database and name the table by a view in `main`. */
export const attachSql = (name: string): string[] => [
	`ATTACH ${sqlLiteral(publishedFile(name))} AS ${attached(name)} (READ_ONLY)`,
	viewSql(name)
];

/** Registers a table's file and names it by a view in `main`. */
export async function attachTable(
	db: AsyncDuckDB,
	conn: AsyncDuckDBConnection,
	name: string,
	bytes: Uint8Array
): Promise<void> {
	await db.registerFileBuffer(publishedFile(name), bytes);
	for (const statement of attachSql(name)) await conn.query(statement);
}

/** A connection (DuckDB-WASM's, or its blocking Node build's in the tests). */
export interface Queryable {
	query(sql: string): Promise<Table> | Table;
}

/** What each name in `main` is now. */
async function kinds(conn: Queryable): Promise<Map<string, 'view' | 'table'>> {
	const rows = (
		await conn.query(
			`SELECT view_name AS name, 'view' AS kind FROM duckdb_views()
			   WHERE database_name = 'memory' AND schema_name = 'main' AND NOT internal
			 UNION ALL SELECT table_name, 'table' FROM duckdb_tables()
			   WHERE database_name = 'memory' AND schema_name = 'main'`
		)
	).toArray();
	return new Map(rows.map((r) => [String(r.toJSON().name), r.toJSON().kind as 'view' | 'table']));
}

const named = async (conn: Queryable, names: readonly string[], kind: 'view' | 'table') => {
	const k = await kinds(conn);
	return names.filter((n) => k.get(n) === kind);
};

/** Each of `names` that is a view becomes an in-memory table with the published rows. */
export async function toTables(conn: Queryable, names: readonly string[]): Promise<void> {
	for (const name of await named(conn, names, 'view')) {
		await conn.query(`DROP VIEW ${ident(name)}`);
		await conn.query(`CREATE TABLE ${ident(name)} AS SELECT * FROM ${published(name)}`);
	}
}

/** Drops the views among `names` (tables are about to be created under those names). */
export async function dropViews(conn: Queryable, names: readonly string[]): Promise<void> {
	for (const name of await named(conn, names, 'view')) await conn.query(`DROP VIEW ${ident(name)}`);
}

/** Each of `names` that is a table (a copy made here) is the view of its published file again. */
export async function toViews(conn: Queryable, names: readonly string[]): Promise<void> {
	for (const name of await named(conn, names, 'table')) {
		await conn.query(`DROP TABLE ${ident(name)}`);
		await conn.query(viewSql(name));
	}
}
