/** One department's page: every year, every table, its findings and the facts behind its numbers. */
import type { Row } from '../../schema/tables';
import type { Connector } from '../connector';

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

export async function loadOrgView(db: Connector, orgId: string): Promise<OrgView | null> {
	const [org] = await db.query<Row<'orgs'>>(`SELECT * FROM orgs WHERE org_id = ?`, [orgId]);
	if (!org) return null;
	const byOrg = <T extends object>(sql: string) => db.query<T>(sql, [orgId]);
	const ofReports = `report_id IN (SELECT report_id FROM reports WHERE org_id = ?)`;
	const [reports, sangong, spending, indicators, projects, findings, facts] = await Promise.all([
		byOrg<Row<'reports'>>(
			`SELECT * FROM reports WHERE org_id = ? ORDER BY fiscal_year DESC NULLS LAST, report_id`
		),
		byOrg<Row<'sangong'>>(
			`SELECT * FROM sangong WHERE org_id = ? ORDER BY unit NULLS FIRST, basis, item, year, derived, report_id`
		),
		byOrg<Row<'spending'>>(
			`SELECT * FROM spending WHERE org_id = ? ORDER BY category, year, derived, report_id`
		),
		byOrg<Row<'indicators'>>(`SELECT * FROM indicators WHERE org_id = ?`),
		byOrg<Row<'projects'>>(`SELECT * FROM projects WHERE org_id = ? ORDER BY report_id, name`),
		byOrg<Row<'findings'>>(
			`SELECT * FROM findings WHERE ${ofReports}
			 ORDER BY report_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, check_name`
		),
		byOrg<Row<'facts'>>(`SELECT * FROM facts WHERE ${ofReports} ORDER BY report_id, span_start`)
	]);
	return { org, reports, sangong, spending, indicators, projects, findings, facts };
}
