/**
 * The page-wide state of the in-browser database, for the UI: idle → loading → ready | error.
 * `openDatabase()` imports the DuckDB code lazily, so it is not part of a page's initial
 * JavaScript, and starts it once (single flight, see datasets.ts).
 *
 * `dataVersion` changes whenever locally imported reports were added or removed: live views
 * re-run their queries then (see filters/live-view.svelte.ts).
 */
import { errorMessage } from '../error-message';
import { base } from '$app/paths';
import { localOnlyOrgs } from '../links';
import type { Connector } from './connector';
import type { LocalOutcome, LocalReport } from './local-reports';

export type EnginePhase = 'idle' | 'loading' | 'ready' | 'error';

export const engine = $state({
	phase: 'idle' as EnginePhase,
	error: null as string | null,
	/** ms from navigation start until every table was loaded. */
	readyAt: null as number | null,
	/** Local reports in this page's tables, as last applied. */
	local: [] as LocalOutcome[],
	/** Why stored local reports could not be applied, if they could not. */
	localError: null as string | null,
	dataVersion: 0
});

/**
 * Routes that do not start the dashboard's tables when the page loads: the SQL console loads the
 * tables it queries itself (the dashboard's would hold them up), the data page queries nothing.
 */
const OWN_TABLES: ReadonlySet<string> = new Set(['/sql', '/data']);

/** Whether this page starts the dashboard's database when it loads (read from the URL: the app's
 * init hook runs before the router knows the route). */
export function startsDatabase(): boolean {
	return !OWN_TABLES.has(location.pathname.slice(base.length).replace(/\/(index\.html)?$/, ''));
}

let pending: Promise<Connector> | null = null;

function setLocal(outcomes: readonly LocalOutcome[]) {
	engine.local = outcomes.filter((o) => o.status === 'added');
	localOnlyOrgs.clear();
	for (const o of engine.local) if (o.newOrg) localOnlyOrgs.set(o.org_id, o.report_id);
	engine.dataVersion++;
	document.documentElement.dataset.local = String(engine.local.length);
}

export function openDatabase(): Promise<Connector> {
	pending ??= (async () => {
		engine.phase = 'loading';
		performance.mark('jx:db-start');
		try {
			// Both chunks at once: the loader and the engine's own module (no waterfall).
			const [{ getDatabase }] = await Promise.all([import('./datasets'), import('@duckdb/duckdb-wasm')]);
			performance.mark('jx:db-modules');
			const { db, local } = await getDatabase();
			engine.localError = local.error;
			if (local.outcomes.length > 0) setLocal(local.outcomes);
			engine.phase = 'ready';
			engine.readyAt = performance.now();
			document.documentElement.dataset.db = 'ready';
			document.documentElement.dataset.dbMs = engine.readyAt.toFixed(1);
			return db;
		} catch (e) {
			pending = null;
			engine.phase = 'error';
			engine.error = errorMessage(e);
			document.documentElement.dataset.db = 'error';
			throw e;
		}
	})();
	return pending;
}

/** Adds parsed reports to the comparison: into this page's tables, then into IndexedDB. */
export async function addLocal(reports: readonly LocalReport[]): Promise<LocalOutcome[]> {
	await openDatabase();
	const [{ addLocalReports }, { storeReports }] = await Promise.all([
		import('./datasets'),
		import('./local-store')
	]);
	const outcomes = await addLocalReports(reports);
	const added = (r: LocalReport) =>
		outcomes.some((o) => o.status === 'added' && o.report_id === r.rows.reports.report_id);
	await storeReports(reports.filter(added));
	setLocal([...engine.local, ...outcomes]);
	return outcomes;
}

/** Removes every local report from IndexedDB and from this page's tables. */
export async function clearLocal(): Promise<void> {
	await openDatabase();
	const [{ removeLocalReports }, { clearStoredReports }] = await Promise.all([
		import('./datasets'),
		import('./local-store')
	]);
	await clearStoredReports();
	await removeLocalReports();
	setLocal([]);
}
