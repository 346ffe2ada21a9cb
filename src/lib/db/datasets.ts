/**
 * The published data → DuckDB-WASM tables. Everything is fetched from this site (URLs built from
 * `$app/paths` base, absolute for the worker) as Arrow IPC streams and inserted with
 * `insertArrowFromIPCStream` into tables created with declared types.
 *
 * The dashboard needs only `orgs` and the small derived tables prerendered at build time
 * (`derived/*.arrow`, see queries/derived.ts); `getDatabase()` resolves when those exist (gated
 * queries). Contract tables (facts is by far the largest) load on demand with `ensureTables()`.
 */
import { base } from '$app/paths';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { TABLES, type TableName } from '../schema/tables';
import type { Connector } from './connector';
import { connectorFor, getEngine } from './duckdb';
import { DASHBOARD_BASE_TABLES } from './queries/derived';
import { type TableShape, createTableSql, ident, insertFromSql } from './tables-sql';

interface ListedTable extends TableShape {
	readonly rows: number;
}
export interface Manifest {
	readonly tables: readonly { readonly name: string; readonly rows: number }[];
	readonly built_at?: string;
	readonly [key: string]: unknown;
}

/** Absolute URL of a file this site publishes (e.g. `datasets/orgs.arrow`). */
export function siteUrl(file: string): string {
	return new URL(`${base}/${file}`, location.href).href;
}

async function fetchOk(url: string): Promise<Response> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res;
}

const once = <T>(f: () => Promise<T>) => {
	let p: Promise<T> | null = null;
	return (): Promise<T> => {
		p ??= f().catch((e: unknown) => {
			p = null;
			throw e;
		});
		return p;
	};
};

const datasetsManifest = once(async () => {
	const m = (await (await fetchOk(siteUrl('datasets/manifest.json'))).json()) as Manifest;
	if (!Array.isArray(m.tables)) throw new Error('datasets/manifest.json: no table list');
	return m;
});
const derivedManifest = once(
	async () => (await (await fetchOk(siteUrl('derived/manifest.json'))).json()) as { tables: ListedTable[] }
);

const loading = new Map<string, Promise<void>>();

/** Fetching starts at once; insertion waits for the engine. */
function load(key: string, shape: () => Promise<{ table: TableShape; rows: number; url: string }>) {
	let p = loading.get(key);
	if (!p) {
		const fetched = shape().then(async (s) => ({
			...s,
			// An Arrow stream without record batches cannot be inserted: the table stays empty.
			bytes: s.rows === 0 ? null : new Uint8Array(await (await fetchOk(s.url)).arrayBuffer())
		}));
		p = Promise.all([getEngine(), fetched]).then(([db, s]) => insertTable(db, s.table, s.bytes));
		p.catch(() => loading.delete(key));
		loading.set(key, p);
	}
	return p;
}

async function insertTable(db: AsyncDuckDB, t: TableShape, bytes: Uint8Array | null) {
	const conn = await db.connect();
	const staging = `_arrow_${t.name}`;
	try {
		if (bytes) await conn.insertArrowFromIPCStream(bytes, { name: staging, create: true });
		// The rest in one message: each round trip to the worker costs a turn of both threads, which
		// adds up over a dozen tables on a busy machine (the SQL console loads every table).
		const ddl = [createTableSql(t)];
		if (bytes) ddl.push(insertFromSql(t, ident(staging)), `DROP TABLE IF EXISTS ${ident(staging)}`);
		await conn.query(ddl.join(';\n'));
	} catch (e) {
		throw new Error(`加载数据表 ${t.name} 失败：${e instanceof Error ? e.message : String(e)}`, { cause: e });
	} finally {
		await conn.close();
	}
}

/** Load any contract tables not loaded yet (e.g. facts for the SQL console). */
export async function ensureTables(names: readonly TableName[]): Promise<void> {
	await Promise.all(
		names.map((name) =>
			load(`datasets/${name}`, async () => {
				const rows = (await datasetsManifest()).tables.find((x) => x.name === name)?.rows;
				if (rows === undefined) throw new Error(`datasets/manifest.json lists no table ${name}`);
				return { table: TABLES.find((t) => t.name === name)!, rows, url: siteUrl(`datasets/${name}.arrow`) };
			})
		)
	);
}

async function ensureDerived(): Promise<void> {
	const { tables } = await derivedManifest();
	await Promise.all(
		tables.map((t) =>
			load(`derived/${t.name}`, async () => ({
				table: t,
				rows: t.rows,
				url: siteUrl(`derived/${t.name}.arrow`)
			}))
		)
	);
}

/** Start the engine and load the dashboard's tables (once); resolves when queries may run. */
export const getDatabase = once(async (): Promise<{ db: Connector; manifest: Manifest }> => {
	await Promise.all([ensureTables(DASHBOARD_BASE_TABLES), ensureDerived()]);
	return { db: connectorFor(await getEngine()), manifest: await datasetsManifest() };
});
