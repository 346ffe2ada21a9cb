/** optionShape decides whether a live chart may merge a new option into its axes and legends. */
import { describe, expect, it } from 'vitest';
import { optionShape } from '../../../src/lib/charts/option-shape';
import { compareChart, COMPARE_METRICS } from '../../../src/lib/charts/options/compare';
import { budgetAdjustment, executionRates } from '../../../src/lib/charts/options/execution';
import { executionRow } from './execution-row';

describe('optionShape', () => {
	it('ignores values, series and the contents of data arrays', () => {
		const a = { xAxis: { type: 'category', data: ['2022'] }, series: [{ data: [1] }] };
		const b = { xAxis: { type: 'category', data: ['2022', '2023'] }, series: [{ data: [1, 2] }, {}] };
		expect(optionShape(a)).toBe(optionShape(b));
	});
	it('changes when a component gains or loses a key, or a component is added', () => {
		const base = { yAxis: { type: 'value' } };
		expect(optionShape({ yAxis: { type: 'value', max: 100 } })).not.toBe(optionShape(base));
		expect(optionShape({ yAxis: [{ type: 'value' }, { type: 'value' }] })).not.toBe(
			optionShape({ yAxis: [{ type: 'value' }] })
		);
	});
	it('the same chart for other rows keeps its shape (filter changes merge)', () => {
		const few = [executionRow({})];
		const more = [executionRow({}), executionRow({ org_id: 'b', report_id: 'b', rate: 0.5, flagged: true })];
		expect(optionShape(executionRates(more, 9).option)).toBe(optionShape(executionRates(few, 1).option));
		expect(optionShape(budgetAdjustment(more, 2).option)).toBe(optionShape(budgetAdjustment(few, 1).option));
	});
	it('another chart has another shape (a rate axis has bounds, a money axis none)', () => {
		const rate = COMPARE_METRICS.find((m) => m.kind === 'percent')!;
		const wan = COMPARE_METRICS.find((m) => m.kind === 'wan')!;
		expect(optionShape(compareChart([], ['a'], rate).option)).not.toBe(
			optionShape(compareChart([], ['a'], wan).option)
		);
	});
});
