/** One department's page: every year, every table, its findings and the facts behind its numbers. */
import type { Row } from '../../schema/tables';
import type { Connector, PlainRow } from '../connector';
import { ident } from '../tables-sql';

export interface OrgView {
	org: Row<'orgs'>;
	reports: Row<'reports'>[];
	sangong: Row<'sangong'>[];
	spending: Row<'spending'>[];
	indicators: Row<'indicators'>[];
	projects: Row<'projects'>[];
	findings: Row<'findings'>[];
	facts: Row<'facts'>[];
}

type Part = Exclude<keyof OrgView, 'org'>;

/**
 * Each part of the page: whether its rows name the department (`org_id`) or only their report,
 * and their order on the page; rows equal in that order keep their stored order (rowid).
 */
const PARTS: Record<Part, { byReport: boolean; order: string | null }> = {
	reports: { byReport: false, order: 'fiscal_year DESC NULLS LAST, report_id' },
	sangong: { byReport: false, order: 'unit NULLS FIRST, basis, item, year, derived, report_id' },
	spending: { byReport: false, order: 'category, year, derived, report_id' },
	indicators: { byReport: false, order: null },
	projects: { byReport: false, order: 'report_id, name' },
	findings: {
		byReport: true,
		order: `report_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, check_name`
	},
	facts: { byReport: true, order: 'report_id, span_start' }
};
const PART_NAMES = Object.keys(PARTS) as Part[];
/** The department of a row, added to each part's rows for grouping and removed again. */
const KEY = '__org_id';

export async function loadOrgView(db: Connector, orgId: string): Promise<OrgView | null> {
	return (await loadOrgViews(db, orgId, orgId)).get(orgId) ?? null;
}

/**
 * The pages of every department whose org_id lies in [first, last], one query per part. The
 * build prerenders thousands of department pages and reads them a few hundred at a time: one
 * scan of `facts` per page made a 10,000-report build spend most of its time here.
 */
export async function loadOrgViews(
	db: Connector,
	first: string,
	last: string
): Promise<Map<string, OrgView>> {
	const range = [first, last];
	const orgs = await db.query<Row<'orgs'>>(
		`SELECT * FROM orgs WHERE org_id BETWEEN ? AND ? ORDER BY org_id`,
		range
	);
	const views = new Map<string, OrgView>();
	for (const org of orgs) {
		const view = { org } as OrgView;
		for (const p of PART_NAMES) view[p] = [];
		views.set(org.org_id, view);
	}
	if (views.size === 0) return views;
	const parts = await Promise.all(
		PART_NAMES.map((part) => {
			const { byReport, order } = PARTS[part];
			const org = byReport ? 'r.org_id' : 't.org_id';
			const join = byReport ? ' JOIN reports r USING (report_id)' : '';
			const by = [org, order, 't.rowid'].filter(Boolean).join(', ');
			return db.query<PlainRow>(
				`SELECT t.*, ${org} AS ${KEY} FROM ${ident(part)} t${join} WHERE ${org} BETWEEN ? AND ? ORDER BY ${by}`,
				range
			);
		})
	);
	PART_NAMES.forEach((part, i) => {
		for (const { [KEY]: id, ...row } of parts[i]) (views.get(id as string)![part] as PlainRow[]).push(row);
	});
	return views;
}
