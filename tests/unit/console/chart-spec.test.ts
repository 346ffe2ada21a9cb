/** Chart specs from results: NULL is a gap, text is escaped in tooltips, long results are capped. */
import { describe, expect, it } from 'vitest';
import { MAX_CHART_ROWS, checkChoice, consoleChartSpec } from '../../../src/lib/console/chart-spec';
import { type ResultSet, resultColumn } from '../../../src/lib/console/result-set';

const rs: ResultSet = {
	columns: [
		resultColumn('org_name', 'Utf8', false),
		resultColumn('amount_wan', 'Float64', true),
		resultColumn('score_total', 'Float64', true)
	],
	values: [
		['<img src=x onerror=alert(1)>', '鼎城区'],
		[333.14, null],
		[97, 100]
	],
	rowCount: 2
};

type Series = { data: unknown[] }[];

describe('consoleChartSpec', () => {
	it('bar: categories from x, NULL as a gap (never 0), the same numbers in the data table', () => {
		const spec = consoleChartSpec(rs, { kind: 'bar', x: 'org_name', y: ['amount_wan'] }, null);
		const option = spec.option as { xAxis: { data: string[] }; series: Series };
		expect(option.xAxis.data).toEqual(['<img src=x onerror=alert(1)>', '鼎城区']);
		expect(option.series[0].data).toEqual([333.14, null]);
		expect(spec.table.rows.map((r) => r.values.amount_wan)).toEqual([333.14, null]);
		expect(spec.table.columns.map((c) => c.kind)).toEqual(['text', 'wan']);
	});
	it('tooltips escape report text and format units', () => {
		const spec = consoleChartSpec(rs, { kind: 'bar', x: 'org_name', y: ['amount_wan'] }, null);
		const tooltip = spec.option.tooltip as { formatter: (p: unknown) => string };
		const html = tooltip.formatter({ dataIndex: 0 });
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img');
		expect(html).toContain('333.14 万元');
	});
	it('scatter drops points with a NULL coordinate', () => {
		const spec = consoleChartSpec(rs, { kind: 'scatter', x: 'score_total', y: ['amount_wan'] }, null);
		const series = (spec.option as { series: { data: { value: number[] }[] }[] }).series;
		expect(series[0].data.map((d) => d.value)).toEqual([[97, 333.14]]);
	});
	it('follows the grid order and caps long results with a note', () => {
		const n = MAX_CHART_ROWS + 5;
		const long: ResultSet = {
			columns: [resultColumn('n', 'Int32', true), resultColumn('v', 'Float64', true)],
			values: [Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => i * 2)],
			rowCount: n
		};
		const order = Uint32Array.from({ length: n }, (_, i) => n - 1 - i);
		const spec = consoleChartSpec(long, { kind: 'line', x: 'n', y: ['v'] }, order);
		const option = spec.option as { xAxis: { data: string[] }; series: Series };
		expect(option.xAxis.data).toHaveLength(MAX_CHART_ROWS);
		expect(option.xAxis.data[0]).toBe(String(n - 1));
		expect(spec.notes?.[0]).toBe('结果共 1,005 行，图中只画出（按当前排序的）前 1,000 行。');
	});
});

describe('checkChoice', () => {
	it('missing and non-numeric columns are named', () => {
		expect(checkChoice(rs, { kind: 'bar', x: 'nope', y: ['amount_wan'] })).toContain('nope');
		expect(checkChoice(rs, { kind: 'bar', x: 'amount_wan', y: ['org_name'] })).toContain('不是数值');
		expect(checkChoice(rs, { kind: 'scatter', x: 'org_name', y: ['amount_wan'] })).toContain('数值列');
		expect(checkChoice(rs, { kind: 'line', x: 'org_name', y: ['amount_wan', 'score_total'] })).toBeNull();
	});
});
