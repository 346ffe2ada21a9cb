import { FINDINGS_SHOWN, FINDINGS_SQL, type FindingRow } from '$lib/data-page/findings';
import { sourceCounts, sourcesShown } from '$lib/data-page/sources';
import { buildDatabase, readManifest } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

/**
 * Sized for a province: the first findings and source files, counts and the filters' choices;
 * the rest is in data/findings.json and manifest.json (see $lib/data-page).
 */
export const load: PageServerLoad = async () => {
	const db = await buildDatabase();
	const manifest = readManifest();
	const findings = await db.query<FindingRow>(`${FINDINGS_SQL} LIMIT ${FINDINGS_SHOWN}`);
	// Counted from the list itself, so the count and data/findings.json cannot disagree.
	const [{ total }] = await db.query<{ total: number }>(
		`SELECT count(*)::INTEGER AS total FROM (${FINDINGS_SQL})`
	);
	const checks = await db.query<{ check_name: string }>(
		'SELECT DISTINCT check_name FROM findings ORDER BY check_name'
	);
	return {
		builtAt: manifest.built_at,
		archive: manifest.archive,
		tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows, files: t.files })),
		sources: sourcesShown(manifest.sources),
		sourceCounts: sourceCounts(manifest.sources),
		sourcesTotal: manifest.sources.length,
		findings,
		findingsTotal: total,
		checks: checks.map((c) => c.check_name)
	};
};
