/**
 * The page-wide state of the in-browser database, for the UI: idle → loading → ready | error.
 * `openDatabase()` imports the DuckDB code lazily, so it is not part of a page's initial
 * JavaScript, and starts it once (single flight, see datasets.ts).
 */
import type { Connector } from './connector';

export type EnginePhase = 'idle' | 'loading' | 'ready' | 'error';

export const engine = $state({
	phase: 'idle' as EnginePhase,
	error: null as string | null,
	/** ms from navigation start until every table was loaded. */
	readyAt: null as number | null
});

let pending: Promise<Connector> | null = null;

export function openDatabase(): Promise<Connector> {
	pending ??= (async () => {
		engine.phase = 'loading';
		performance.mark('jx:db-start');
		try {
			// Both chunks at once: the loader and the engine's own module (no waterfall).
			const [{ getDatabase }] = await Promise.all([import('./datasets'), import('@duckdb/duckdb-wasm')]);
			performance.mark('jx:db-modules');
			const { db } = await getDatabase();
			engine.phase = 'ready';
			engine.readyAt = performance.now();
			document.documentElement.dataset.db = 'ready';
			document.documentElement.dataset.dbMs = engine.readyAt.toFixed(1);
			return db;
		} catch (e) {
			pending = null;
			engine.phase = 'error';
			engine.error = e instanceof Error ? e.message : String(e);
			document.documentElement.dataset.db = 'error';
			throw e;
		}
	})();
	return pending;
}
