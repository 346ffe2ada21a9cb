/**
 * DuckDB-WASM in Node (its blocking build), to check that the Arrow IPC streams we write load the
 * way the site loads them: insertArrowFromIPCStream into the same engine the browser runs.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';

let conn: Promise<DuckDBConnection> | undefined;

export function wasmConnection(): Promise<DuckDBConnection> {
	conn ??= (async () => {
		const dist = dirname(
			createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs')
		);
		const bundle = (name: string) => ({ mainModule: join(dist, name), mainWorker: '' });
		const db = await createDuckDB(
			{ mvp: bundle('duckdb-mvp.wasm'), eh: bundle('duckdb-eh.wasm') },
			new VoidLogger(),
			NODE_RUNTIME
		);
		await db.instantiate();
		return db.connect();
	})();
	return conn;
}

/** Loads an Arrow IPC stream as table `name`; returns its column types and rows as plain objects. */
export async function loadArrowInWasm(name: string, bytes: Uint8Array) {
	const c = await wasmConnection();
	c.query(`DROP TABLE IF EXISTS "${name}"`);
	c.insertArrowFromIPCStream(bytes, { name, create: true });
	const types = c
		.query(`DESCRIBE "${name}"`)
		.toArray()
		.map((r) => [String(r.column_name), String(r.column_type)]);
	const rows = c
		.query(`SELECT * FROM "${name}"`)
		.toArray()
		.map((r) => ({ ...r.toJSON() }) as Record<string, unknown>);
	return { types, rows };
}
