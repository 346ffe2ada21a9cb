/**
 * A check across reports: two different files for one department and year. The ingest keeps both
 * (and says so on the later one); the import page keeps the published one on the dashboard.
 */
import type { Row } from '../schema/tables';
import type { CheckName } from './check-docs';

export function duplicateOrgYear(
	report: Pick<Row<'reports'>, 'report_id' | 'org_id' | 'org_name' | 'fiscal_year'>,
	otherFiles: readonly string[],
	consequence: string
): Row<'findings'> {
	const year = report.fiscal_year;
	return {
		report_id: report.report_id,
		severity: 'warning',
		check_name: 'duplicate_org_year' satisfies CheckName,
		message: `${report.org_name} ${year} 年度已有另一份内容不同的报告：${otherFiles.join('、')}；${consequence}`,
		numbers: JSON.stringify({ org_id: report.org_id, fiscal_year: year, other_files: otherFiles }),
		span_start: null,
		span_end: null,
		quote: null
	};
}
