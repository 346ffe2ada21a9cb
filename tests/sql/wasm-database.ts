/**
 * The browser's engine in Node: DuckDB-WASM (the same 1.32.0 build and wasm the site ships, via
 * its blocking Node bindings), loaded the way the browser loads it — each table's DuckDB file, as
 * the site build writes them (writeTableFiles), registered, attached read-only and named by a view.
 * Running the named queries here catches differences between the WASM engine (DuckDB 1.4.3, which
 * reads those files) and the Node API used at build time (DuckDB 1.5, which writes them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConsoleLogger, LogLevel, NODE_RUNTIME, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import { type Connector, type PlainRow, toPlainRow } from '../../src/lib/db/connector';
import { inlineParams } from '../../src/lib/db/inline-params';
import { PUBLISHED_TABLES, attachSql, publishedFile } from '../../src/lib/db/published';
import { DASHBOARD_BASE_TABLES, SHIPPED_DERIVED } from '../../src/lib/db/queries/derived';
import { QueryError } from '../../src/lib/db/query-error';
import { writeTableFiles } from '../../src/lib/server/datasets';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const DATASETS = path.resolve('static/datasets');

const ready = new Map<boolean, Promise<Connector>>();

/**
 * With `dashboardOnly`, only the tables the dashboard's browser pages have (orgs and the derived
 * tables): a dashboard query that reads a contract table fails here as it does in the browser.
 */
export function wasmDatabase({ dashboardOnly = false } = {}): Promise<Connector> {
	let db = ready.get(dashboardOnly);
	if (!db) ready.set(dashboardOnly, (db = open(dashboardOnly)));
	return db;
}

/** A fresh engine with `names` attached as the browser attaches them, and its connection. */
export async function openWasm(names: readonly string[]) {
	const db = await createDuckDB(
		{
			mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new ConsoleLogger(LogLevel.WARNING),
		NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castDecimalToDouble: true } });
	const conn = db.connect();
	conn.query('SET autoinstall_known_extensions = false');
	conn.query('SET autoload_known_extensions = false');
	const dir = mkdtempSync(path.join(tmpdir(), 'jx-wasm-tables-'));
	try {
		await writeTableFiles(dir, names, DATASETS);
		for (const name of names) {
			db.registerFileBuffer(
				publishedFile(name),
				new Uint8Array(readFileSync(path.join(dir, publishedFile(name))))
			);
			for (const statement of attachSql(name)) conn.query(statement);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return { db, conn };
}

async function open(dashboardOnly: boolean): Promise<Connector> {
	const { conn } = await openWasm(
		dashboardOnly ? [...DASHBOARD_BASE_TABLES, ...SHIPPED_DERIVED] : PUBLISHED_TABLES
	);
	const rows = (table: { toArray(): { toJSON(): Record<string, unknown> }[] }): PlainRow[] =>
		table.toArray().map((r) => toPlainRow(r.toJSON()));
	return {
		async query(sql, params = []) {
			try {
				// As the site's connector sends them (src/lib/db/duckdb.ts): values written in.
				return rows(conn.query(params.length ? inlineParams(sql, params) : sql)) as never[];
			} catch (e) {
				throw new QueryError(e, sql);
			}
		}
	};
}
