/**
 * The published data → DuckDB-WASM. Every table the browser queries is a DuckDB database file of
 * this site (`tables/<name>.duckdb`, URLs built from `$app/paths` base, absolute for the worker),
 * attached read-only and named by a view (see published.ts): nothing is copied into the engine.
 *
 * The dashboard needs only `orgs` and the small derived tables prerendered at build time (see
 * queries/derived.ts); `getDatabase()` resolves when those are attached (gated queries). Contract
 * tables (facts is by far the largest) load on demand with `ensureTables()`.
 *
 * Reports imported in this browser (/import/, kept in IndexedDB) are re-applied inside
 * `getDatabase()`, before any dashboard query runs: their rows join the contract tables and the
 * derived tables are rebuilt (see local-reports.ts). `ensureTables()` waits for that too, so the
 * SQL console sees them at once.
 */
import { errorMessage } from '../error-message';
import { fetchOk } from '../fetch-ok';
import { once } from '../once';
import { base } from '$app/paths';
import type { TableName } from '../schema/tables';
import type { Connector } from './connector';
import { changeTables, connectorFor, getEngine } from './duckdb';
import {
	type LocalOutcome,
	type LocalReport,
	TABLES_FOR_LOCAL,
	insertLocalReports,
	restorePublished
} from './local-reports';
import { loadStoredReports } from './local-store';
import { mentions } from './mentions';
import { attachTable, publishedFile } from './published';
import { DASHBOARD_BASE_TABLES, DEFERRED_DERIVED, SHIPPED_DERIVED } from './queries/derived';

/** Absolute URL of a file this site publishes (e.g. `tables/orgs.duckdb`). */
export function siteUrl(file: string): string {
	return new URL(`${base}/${file}`, location.href).href;
}

const loading = new Map<string, Promise<void>>();

/** Attaches a published table (once); fetching starts at once, attaching waits for the engine. */
function load(name: string): Promise<void> {
	let p = loading.get(name);
	if (!p) {
		const fetched = fetchOk(siteUrl(`tables/${publishedFile(name)}`)).then(
			async (r) => new Uint8Array(await r.arrayBuffer())
		);
		p = Promise.all([getEngine(), fetched])
			.then(([db, bytes]) => changeTables(db, (conn) => attachTable(db, conn, name, bytes)))
			.catch((e: unknown) => {
				loading.delete(name);
				throw new Error(`加载数据表 ${name} 失败：${errorMessage(e)}`, {
					cause: e
				});
			});
		loading.set(name, p);
	}
	return p;
}

const loadTables = async (names: readonly string[]): Promise<void> => {
	await Promise.all(names.map(load));
};

/** Settles once stored local reports were applied (or found to be none). */
let localApplied: Promise<unknown> = Promise.resolve();

/** Load any contract tables not loaded yet (e.g. facts for the SQL console), local rows included. */
export async function ensureTables(names: readonly TableName[]): Promise<void> {
	await loadTables(names);
	await localApplied.catch(() => {});
}

const isDeferred = (name: string) => (DEFERRED_DERIVED as readonly string[]).includes(name);
const namers = DEFERRED_DERIVED.map((name) => ({ name, named: mentions([name]) }));

/** A query naming a deferred table waits until that table is loaded. */
function gated(db: Connector): Connector {
	return {
		async query(sql, params) {
			await loadTables(namers.filter((n) => n.named(sql)).map((n) => n.name));
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
	// Every table the rows touch and every derived table rebuilt from them must be attached
	// first: one attached later would put its view where the rebuilt table stands.
	await loadTables([...TABLES_FOR_LOCAL, ...SHIPPED_DERIVED]);
	const db = await getEngine();
	try {
		return await insertLocalReports(db, reports);
	} catch (e) {
		// Half-inserted rows must not stay: back to the published state, then say why.
		await restorePublished(db).catch(() => {});
		throw e;
	}
}

async function applyStored(stored: Promise<LocalReport[]>): Promise<LocalState> {
	try {
		return { outcomes: await applyLocal(await stored), error: null };
	} catch (e) {
		return { outcomes: [], error: `本地导入的报告未能加载：${errorMessage(e)}` };
	}
}

/** Start the engine and load the dashboard's tables (once); resolves when queries may run. */
export const getDatabase = once(async (): Promise<{ db: Connector; local: LocalState }> => {
	// IndexedDB is read while the engine starts (read after it, it held up the filters by
	// 35–110 ms at 10,000 reports); a failure is reported by applyStored.
	const stored = loadStoredReports();
	stored.catch(() => {});
	await loadTables([...DASHBOARD_BASE_TABLES, ...SHIPPED_DERIVED.filter((n) => !isDeferred(n))]);
	loadTables(DEFERRED_DERIVED).catch(() => {}); // a query naming one retries and reports the error
	const local = applyStored(stored);
	localApplied = local;
	return {
		db: gated(connectorFor(await getEngine())),
		local: await local
	};
});

/** Adds parsed reports to this page's tables (the caller stores them); see local-reports.ts. */
export async function addLocalReports(reports: readonly LocalReport[]): Promise<LocalOutcome[]> {
	await getDatabase();
	const applied = applyLocal(reports);
	localApplied = applied;
	return applied;
}

/** Removes every local row: each table is its published file again. */
export async function removeLocalReports(): Promise<void> {
	await getDatabase();
	const removed = restorePublished(await getEngine());
	localApplied = removed;
	await removed;
}
