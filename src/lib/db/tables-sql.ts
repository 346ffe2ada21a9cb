/**
 * DDL generated from the one table contract, shared by the browser (DuckDB-WASM) and the build
 * (DuckDB Node API), so both runtimes hold the same tables with the same types.
 */
import type { ColumnType } from '../schema/tables';

/** A table's name and typed columns: a contract table, or a derived one described at build time. */
export interface TableShape {
	readonly name: string;
	readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
}

export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const columnsSql = (t: TableShape) => t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');

/** `CREATE OR REPLACE TABLE name (col TYPE, …)` from the contract. */
export function createTableSql(t: TableShape): string {
	return `CREATE OR REPLACE TABLE ${ident(t.name)} (${columnsSql(t)})`;
}

/** `CREATE TABLE IF NOT EXISTS name (col TYPE, …)`: keeps the rows of a table that exists. */
export function createTableIfMissingSql(t: TableShape): string {
	return `CREATE TABLE IF NOT EXISTS ${ident(t.name)} (${columnsSql(t)})`;
}

/**
 * `INSERT INTO name SELECT CAST(col AS TYPE) … FROM source`: every contract column by name, so a
 * dataset that lacks a column, or has one the contract does not know as such, fails loudly.
 */
export function insertFromSql(t: TableShape, source: string): string {
	const cols = t.columns.map((c) => `CAST(${ident(c.name)} AS ${c.type})`).join(', ');
	return `INSERT INTO ${ident(t.name)} SELECT ${cols} FROM ${source}`;
}
