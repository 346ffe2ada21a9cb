/**
 * Internal links, always through `$app/paths` resolve() (the portal serves the site from a
 * sub-path), with the trailing slash the static build's `route/index.html` files need.
 */
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

export type DashboardPath =
	'/' | '/sangong/' | '/execution/' | '/scores/' | '/compare/' | '/sql/' | '/import/' | '/data/';

/** A dashboard page, keeping the current filters (`search` is '' or '?…'). */
export function pageHref(path: DashboardPath, search = ''): ResolvedPathname {
	return (resolve(path) + search) as ResolvedPathname;
}

/**
 * Departments known only from reports imported in this browser (org_id → report_id): they have no
 * prerendered page, so links to them open that report on the import page instead.
 */
export const localOnlyOrgs = new Map<string, string>();

/** Anchor of one imported report on the import page. */
export const importAnchor = (reportId: string) => `report-${reportId}`;

/** A department's page; `hash` is '' or '#…'. */
export function orgHref(orgId: string, hash = ''): ResolvedPathname {
	const local = localOnlyOrgs.get(orgId);
	if (local) return `${resolve('/import/')}#${importAnchor(local)}` as ResolvedPathname;
	return (resolve(`/org/${encodeURIComponent(orgId)}/`) + hash) as ResolvedPathname;
}

/** `#quote-<report_id>-<start>-<end>`: the department page opens the quote of that span. */
export const quoteHash = (reportId: string, start: number, end: number) =>
	`#quote-${reportId}-${start}-${end}`;

export function parseQuoteHash(hash: string): { reportId: string; start: number; end: number } | null {
	const m = /^#quote-(.+)-(\d+)-(\d+)$/.exec(hash);
	return m ? { reportId: decodeURIComponent(m[1]), start: Number(m[2]), end: Number(m[3]) } : null;
}
