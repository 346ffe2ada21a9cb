/**
 * DuckDB-WASM, self-hosted and lazily started once per page load (single flight).
 *
 * Browser only: call from onMount/$effect. The engine module is imported dynamically (a static
 * import breaks prerendering), its worker and wasm come from this site's build output via Vite
 * `?url` imports, and extension autoload/autoinstall are switched off so no request ever leaves
 * the origin.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { type Connector, type PlainRow, type SqlParam, toPlainRow } from './connector';
import { QueryError } from './query-error';

/** The worker resolves URLs against its own location: hand it absolute ones. */
const absolute = (u: string): string => new URL(u, location.href).href;

let enginePromise: Promise<AsyncDuckDB> | null = null;

/** The one engine instance; started on first call. */
export function getEngine(): Promise<AsyncDuckDB> {
	enginePromise ??= startEngine().catch((e: unknown) => {
		enginePromise = null;
		throw e;
	});
	return enginePromise;
}

async function startEngine(): Promise<AsyncDuckDB> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
		eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) }
	});
	if (!bundle.mainWorker) throw new Error('DuckDB-WASM: no worker in the selected bundle');
	const worker = new Worker(bundle.mainWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castDecimalToDouble: true } });
	const conn = await db.connect();
	try {
		// Never fetch extensions from the internet (an intranet portal has none).
		await conn.query('SET autoinstall_known_extensions = false');
		await conn.query('SET autoload_known_extensions = false');
	} finally {
		await conn.close();
	}
	return db;
}

/** Arrow table → plain rows (BigInt → number, wrappers → primitives). */
function arrowToRows(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): PlainRow[] {
	return table.toArray().map((r) => toPlainRow(r.toJSON()));
}

/** Run one statement on a fresh connection (prepared when it has parameters), then close it. */
export async function runQuery<T extends object = PlainRow>(
	db: AsyncDuckDB,
	sql: string,
	params: readonly SqlParam[] = []
): Promise<T[]> {
	let conn: AsyncDuckDBConnection | null = null;
	try {
		conn = await db.connect();
		if (params.length === 0) return arrowToRows(await conn.query(sql)) as T[];
		const stmt = await conn.prepare(sql);
		try {
			return arrowToRows(await stmt.query(...params)) as T[];
		} finally {
			await stmt.close();
		}
	} catch (e) {
		throw new QueryError(e, sql);
	} finally {
		await conn?.close();
	}
}

/** A Connector over a started engine. */
export function connectorFor(db: AsyncDuckDB): Connector {
	(window as unknown as { __raw: unknown }).__raw = db; // DEBUG-REMOVE
	return { query: (sql, params) => runQuery(db, sql, params) };
}
