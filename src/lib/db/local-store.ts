/**
 * Where the browser keeps imported reports between visits: IndexedDB (idb-keyval), parsed rows
 * only — the files themselves are never stored or sent anywhere.
 */
import { del, get, set } from 'idb-keyval';
import type { LocalReport } from './local-reports';

/** Bump when the stored shape changes; older entries are then ignored, not misread. */
const KEY = 'jixiao:local-reports:v1';

export async function loadStoredReports(): Promise<LocalReport[]> {
	const v = await get<LocalReport[]>(KEY);
	return Array.isArray(v) ? v : [];
}

export async function hasStoredReports(): Promise<boolean> {
	return (await loadStoredReports()).length > 0;
}

/** Adds reports (replacing any with the same report_id); returns the whole stored list. */
export async function storeReports(reports: readonly LocalReport[]): Promise<LocalReport[]> {
	const ids = new Set(reports.map((r) => r.rows.reports.report_id));
	const kept = (await loadStoredReports()).filter((r) => !ids.has(r.rows.reports.report_id));
	const all = [...kept, ...reports];
	await set(KEY, all);
	return all;
}

export async function clearStoredReports(): Promise<void> {
	await del(KEY);
}
