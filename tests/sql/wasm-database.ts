/**
 * The browser's engine in Node: DuckDB-WASM (the same 1.32.0 build and wasm the site ships, via
 * its blocking Node bindings), loaded the way the browser loads it — contract DDL, then each
 * table's Arrow IPC stream through insertArrowFromIPCStream. Running the named queries here
 * catches differences between the WASM engine (DuckDB 1.4.3) and the Node API used at build time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConsoleLogger, LogLevel, NODE_RUNTIME, createDuckDB } from '@duckdb/duckdb-wasm/blocking';
import { type Connector, type PlainRow, toPlainRow } from '../../src/lib/db/connector';
import { inlineParams } from '../../src/lib/db/inline-params';
import { DASHBOARD_BASE_TABLES, rebuildDerivedSql } from '../../src/lib/db/queries/derived';
import { QueryError } from '../../src/lib/db/query-error';
import { createTableSql, ident } from '../../src/lib/db/tables-sql';
import { TABLES } from '../../src/lib/schema/tables';

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

async function open(dashboardOnly: boolean): Promise<Connector> {
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
	for (const t of TABLES) {
		conn.query(createTableSql(t));
		const bytes = new Uint8Array(readFileSync(path.join(DATASETS, `${t.name}.arrow`)));
		if (bytes.byteLength === 0) continue;
		// As the site loads them (src/lib/db/datasets.ts): appended into the declared table.
		conn.insertArrowFromIPCStream(bytes, { name: t.name, create: false });
	}
	for (const statement of rebuildDerivedSql()) conn.query(statement);
	if (dashboardOnly)
		for (const t of TABLES)
			if (!(DASHBOARD_BASE_TABLES as readonly string[]).includes(t.name))
				conn.query(`DROP TABLE ${ident(t.name)}`);
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
