/**
 * The published datasets → DuckDB-WASM tables. Fetches `manifest.json` and each contract
 * table's Arrow IPC stream from this site (URLs built from `$app/paths` base, absolute for the
 * worker), inserts them with `insertArrowFromIPCStream`, and casts them into tables created from
 * the contract. Queries wait on this (gated queries): `getDatabase()` resolves only when the
 * dashboard's tables exist. Other tables (facts is by far the largest) load on demand with
 * `ensureTables()`.
 */
import { base } from '$app/paths';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { TABLES, type TableDef, type TableName } from '../schema/tables';
import type { Connector } from './connector';
import { connectorFor, getEngine } from './duckdb';
import { FLAG_FACTS_COLUMNS } from './queries/base';
import { createTableSql, ident, insertFromSql } from './tables-sql';

/** What the dashboard's named queries read. */
export const DASHBOARD_TABLES: readonly TableName[] = ['reports', 'orgs', 'sangong', 'spending', 'findings'];

export interface ManifestTable {
	readonly name: string;
	readonly rows: number;
}
export interface Manifest {
	readonly tables: readonly ManifestTable[];
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

let manifestP: Promise<Manifest> | null = null;
function manifest(): Promise<Manifest> {
	manifestP ??= fetchOk(siteUrl('datasets/manifest.json')).then(async (r) => {
		const m = (await r.json()) as Manifest;
		if (!Array.isArray(m.tables)) throw new Error('datasets/manifest.json: no table list');
		return m;
	});
	return manifestP;
}

const loading = new Map<string, Promise<void>>();

/** Fetch starts at once; insertion waits for the engine. */
function loadTable(t: TableDef): Promise<void> {
	let p = loading.get(t.name);
	if (!p) {
		const bytes = manifest().then(async (m) => {
			const rows = m.tables.find((x) => x.name === t.name)?.rows;
			if (rows === undefined) throw new Error(`datasets/manifest.json lists no table ${t.name}`);
			// An Arrow stream without record batches cannot be inserted: the table stays empty.
			if (rows === 0) return null;
			return new Uint8Array(await (await fetchOk(siteUrl(`datasets/${t.name}.arrow`))).arrayBuffer());
		});
		p = Promise.all([getEngine(), bytes]).then(([db, b]) => insertTable(db, t, b));
		p.catch(() => loading.delete(t.name));
		loading.set(t.name, p);
	}
	return p;
}

async function insertTable(db: AsyncDuckDB, t: TableDef, bytes: Uint8Array | null) {
	const conn = await db.connect();
	const staging = `_arrow_${t.name}`;
	try {
		await conn.query(createTableSql(t));
		if (!bytes) return;
		await conn.insertArrowFromIPCStream(bytes, { name: staging, create: true });
		await conn.query(insertFromSql(t, ident(staging)));
		await conn.query(`DROP TABLE IF EXISTS ${ident(staging)}`);
	} catch (e) {
		throw new Error(`加载数据表 ${t.name} 失败：${e instanceof Error ? e.message : String(e)}`, { cause: e });
	} finally {
		await conn.close();
	}
}

/** `flag_facts`, derived at build time (see FLAG_FACTS_SQL), from its CSV. */
async function loadFlags(): Promise<void> {
	const text = fetchOk(siteUrl('derived/value-flags.csv')).then((r) => r.text());
	const db = await getEngine();
	await db.registerFileText('value-flags.csv', await text);
	const conn = await db.connect();
	try {
		const cols = FLAG_FACTS_COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ');
		await conn.query(
			`CREATE OR REPLACE TABLE flag_facts AS
			 SELECT report_id, table_name, column_name, coalesce(row_key, '') AS row_key
			 FROM read_csv('value-flags.csv', header = true, columns = {${cols}})`
		);
	} finally {
		await conn.close();
		await db.dropFile('value-flags.csv');
	}
}

/** Load any of `names` not loaded yet (e.g. facts for the SQL console). */
export async function ensureTables(names: readonly TableName[]): Promise<void> {
	await Promise.all(names.map((n) => loadTable(TABLES.find((t) => t.name === n)!)));
}

let ready: Promise<{ db: Connector; manifest: Manifest }> | null = null;

/** Start the engine and load the dashboard's tables (once); resolves when queries may run. */
export function getDatabase(): Promise<{ db: Connector; manifest: Manifest }> {
	ready ??= (async () => {
		await Promise.all([ensureTables(DASHBOARD_TABLES), loadFlags()]);
		return { db: connectorFor(await getEngine()), manifest: await manifest() };
	})().catch((e: unknown) => {
		ready = null;
		manifestP = null;
		throw e;
	});
	return ready;
}
