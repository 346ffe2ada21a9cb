import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/lib/schema/tables';
import { checkExecution, checkSangong, checkScores, checkSpending } from '../../src/lib/validate/checks';

const noSpan = () => undefined;
const sg = (item: string, amount: number, basis = 'actual'): Row<'sangong'> => ({
	report_id: 'r',
	org_id: 'o',
	year: 2022,
	item,
	basis,
	amount_wan: amount,
	derived: false,
	unit: null
});
const sp = (category: string, amount: number): Row<'spending'> => ({
	report_id: 'r',
	org_id: 'o',
	year: 2022,
	category,
	amount_wan: amount,
	derived: false
});
const report = (over: Partial<Row<'reports'>>): Row<'reports'> => ({
	report_id: 'r',
	source_file: 'f',
	sha256: 's',
	org_id: 'o',
	org_name: 'n',
	province: null,
	prefecture: null,
	county: null,
	admin_level: null,
	fiscal_year: 2022,
	report_kind: 'dept_self',
	score_total: null,
	grade: null,
	headcount_authorized: null,
	headcount_actual: null,
	budget_initial: null,
	budget_full_year: null,
	executed: null,
	execution_rate: null,
	execution_rate_reported: null,
	...over
});
const names = (fs: { severity: string; check: string }[]) => fs.map((f) => `${f.severity}:${f.check}`);

describe('checkSangong', () => {
	it('passes items that add up', () => {
		expect(
			checkSangong(
				[
					sg('total', 258.48),
					sg('reception', 22.23),
					sg('vehicle_operation', 150.74),
					sg('vehicle_purchase', 85.51),
					sg('overseas', 0)
				],
				noSpan
			)
		).toEqual([]);
	});
	it('flags items that do not add up (北塔 2022: 5.41 + 5.41 + 0 ≠ 5.41)', () => {
		expect(
			names(
				checkSangong(
					[sg('total', 5.41), sg('vehicle_total', 5.41), sg('reception', 5.41), sg('overseas', 0)],
					noSpan
				)
			)
		).toEqual(['error:sangong_items_sum']);
	});
	it('flags known items that already exceed the total, even with some unknown', () => {
		expect(names(checkSangong([sg('total', 1), sg('reception', 2)], noSpan))).toEqual([
			'error:sangong_items_sum'
		]);
		expect(checkSangong([sg('total', 1), sg('reception', 0.28)], noSpan)).toEqual([]);
	});
});

describe('checkSpending', () => {
	it('calls a one-cent gap rounding (荷塘 397.46 + 193.82 vs 591.29)', () => {
		expect(
			names(checkSpending([sp('basic', 591.29), sp('personnel', 397.46), sp('public', 193.82)], noSpan))
		).toEqual(['info:basic_equals_personnel_public']);
	});
	it('calls a real gap an error', () => {
		expect(
			names(checkSpending([sp('total', 10246.65), sp('basic', 4870.15), sp('project', 2667.88)], noSpan))
		).toEqual(['error:total_equals_basic_project']);
	});
});

describe('checkExecution', () => {
	it('accepts a reported rate that rounds the computed one', () => {
		expect(
			checkExecution(
				report({
					execution_rate: 0.875735,
					execution_rate_reported: 0.8757,
					executed: 1,
					budget_full_year: 1
				}),
				noSpan
			)
		).toEqual([]);
	});
	it('flags a reported rate far from the amounts', () => {
		expect(
			names(checkExecution(report({ execution_rate: 0.8, execution_rate_reported: 0.95 }), noSpan))
		).toEqual(['error:execution_rate_mismatch']);
	});
});

describe('checkScores', () => {
	const ind = (level1: string, weight: number | null, score: number | null): Row<'indicators'> => ({
		report_id: 'r',
		org_id: 'o',
		level1,
		level2: null,
		level3: null,
		target: null,
		actual: null,
		weight,
		score
	});
	it('flags a total that is not the sum of its indicators, and weights not summing to 100', () => {
		const f = checkScores(
			report({ score_total: 92 }),
			{
				indicators: [ind('产出指标', 50, 40), ind('效益指标', 35, 30)],
				groupWeights: new Map([['产出指标', 50]]),
				totalWeight: 100
			},
			noSpan
		);
		expect(names(f)).toEqual(['error:score_total_mismatch', 'warning:weights_sum']);
	});
	it('is quiet when everything adds up', () => {
		expect(
			checkScores(
				report({ score_total: 95 }),
				{
					indicators: [ind('产出指标', 50, 48), ind('效益指标', 50, 47)],
					groupWeights: new Map(),
					totalWeight: 100
				},
				noSpan
			)
		).toEqual([]);
	});
});
