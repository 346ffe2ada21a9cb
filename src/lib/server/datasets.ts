/**
 * Build-time access to the published datasets (prerendering runs in Node): the contract tables
 * read from `static/datasets/*.parquet` (or `$SITE_STATIC/datasets/`) into an in-memory DuckDB via the Node API, plus the
 * dashboard's derived tables, behind the same Connector the browser uses — so one named query
 * produces the prerendered charts and the live ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type Connector, toPlainRow } from '$lib/db/connector';
import { rebuildDerivedSql } from '$lib/db/queries/derived';
import { QueryError } from '$lib/db/query-error';
import { sqlLiteral } from '$lib/db/inline-params';
import { publishedFile } from '$lib/db/published';
import { createTableSql, ident, insertFromSql } from '$lib/db/tables-sql';
import { TABLES } from '$lib/schema/tables';
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

/** A fresh in-memory database holding the contract tables (from the Parquet files) and the derived ones. */
async function openPublished(
	datasetsDir = DATASETS_DIR
): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
	const manifestPath = path.join(datasetsDir, 'manifest.json');
	if (!existsSync(manifestPath)) {
		throw new Error(`${manifestPath} is missing: run \`npm run ingest\` before building the site`);
	}
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const t of TABLES) {
		const file = path.join(datasetsDir, `${t.name}.parquet`);
		if (!existsSync(file)) throw new Error(`${file} is missing: the datasets are incomplete`);
		await conn.run(createTableSql(t));
		await conn.run(insertFromSql(t, `read_parquet(${sqlLiteral(file)})`));
	}
	for (const statement of rebuildDerivedSql()) await conn.run(statement);
	return { instance, conn };
}

async function open(): Promise<Connector> {
	const { conn } = await openPublished();
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

/** The manifest as written by the ingest. */
export function readManifest(): Manifest {
	return JSON.parse(readFileSync(path.join(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * Writes each table the browser loads (`names`: contract and derived, from the datasets in
 * `datasetsDir`) into a DuckDB database file of its own, `<dir>/<name>.duckdb`, which DuckDB-WASM attaches and queries in place (see
 * $lib/db/published.ts). Its own database, not the prerender's: attaching changes the catalog
 * under the queries running there. Storage version 1.2: the files are written by DuckDB 1.5 here
 * and read by DuckDB-WASM's 1.4.
 */
export async function writeTableFiles(
	dir: string,
	names: readonly string[],
	datasetsDir = DATASETS_DIR
): Promise<void> {
	const { instance, conn } = await openPublished(datasetsDir);
	try {
		for (const name of names) {
			await conn.run(
				`ATTACH ${sqlLiteral(path.join(dir, publishedFile(name)))} AS out (STORAGE_VERSION 'v1.2.0')`
			);
			await conn.run(`CREATE TABLE out.${ident(name)} AS SELECT * FROM memory.main.${ident(name)}`);
			await conn.run('DETACH out');
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
