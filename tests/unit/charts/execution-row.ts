import type { ExecutionRow } from '../../../src/lib/db/queries/execution';

/**
 * One department-year for the execution charts: 湘西州人民政府办公室 2022 as its report gives it
 * (年初预算 3412.8169, 全年预算 9332.431817, 执行 8172.733946 万元; 执行率 87.57%), with `p` on top.
 */
export const executionRow = (p: Partial<ExecutionRow>): ExecutionRow => ({
	org_id: 'o1',
	org_name: '湘西土家族苗族自治州人民政府办公室',
	year: 2022,
	report_id: 'r1',
	budget_initial: 3412.8169,
	budget_full_year: 9332.431817,
	executed: 8172.733946,
	rate: 0.875735,
	rate_computed: 0.875735,
	rate_reported: 0.8757,
	adjustment: 1.7345,
	flagged: false,
	...p
});
