/**
 * The /data/ page's findings list. Its prerendered HTML and page data hold the first
 * FINDINGS_SHOWN findings only; the whole list is a separate prerendered file
 * (`data/findings.json`), fetched when a filter is chosen. At 10,000 reports there are ~60,000
 * findings: in the page data they made a 28 MB page.
 */
import type { FindingRow as OverviewFinding } from '$lib/db/queries/overview';

/** A finding with its department, year and the span of its quote (for the link to it). */
export interface FindingRow extends OverviewFinding {
	span_start: number | null;
	span_end: number | null;
}

export const FINDINGS_SHOWN = 500;

/** Errors first, then by department, year and check: the order of the list and of the file. */
export const FINDINGS_SQL = `SELECT fi.report_id, r.org_id, o.org_name, r.fiscal_year AS year, fi.severity, fi.check_name,
   fi.message, fi.span_start, fi.span_end
 FROM findings fi JOIN reports r ON r.report_id = fi.report_id JOIN orgs o ON o.org_id = r.org_id
 ORDER BY CASE fi.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, o.org_name, r.fiscal_year,
   fi.check_name, fi.span_start NULLS LAST, fi.message`;

export interface FindingsFilter {
	readonly severity: string;
	readonly check: string;
	/** A department: its org_id, or part of its name (a list of every department was 4,300 options at scale). */
	readonly org: string;
}

export const isFiltered = (f: FindingsFilter): boolean => Boolean(f.severity || f.check || f.org);

export function matchesFilter(f: FindingsFilter): (x: FindingRow) => boolean {
	return (x) =>
		(!f.severity || x.severity === f.severity) &&
		(!f.check || x.check_name === f.check) &&
		(!f.org || x.org_id === f.org || x.org_name.includes(f.org));
}
