/** Option builders are pure: rows in, option + table out. Marks and NULLs are checked here. */
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/lib/charts/csv';
import {
	FLAG_NOTE,
	FLAG_POINT_NOTE,
	escapeHtml,
	formatCell,
	tooltipHtml
} from '../../../src/lib/charts/options/common';
import {
	budgetAdjustment,
	executionRates,
	executionScatter
} from '../../../src/lib/charts/options/execution';
import {
	sangongBudgetVsActual,
	sangongByYearItem,
	sangongIncreases,
	sangongYoy
} from '../../../src/lib/charts/options/sangong';
import { textWidth } from '../../../src/lib/charts/options/text-width';
import { binLabel, gradeCounts, scoreVsExecution } from '../../../src/lib/charts/options/scores';
import type { SangongBudgetRow, SangongChangeRow } from '../../../src/lib/db/queries/sangong';
import { executionRow } from './execution-row';

type AnyOption = Record<string, unknown> & { series: Record<string, unknown>[] };
const opt = (o: unknown) => o as AnyOption;

/** A department's 三公 change against the year before: 8 → 10 万元 unless `p` says otherwise. */
const changeRow = (p: Partial<SangongChangeRow>): SangongChangeRow => ({
	org_id: 'a',
	org_name: '甲',
	item: 'total',
	year: 2023,
	amount_wan: 10,
	prev_amount_wan: 8,
	change_wan: 2,
	change_pct: 0.25,
	derived: false,
	computed: false,
	flagged: false,
	...p
});

/** 湘西 2023's 三公 预算 and 决算, as the budget query returns them. */
const budgetRow: SangongBudgetRow = {
	org_id: 'a',
	org_name: '湘西土家族苗族自治州人民政府办公室',
	year: 2023,
	budget_wan: 405,
	actual_wan: 260,
	derived: false,
	computed: false,
	flagged: false
};

describe('execution', () => {
	it('low rates are red, every bar carries its org_id for click-through, aria on', () => {
		const spec = executionRates(
			[executionRow({}), executionRow({ org_id: 'o2', org_name: '乙', rate: 1 })],
			2
		);
		const o = opt(spec.option);
		expect((o.aria as { enabled: boolean }).enabled).toBe(true);
		const data = o.series[0].data as { org_id: string; itemStyle: { color: string } }[];
		// Reversed: the lowest rate is drawn on top (last category).
		expect(data.map((d) => d.org_id)).toEqual(['o2', 'o1']);
		expect(data[1].itemStyle.color).toBe('#c0392b');
		expect(spec.table.rows[0].values.rate).toBe(0.875735);
		expect(formatCell('percent', 0.875735)).toBe('87.6%');
	});
	it('tooltip shows exact values with units', () => {
		const spec = executionScatter([executionRow({})], 1);
		const formatter = (spec.option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter({ data: { i: 0 } });
		expect(html).toContain('87.6%');
		expect(html).toContain('9,332.431817 万元');
		expect(html).toContain('87.6%'); // reported 0.8757 too
	});
	it('empty rows → empty state', () => {
		expect(executionRates([], 0).empty).toBe(true);
	});
	it('a note says how many there are, grouped as counts are read (1,155, not 1155)', () => {
		const notes = executionRates([executionRow({})], 1155).notes ?? [];
		expect(notes).toContain('共 1,155 个部门年度，显示执行率最低的 1 个。');
	});
});

describe('三公', () => {
	it('derived values are marked in the chart (dashed, light) and the table', () => {
		const spec = sangongByYearItem([
			{ year: 2022, item: 'vehicle_operation', amount_wan: 360.11, orgs: 1, derived_values: 1 },
			{ year: 2023, item: 'vehicle_operation', amount_wan: 333.14, orgs: 1, derived_values: 0 }
		]);
		const s = opt(spec.option).series.find((x) => x.name === '公务用车运行维护费')!;
		const [d2022, d2023] = s.data as { itemStyle: { borderType?: string; opacity?: number } }[];
		expect(d2022.itemStyle.borderType).toBe('dashed');
		expect(d2023.itemStyle.borderType).toBeUndefined();
		expect(spec.table.rows[0].derived).toEqual(['amount_wan']);
		expect(spec.notes?.[0]).toContain('推算');
	});
	it('the legend lists every 三公 item whatever the rows hold: its height does not follow the filters', () => {
		const names = (rows: Parameters<typeof sangongByYearItem>[0]) =>
			opt(sangongByYearItem(rows).option).series.map((x) => x.name);
		const one = names([{ year: 2023, item: 'reception', amount_wan: 4.53, orgs: 1, derived_values: 0 }]);
		const two = names([
			{ year: 2022, item: 'total', amount_wan: 5.41, orgs: 1, derived_values: 0 },
			{ year: 2023, item: 'vehicle_operation', amount_wan: 333.14, orgs: 1, derived_values: 0 }
		]);
		expect(one).toEqual(two);
		expect(one).toHaveLength(6);
	});
	it('changes: increases red, decreases green, flagged values carry ⚠', () => {
		const row = (p: Partial<SangongChangeRow>) => changeRow({ flagged: true, ...p });
		const spec = sangongYoy(
			[
				row({}),
				row({ org_id: 'b', amount_wan: 7, change_wan: -1, change_pct: -0.125, flagged: false }),
				// 株洲市荷塘区 in the seeds: 0.00 万元 in 2021, 0.28 in 2022 — both disclosed, no rate.
				row({
					org_id: 'c',
					amount_wan: 0.28,
					prev_amount_wan: 0,
					change_wan: 0.28,
					change_pct: null,
					flagged: false
				})
			],
			5
		);
		const s = opt(spec.option).series[0];
		const data = s.data as { itemStyle: { color: string } }[];
		expect(data.map((d) => d.itemStyle.color)).toEqual(['#c0392b', '#1e7d4f', '#c0392b']);
		const label = (s.label as { formatter: (p: unknown) => string }).formatter;
		expect(label({ dataIndex: 2 })).toBe('⚠ +25.0%');
		expect(label({ dataIndex: 1 })).toBe('-12.5%');
		// A rate against 0 does not exist; the values were disclosed, so it is not 未披露.
		expect(label({ dataIndex: 0 })).toBe('上年为 0');
		const tooltip = (opt(spec.option).tooltip as { formatter: (p: unknown) => string }).formatter;
		expect(tooltip({ dataIndex: 0 })).toContain('上年为 0');
		expect(tooltip({ dataIndex: 0 })).not.toContain('未披露');
		const rowC = spec.table.rows.find((r) => r.org_id === 'c')!;
		const col = spec.table.columns.find((c) => c.key === 'change_pct')!;
		expect(formatCell(col.kind, rowC.values.change_pct)).toBe('上年为 0');
		expect(spec.notes?.some((n) => n.includes('共 5 个部门'))).toBe(true);
	});

	it('changes: the grid leaves room right of the bars for the widest label (cut off on a phone before)', () => {
		const row = changeRow({
			amount_wan: 24.11,
			prev_amount_wan: 0.01,
			change_wan: 24.1,
			change_pct: 2410,
			flagged: true
		});
		const wide = opt(sangongYoy([row], 1).option);
		const label = (wide.series[0].label as { formatter: (p: unknown) => string }).formatter;
		expect(label({ dataIndex: 0 })).toBe('⚠ +241,000.0%');
		// 13 characters at 12 px: 12 for ⚠, 12 Latin at ~7.4 px each.
		expect((wide.grid as { right: number }).right).toBeGreaterThanOrEqual(100);
		const narrow = opt(sangongYoy([{ ...row, change_pct: 0.25, flagged: false }], 1).option);
		expect((narrow.grid as { right: number }).right).toBe(64);
	});
});

describe('scores', () => {
	it('bins are labelled, NULL grade is 未披露 and never 0', () => {
		expect([binLabel(0), binLabel(90), binLabel(95)]).toEqual(['<60', '90–95', '95–100']);
		const spec = gradeCounts([
			{ year: 2020, grade: null, n: 1 },
			{ year: 2022, grade: '优', n: 2 }
		]);
		const names = opt(spec.option).series.map((s) => s.name);
		expect(names).toEqual(['优', '未披露']);
		expect(spec.table.rows[0].values.grade).toBe('未披露');
	});
	it('high score with low execution is highlighted', () => {
		const spec = scoreVsExecution(
			[{ org_id: 'x', org_name: '湘西', year: 2022, score: 95, grade: '优', rate: 0.8757, flagged: false }],
			1
		);
		const d = (opt(spec.option).series[0].data as { itemStyle: { color: string } }[])[0];
		expect(d.itemStyle.color).toBe('#c0392b');
	});
});

describe('safety and export', () => {
	it('tooltips escape report text', () => {
		expect(escapeHtml('<img src=x onerror=1>&"')).toBe('&lt;img src=x onerror=1&gt;&amp;&quot;');
		const html = tooltipHtml('<script>', [['<i>', '1']]);
		expect(html).not.toMatch(/<script>|<i>/);
		expect(html).toContain('&lt;script&gt;');
	});
	it('CSV: BOM, raw numbers, NULL empty, marks as columns, formulas defused', () => {
		const csv = tableToCsv({
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				{ key: 'amount_wan', label: '金额（万元）', kind: 'wan' }
			],
			rows: [
				{ values: { org_name: '甲,乙', amount_wan: 360.11 }, derived: ['amount_wan'] },
				{ values: { org_name: '=cmd', amount_wan: null } }
			]
		});
		expect(csv).toBe('\uFEFF部门,金额（万元）,推算值\r\n"甲,乙",360.11,金额（万元）\r\n"=cmd",,\r\n');
	});
});

describe('legends', () => {
	// A legend icon takes its series' colour, the bars their own (per value, for the marks): a
	// series without one showed 预算 in blue over grey 预算 bars and blue 决算 bars.
	const specs = {
		'三公 by year and item': sangongByYearItem([
			{ year: 2021, item: 'total', amount_wan: 340, orgs: 1, derived_values: 0 },
			{ year: 2022, item: 'vehicle_operation', amount_wan: 360.11, orgs: 1, derived_values: 1 },
			{ year: 2023, item: 'reception', amount_wan: 2.5, orgs: 1, derived_values: 0 }
		]),
		'三公 budget vs actual': sangongBudgetVsActual([{ ...budgetRow, flagged: true }], 1),
		'budget adjustment': budgetAdjustment(
			[executionRow({}), executionRow({ org_id: 'o2', flagged: true })],
			2
		)
	};
	for (const [name, spec] of Object.entries(specs))
		it(`${name}: each series has a colour, and its bars that colour`, () => {
			const series = opt(spec.option).series as {
				name: string;
				itemStyle?: { color?: string };
				data: { itemStyle?: { color?: string } }[];
			}[];
			expect(series.length).toBeGreaterThan(1);
			for (const s of series) {
				expect(s.itemStyle?.color, s.name).toBeTruthy();
				for (const d of s.data)
					if (d.itemStyle?.color) expect(d.itemStyle.color, s.name).toBe(s.itemStyle?.color);
			}
			const colours = new Set(series.map((s) => s.itemStyle?.color));
			expect(colours.size, 'series tell apart').toBe(series.length);
		});
});

describe('values with findings are marked, and the mark is explained under the chart', () => {
	// The scatters drew flagged points with a dark border and no note said what it meant; on a red
	// point the border was hard to see at all. The budget-adjustment bars had neither ⚠ nor a note.
	const symbols = (o: unknown) => (opt(o).series[0].data as { symbol: string }[]).map((d) => d.symbol);
	const point = (flagged: boolean) => ({
		org_id: flagged ? 'f' : 'o',
		org_name: '湘西土家族苗族自治州人民政府办公室',
		year: 2022,
		score: 95,
		grade: '优',
		rate: 0.876,
		flagged
	});
	it('score vs execution: a flagged point is a triangle, with a note', () => {
		const spec = scoreVsExecution([point(false), point(true)], 2);
		expect(symbols(spec.option)).toEqual(['circle', 'triangle']);
		expect(spec.notes).toContain(FLAG_POINT_NOTE);
		expect(scoreVsExecution([point(false)], 1).notes).not.toContain(FLAG_POINT_NOTE);
		const tip = (spec.option.tooltip as { formatter: (p: unknown) => string }).formatter;
		expect(tip({ data: { i: 1 } })).toContain('高分低执行；涉及核查发现');
		expect(tip({ data: { i: 0 } })).not.toContain('涉及核查发现');
	});
	it('budget vs executed: a flagged point is a triangle, with a note', () => {
		const spec = executionScatter([executionRow({}), executionRow({ org_id: 'f', flagged: true })], 2);
		expect(symbols(spec.option)).toEqual(['circle', 'triangle']);
		expect(spec.notes).toContain(FLAG_POINT_NOTE);
		expect(executionScatter([executionRow({})], 1).notes).not.toContain(FLAG_POINT_NOTE);
	});
	it('budget adjustment: a flagged bar’s label starts with ⚠, with a note', () => {
		const spec = budgetAdjustment([executionRow({ flagged: true })], 1);
		const label = opt(spec.option).series[1].label as { formatter: (p: unknown) => string };
		expect(label.formatter({ dataIndex: 0 })).toBe('⚠ +173.5%');
		expect(spec.notes).toContain(FLAG_NOTE);
		expect(budgetAdjustment([executionRow({})], 1).notes ?? []).not.toContain(FLAG_NOTE);
	});
});

describe('a chart of the first rows of more says so, and its names keep what tells rows apart', () => {
	const change = changeRow({
		org_name: '湘西土家族苗族自治州人民政府办公室',
		item: 'vehicle_operation',
		amount_wan: 12,
		prev_amount_wan: 10,
		change_pct: 0.2
	});
	it.each([
		[
			'三公 increases',
			sangongIncreases([change], 1234),
			'共 1,234 个部门的分项比上年增加，显示增加额最大的 1 个。'
		],
		[
			'三公 budget vs actual',
			sangongBudgetVsActual([budgetRow], 3990),
			'共 3,990 个部门同时披露三公经费预算和决算，显示决算减预算最大的 1 个。'
		],
		[
			'budget adjustment',
			budgetAdjustment([executionRow({})], 31),
			'共 31 个部门年度有年初和全年预算数，显示调整幅度最大的 1 个。'
		],
		[
			'总览 lowest rates',
			executionRates([executionRow({})], 5, true),
			'共 5 个部门年度，显示执行率最低的 1 个。'
		]
	])('%s: a note with the count before the limit', (_name, spec, note) => {
		expect(spec.notes).toContain(note);
	});
	it('all rows shown: no such note', () => {
		expect(sangongIncreases([change], 1).notes?.some((n) => n.startsWith('共'))).toBe(false);
	});

	const axisNames = (o: unknown) => opt(o).yAxis as { data: string[]; axisLabel: { width: number } };
	it.each([
		['总览 lowest rates (120 px)', executionRates([executionRow({ year: 2022 })], 1, true).option, ' 2022'],
		['execution rates (160 px)', executionRates([executionRow({ year: 2022 })], 1).option, ' 2022'],
		['budget adjustment', budgetAdjustment([executionRow({ year: 2022 })], 1).option, ' 2022'],
		['三公 increases', sangongIncreases([change], 1).option, '·车辆运行']
	])('%s: a long name is shortened, its year or item is whole and the label fits the axis', (_n, o, tail) => {
		const y = axisNames(o);
		const name = y.data[0];
		expect(name.endsWith(tail), name).toBe(true);
		expect(name.startsWith('湘西'), name).toBe(true);
		expect(name).toContain('…');
		expect(textWidth(name, 12)).toBeLessThanOrEqual(y.axisLabel.width);
	});
});
