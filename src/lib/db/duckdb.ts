/**
 * DuckDB-WASM, self-hosted and lazily started once per page load (single flight).
 *
 * Browser only: call from onMount/$effect. The engine module is imported dynamically (a static
 * import breaks prerendering), its worker and wasm come from this site's build output via Vite
 * `?url` imports, and extension autoload/autoinstall are switched off so no request ever leaves
 * the origin.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { type Connector, type PlainRow, type SqlParam, toPlainRow } from './connector';
import { inlineParams } from './inline-params';
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
	const { worker, release } = policyBoundWorker(bundle.mainWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	} finally {
		release();
	}
	await db.open({ query: { castDecimalToDouble: true } });
	performance.mark('jx:db-engine');
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

/**
 * The self-hosted worker, started from a one-line blob: that imports it. A worker made from a
 * blob: runs under the page's Content-Security-Policy (see src/lib/csp.js), so the engine's own
 * requests obey connect-src 'self' — SQL naming an http(s) URL is refused by the browser before
 * anything is sent. Started straight from its URL, the worker would get the policy of its HTTP
 * response, i.e. none on a plain static server (verified in Chromium: the request went out).
 */
function policyBoundWorker(url: string): { worker: Worker; release: () => void } {
	const source = `importScripts(${JSON.stringify(url)});`;
	const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	return { worker: new Worker(blobUrl), release: () => URL.revokeObjectURL(blobUrl) };
}

/** Arrow table → plain rows (BigInt → number, wrappers → primitives). */
function arrowToRows(table: { toArray(): { toJSON(): Record<string, unknown> }[] }): PlainRow[] {
	return table.toArray().map((r) => toPlainRow(r.toJSON()));
}

/** Prepared statements kept per SQL text (filter changes rerun the same few shapes). */
const STATEMENT_CACHE = 64;

let catalogVersion = 0;

/**
 * Call after creating, replacing or dropping tables. DuckDB replans a statement prepared before
 * a catalog change on every later execution, so the connectors prepare theirs afresh.
 */
export function catalogChanged(): void {
	catalogVersion++;
}

/**
 * Runs `work` on a connection of its own that may create, replace or drop tables (loading,
 * importing, restoring), closes it and marks the catalog changed: the one path for such work.
 */
export async function changeTables<T>(
	db: AsyncDuckDB,
	work: (conn: AsyncDuckDBConnection) => Promise<T>
): Promise<T> {
	const conn = await db.connect();
	try {
		return await work(conn);
	} finally {
		catalogChanged();
		await conn.close();
	}
}

interface Cached {
	readonly statement: Promise<AsyncPreparedStatement>;
	/** Settles after the last query sent through it: closing waits for that. */
	last: Promise<unknown>;
}

/**
 * A Connector over a started engine: one connection for the dashboard's queries (the worker runs
 * them one after another anyway), parameters written into the text (see inline-params.ts) and
 * each text prepared once and reused.
 */
export function connectorFor(db: AsyncDuckDB): Connector {
	let conn: Promise<AsyncDuckDBConnection> | null = null;
	const statements = new Map<string, Cached>();
	let version = catalogVersion;
	const connection = () => (conn ??= db.connect());

	const retire = (c: Cached) =>
		void c.last
			.then(() => c.statement)
			.then((st) => st.close())
			.catch(() => {});

	/** The cached statement for a text; synchronous, so a query is registered before any close. */
	function cached(text: string): Cached {
		if (version !== catalogVersion) {
			statements.forEach(retire);
			statements.clear();
			version = catalogVersion;
		}
		let c = statements.get(text);
		if (c) {
			// Most recently used last.
			statements.delete(text);
			statements.set(text, c);
			return c;
		}
		const statement = connection().then((cn) => cn.prepare(text));
		c = { statement, last: statement };
		statement.catch(() => statements.delete(text));
		statements.set(text, c);
		if (statements.size > STATEMENT_CACHE) {
			const [oldest, old] = statements.entries().next().value!;
			statements.delete(oldest);
			retire(old);
		}
		return c;
	}

	return {
		async query<T extends object = PlainRow>(sql: string, params: readonly SqlParam[] = []) {
			try {
				const c = cached(params.length ? inlineParams(sql, params) : sql);
				const result = c.statement.then((st) => st.query());
				c.last = result.catch(() => {});
				return arrowToRows(await result) as T[];
			} catch (e) {
				throw new QueryError(e, sql);
			}
		}
	};
}
