/**
 * The published datasets → DuckDB-WASM tables. Fetches `manifest.json` and every contract
 * table's Arrow IPC stream from this site (URLs built from `$app/paths` base, absolute for the
 * worker), inserts them with `insertArrowFromIPCStream`, and casts them into tables created
 * from the contract. Queries wait on this (gated queries): `getDatabase()` resolves only when
 * every table exists.
 */
import { base } from '$app/paths';
import { TABLES, type TableDef } from '../schema/tables';
import type { Connector } from './connector';
import { connectorFor, getEngine } from './duckdb';
import { createTableSql, ident, insertFromSql } from './tables-sql';

export interface ManifestTable {
	readonly name: string;
	readonly rows: number;
}
export interface Manifest {
	readonly tables: readonly ManifestTable[] | Record<string, unknown>;
	readonly build_time?: string;
	readonly [key: string]: unknown;
}

/** Absolute URL of a file in the published datasets folder. */
export function datasetUrl(file: string): string {
	return new URL(`${base}/datasets/${file}`, location.href).href;
}

async function fetchOk(url: string): Promise<Response> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res;
}

/** Row count of a table according to the manifest, if it says. */
export function manifestRows(m: Manifest, name: string): number | null {
	const t = m.tables;
	if (Array.isArray(t)) {
		const e = (t as ManifestTable[]).find((x) => x.name === name);
		return e ? Number(e.rows) : null;
	}
	const e = (t as Record<string, unknown>)[name];
	if (typeof e === 'number') return e;
	if (e && typeof e === 'object' && 'rows' in e) return Number((e as { rows: unknown }).rows);
	return null;
}

async function loadTable(db: Awaited<ReturnType<typeof getEngine>>, t: TableDef, bytes: Uint8Array) {
	const conn = await db.connect();
	const staging = ident(`_arrow_${t.name}`);
	try {
		await conn.query(createTableSql(t));
		// An Arrow stream without record batches cannot be inserted: the table stays empty.
		if (bytes.byteLength === 0) return;
		await conn.insertArrowFromIPCStream(bytes, { name: `_arrow_${t.name}`, create: true });
		await conn.query(insertFromSql(t, staging));
		await conn.query(`DROP TABLE IF EXISTS ${staging}`);
	} catch (e) {
		throw new Error(`加载数据表 ${t.name} 失败：${e instanceof Error ? e.message : String(e)}`, {
			cause: e
		});
	} finally {
		await conn.close();
	}
}

let ready: Promise<{ db: Connector; manifest: Manifest }> | null = null;

/** Start the engine and load every table (once); resolves when queries may run. */
export function getDatabase(): Promise<{ db: Connector; manifest: Manifest }> {
	ready ??= open().catch((e: unknown) => {
		ready = null;
		throw e;
	});
	return ready;
}

async function open(): Promise<{ db: Connector; manifest: Manifest }> {
	// Fetch the data while the engine's wasm downloads and compiles.
	const manifestP = fetchOk(datasetUrl('manifest.json')).then((r) => r.json() as Promise<Manifest>);
	const bytesP = TABLES.map(async (t) => {
		const manifest = await manifestP;
		if (manifestRows(manifest, t.name) === 0) return new Uint8Array();
		return new Uint8Array(await (await fetchOk(datasetUrl(`${t.name}.arrow`))).arrayBuffer());
	});
	const engine = await getEngine();
	const [manifest, ...bytes] = await Promise.all([manifestP, ...bytesP]);
	await Promise.all(TABLES.map((t, i) => loadTable(engine, t, bytes[i])));
	return { db: connectorFor(engine), manifest };
}
