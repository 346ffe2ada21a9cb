/**
 * The published data → DuckDB-WASM tables. Everything is fetched from this site (URLs built from
 * `$app/paths` base, absolute for the worker) as Arrow IPC streams and inserted with
 * `insertArrowFromIPCStream` into tables created with declared types.
 *
 * The dashboard needs only `orgs` and the small derived tables prerendered at build time
 * (`derived/*.arrow`, see queries/derived.ts); `getDatabase()` resolves when those exist (gated
 * queries). Contract tables (facts is by far the largest) load on demand with `ensureTables()`.
 *
 * Reports imported in this browser (/import/, kept in IndexedDB) are re-applied inside
 * `getDatabase()`, before any dashboard query runs: their rows join the contract tables and the
 * derived tables are rebuilt (see local-reports.ts). `ensureTables()` waits for that too, so the
 * SQL console sees them at once.
 */
import { base } from '$app/paths';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { TABLES, type TableName } from '../schema/tables';
import type { Connector } from './connector';
import { changeTables, connectorFor, getEngine } from './duckdb';
import {
	type LocalOutcome,
	type LocalReport,
	TABLES_FOR_LOCAL,
	deleteLocalReports,
	insertLocalReports
} from './local-reports';
import { loadStoredReports } from './local-store';
import { mentions } from './mentions';
import { DASHBOARD_BASE_TABLES, DEFERRED_DERIVED } from './queries/derived';
import { type TableShape, createTableSql } from './tables-sql';

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

/** An Arrow stream without record batches cannot be inserted: null, and the table stays empty. */
async function fetchArrow(url: string, rows: number): Promise<Uint8Array | null> {
	return rows === 0 ? null : new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

/** Fetching starts at once; insertion waits for the engine. */
function load(key: string, shape: () => Promise<{ table: TableShape; rows: number; url: string }>) {
	let p = loading.get(key);
	if (!p) {
		const fetched = shape().then(async (s) => ({ ...s, bytes: await fetchArrow(s.url, s.rows) }));
		p = Promise.all([getEngine(), fetched]).then(([db, s]) => insertTable(db, s.table, s.bytes));
		p.catch(() => loading.delete(key));
		loading.set(key, p);
	}
	return p;
}

async function insertTable(db: AsyncDuckDB, t: TableShape, bytes: Uint8Array | null) {
	try {
		await changeTables(db, async (conn) => {
			// The table with its declared types first, then the Arrow rows appended straight into it
			// (by position, cast where a type differs): no staging copy of tens of MB at 10,000 reports.
			await conn.query(createTableSql(t));
			if (bytes) await conn.insertArrowFromIPCStream(bytes, { name: t.name, create: false });
		});
	} catch (e) {
		throw new Error(`加载数据表 ${t.name} 失败：${e instanceof Error ? e.message : String(e)}`, { cause: e });
	}
}

async function loadTables(names: readonly TableName[]): Promise<void> {
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

/** Settles once stored local reports were applied (or found to be none). */
let localApplied: Promise<unknown> = Promise.resolve();

/** Load any contract tables not loaded yet (e.g. facts for the SQL console), local rows included. */
export async function ensureTables(names: readonly TableName[]): Promise<void> {
	await loadTables(names);
	await localApplied.catch(() => {});
}

const isDeferred = (name: string) => (DEFERRED_DERIVED as readonly string[]).includes(name);

/** The shipped derived tables `pick` chooses (by name). */
async function ensureDerived(pick: (name: string) => boolean): Promise<void> {
	const { tables } = await derivedManifest();
	await Promise.all(
		tables
			.filter((t) => pick(t.name))
			.map((t) =>
				load(`derived/${t.name}`, async () => ({
					table: t,
					rows: t.rows,
					url: siteUrl(`derived/${t.name}.arrow`)
				}))
			)
	);
}
const notDeferred = (name: string) => !isDeferred(name);
const namers = DEFERRED_DERIVED.map((name) => ({ name, named: mentions([name]) }));

/** A query naming a deferred table waits until that table is loaded. */
function gated(db: Connector): Connector {
	return {
		async query(sql, params) {
			const named = namers.filter((n) => n.named(sql)).map((n) => n.name as string);
			if (named.length) await ensureDerived((name) => named.includes(name));
			return db.query(sql, params);
		}
	};
}

/** What happened to the stored local reports on this page load. */
export interface LocalState {
	readonly outcomes: readonly LocalOutcome[];
	/** Why stored reports could not be applied (the published data is shown alone). */
	readonly error: string | null;
}

async function applyLocal(reports: readonly LocalReport[]): Promise<LocalOutcome[]> {
	if (reports.length === 0) return [];
	// Every derived table is rebuilt with the local rows: a deferred one arriving later would
	// overwrite its rebuilt copy with the published rows alone.
	await Promise.all([loadTables(TABLES_FOR_LOCAL), ensureDerived(isDeferred)]);
	const db = await getEngine();
	try {
		return await insertLocalReports(db, reports);
	} catch (e) {
		// Half-inserted rows must not stay: back to the published state, then say why.
		await deleteLocalReports(db).catch(() => {});
		await reloadDerived().catch(() => {});
		throw e;
	}
}

async function applyStored(): Promise<LocalState> {
	try {
		return { outcomes: await applyLocal(await loadStoredReports()), error: null };
	} catch (e) {
		return { outcomes: [], error: `本地导入的报告未能加载：${e instanceof Error ? e.message : String(e)}` };
	}
}

/** Start the engine and load the dashboard's tables (once); resolves when queries may run. */
export const getDatabase = once(
	async (): Promise<{ db: Connector; manifest: Manifest; local: LocalState }> => {
		await Promise.all([loadTables(DASHBOARD_BASE_TABLES), ensureDerived(notDeferred)]);
		ensureDerived(isDeferred).catch(() => {}); // a query naming one retries and reports the error
		const local = applyStored();
		localApplied = local;
		return {
			db: gated(connectorFor(await getEngine())),
			manifest: await datasetsManifest(),
			local: await local
		};
	}
);

/** Adds parsed reports to this page's tables (the caller stores them); see local-reports.ts. */
export async function addLocalReports(reports: readonly LocalReport[]): Promise<LocalOutcome[]> {
	await getDatabase();
	const applied = applyLocal(reports);
	localApplied = applied;
	return applied;
}

/** Removes every local row and restores the published derived tables byte for byte. */
export async function removeLocalReports(): Promise<void> {
	await getDatabase();
	const db = await getEngine();
	const removed = deleteLocalReports(db).then(reloadDerived);
	localApplied = removed;
	await removed;
}

/** Re-inserts the shipped derived tables from their published Arrow files. */
async function reloadDerived(): Promise<void> {
	const db = await getEngine();
	const { tables } = await derivedManifest();
	await Promise.all(
		tables.map(async (t) => insertTable(db, t, await fetchArrow(siteUrl(`derived/${t.name}.arrow`), t.rows)))
	);
	await changeTables(db, (conn) => conn.query('DROP TABLE IF EXISTS dash_flags'));
}
