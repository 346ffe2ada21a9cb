import type { FindingRow as OverviewFinding } from '$lib/db/queries/overview';
import { buildDatabase, readManifest } from '$lib/server/datasets';
import type { PageServerLoad } from './$types';

/** A finding with its department, year and the span of its quote (for the link to it). */
export interface FindingRow extends OverviewFinding {
	span_start: number | null;
	span_end: number | null;
}

export interface SourceRow {
	file: string;
	sha256: string;
	bytes: number;
	status: string;
	reason?: string;
	report_id?: string;
}

export const load: PageServerLoad = async () => {
	const db = await buildDatabase();
	const manifest = readManifest() as {
		built_at: string;
		archive: string;
		tables: { name: string; rows: number; files: { csv: string; parquet: string; json: string } }[];
		sources: SourceRow[];
	};
	const findings = await db.query<FindingRow>(
		`SELECT fi.report_id, r.org_id, o.org_name, r.fiscal_year AS year, fi.severity, fi.check_name, fi.message,
		   fi.span_start, fi.span_end
		 FROM findings fi JOIN reports r ON r.report_id = fi.report_id JOIN orgs o ON o.org_id = r.org_id
		 ORDER BY CASE fi.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, o.org_name, r.fiscal_year,
		   fi.check_name, fi.span_start NULLS LAST, fi.message`
	);
	return {
		builtAt: manifest.built_at,
		archive: manifest.archive,
		tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows, files: t.files })),
		sources: manifest.sources,
		findings
	};
};
