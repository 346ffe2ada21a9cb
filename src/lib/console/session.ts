/**
 * The console's link to the page's DuckDB-WASM engine (browser only, loaded lazily): every
 * contract table loaded, one connection of its own, statements sent one by one with
 * `conn.send()` — the worker executes a pending query in short polls, so `conn.cancelSent()`
 * stops it between two polls while the page stays responsive.
 */
import { errorMessage } from '../error-message';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';
import { ensureTables } from '../db/datasets';
import { openDatabase } from '../db/engine.svelte';
import { hasStoredReports } from '../db/local-store';
import { catalogChanged, getEngine } from '../db/duckdb';
import { mentions } from '../db/mentions';
import { ident } from '../db/tables-sql';
import { TABLES, type TableName } from '../schema/tables';
import { arrowToResult } from './arrow-result';
export { toArrowIpc } from './arrow-result';
import { type ExplainedError, explainError, refuseStatement } from './error-explain';
import type { ResultSet } from './result-set';
import { splitStatements } from './split-statements';

export const TABLE_NAMES = TABLES.map((t) => t.name);

/**
 * Loaded after the console is ready: `facts` (every value's quote) and `findings` (their
 * messages) are most of the data (82 + 19 of 120 MB at 10,000 reports). A script that names
 * one of them — or lists the catalog — waits for them.
 */
const DEFERRED: readonly TableName[] = ['facts', 'findings'];
/** Statements that list the catalog (and so every table). */
const CATALOG_WORDS = ['information_schema', 'duckdb_*', 'show', 'describe', 'summarize', 'pragma'];
const needsDeferred = mentions([...DEFERRED, ...CATALOG_WORDS]);

export interface RunResult {
	readonly result: ResultSet;
	/** The Arrow table of the last statement (for the Arrow export). */
	readonly arrow: Table;
	/** ms from sending the first statement until the last result was in hand. */
	readonly elapsedMs: number;
	readonly statements: number;
}

export type RunOutcome =
	| { readonly kind: 'ok'; readonly run: RunResult }
	| { readonly kind: 'error'; readonly error: ExplainedError; readonly statement: number }
	| { readonly kind: 'cancelled' };

export interface ConsoleSession {
	/** Rows per table, counted in the engine (after ready: the count does not delay the editor). */
	rowCounts(): Promise<ReadonlyMap<string, number>>;
	run(script: string): Promise<RunOutcome>;
	/** Ask the engine to stop the running statement; the pending run resolves as cancelled. */
	cancel(): Promise<void>;
}

export async function openSession(): Promise<ConsoleSession> {
	// Reports imported in this browser are part of the tables: applied first, with the dashboard's
	// tables (openDatabase). Without any, the console does not load the dashboard's tables at all.
	if (await hasStoredReports()) await openDatabase();
	await ensureTables(TABLE_NAMES.filter((t) => !DEFERRED.includes(t)));
	// Started only now, so its download and insert do not hold up the tables needed first.
	const all = ensureTables(TABLE_NAMES);
	all.catch(() => {}); // reported by the first script that needs a deferred table
	const db = await getEngine();
	const conn: AsyncDuckDBConnection = await db.connect();
	performance.mark('jx:console-tables');
	let counts: Promise<ReadonlyMap<string, number>> | null = null;
	// A connection of its own: a query on `conn` would invalidate a statement pending there.
	const countRows = async () => {
		await all;
		const c = await db.connect();
		try {
			const sql = TABLE_NAMES.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${ident(t)}`);
			const r = await c.query(sql.join(' UNION ALL '));
			return new Map(r.toArray().map((x) => [String(x.t), Number(x.n)] as [string, number]));
		} finally {
			await c.close();
		}
	};
	const rowCounts = () => (counts ??= countRows());

	let cancelled = false;
	let running = false;

	async function runStatement(text: string): Promise<Table> {
		const reader = await conn.send(text);
		const batches = await reader.readAll();
		return batches.length ? new Table(batches) : new Table(reader.schema);
	}

	return {
		rowCounts,
		async run(script) {
			if (running) throw new Error('上一条查询仍在运行');
			running = true;
			cancelled = false;
			const statements = splitStatements(script);
			try {
				if (statements.length === 0)
					return {
						kind: 'error',
						statement: 0,
						error: { message: '没有可执行的 SQL 语句。', suggestions: [] }
					};
				if (needsDeferred(script)) {
					try {
						await all;
					} catch (e) {
						const message = errorMessage(e);
						return { kind: 'error', statement: 0, error: { message, suggestions: [] } };
					}
				}
				const t0 = performance.now();
				let last: Table | null = null;
				for (let i = 0; i < statements.length; i++) {
					const st = statements[i];
					const refused = refuseStatement(st.text, TABLE_NAMES);
					if (refused)
						return {
							kind: 'error',
							statement: i,
							error: { ...explainError('', script, st, TABLE_NAMES), message: '已拒绝执行', hint: refused }
						};
					try {
						last = await runStatement(st.text);
					} catch (e) {
						if (cancelled) return { kind: 'cancelled' };
						const message = errorMessage(e);
						return { kind: 'error', statement: i, error: explainError(message, script, st, TABLE_NAMES) };
					}
					if (cancelled) return { kind: 'cancelled' };
				}
				const elapsedMs = performance.now() - t0;
				const result = await arrowToResult(last!);
				return { kind: 'ok', run: { result, arrow: last!, elapsedMs, statements: statements.length } };
			} finally {
				running = false;
				// An analyst's script may have created or dropped tables.
				catalogChanged();
			}
		},
		async cancel() {
			if (!running) return;
			cancelled = true;
			await conn.cancelSent();
		}
	};
}
