/**
 * Build-time access to the published datasets (prerendering runs in Node): the contract tables
 * read from `static/datasets/*.parquet` (or `$SITE_STATIC/datasets/`) into an in-memory DuckDB via the Node API, plus the
 * dashboard's derived tables, behind the same Connector the browser uses — so one named query
 * produces the prerendered charts and the live ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Connector, toPlainRow } from '$lib/db/connector';
import { rebuildDerivedSql } from '$lib/db/queries/derived';
import { QueryError } from '$lib/db/query-error';
import { createTableSql, ident, insertFromSql } from '$lib/db/tables-sql';
import { type ColumnType, TABLES } from '$lib/schema/tables';
import type { ColumnInfo } from '$lib/db/rows-arrow';
import type { Manifest } from '$lib/schema/manifest';

/**
 * Where the ingest writes (prerendering runs from the project root): `datasets/` of the static
 * folder, which svelte.config.js lets SITE_STATIC replace for builds of another corpus.
 */
export const DATASETS_DIR = path.resolve(process.env.SITE_STATIC ?? 'static', 'datasets');

let ready: Promise<Connector> | null = null;

/** One in-memory database per build process, loaded once. A missing dataset fails the build. */
export function buildDatabase(): Promise<Connector> {
	ready ??= open();
	return ready;
}

async function open(): Promise<Connector> {
	const manifestPath = path.join(DATASETS_DIR, 'manifest.json');
	if (!existsSync(manifestPath)) {
		throw new Error(`${manifestPath} is missing: run \`npm run ingest\` before building the site`);
	}
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const t of TABLES) {
		const file = path.join(DATASETS_DIR, `${t.name}.parquet`);
		if (!existsSync(file)) throw new Error(`${file} is missing: the datasets are incomplete`);
		await conn.run(createTableSql(t));
		await conn.run(insertFromSql(t, `read_parquet('${file.replaceAll("'", "''")}')`));
	}
	for (const statement of rebuildDerivedSql()) await conn.run(statement);
	return {
		async query(sql, params = []) {
			try {
				const reader = await conn.runAndReadAll(sql, [...params]);
				return reader.getRowObjectsJS().map((r) => toPlainRow(r)) as never[];
			} catch (e) {
				throw new QueryError(e, sql);
			}
		}
	};
}

const SUPPORTED: Record<string, ColumnType> = {
	VARCHAR: 'VARCHAR',
	INTEGER: 'INTEGER',
	DOUBLE: 'DOUBLE',
	BOOLEAN: 'BOOLEAN'
};

/** Column names and types of a (derived) table; only the contract's four types are allowed. */
export async function describeTable(db: Connector, table: string): Promise<ColumnInfo[]> {
	const rows = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(table)}`);
	return rows.map((r) => {
		const type = SUPPORTED[r.column_type];
		if (!type)
			throw new Error(`${table}.${r.column_name}: type ${r.column_type} is not shipped to the browser`);
		return { name: r.column_name, type };
	});
}

/** The manifest as written by the ingest. */
export function readManifest(): Manifest {
	return JSON.parse(readFileSync(path.join(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
}
