/**
 * The build-time SVG keeps its text styling intact. ECharts writes the font stack into a
 * double-quoted `style` attribute without escaping, so a font name in double quotes ended the
 * attribute early: the prerendered charts' text fell back to the browser's default font (not
 * Chinese on Linux: per-character font fallback cost ~50 ms of the first paint of `/`).
 */
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { budgetAdjustment, executionRates } from '../../../src/lib/charts/options/execution';
import { sangongBudgetVsActual, sangongByYearItem } from '../../../src/lib/charts/options/sangong';
import { scoreHistogram } from '../../../src/lib/charts/options/scores';
import { FONT_FAMILY } from '../../../src/lib/charts/options/common';
import { COMPARE_METRICS, compareChart } from '../../../src/lib/charts/options/compare';
import { fitLegend, legendRows } from '../../../src/lib/charts/options/legend';
import type { CompareRow } from '../../../src/lib/db/queries/compare';
import { renderSvg } from '../../../src/lib/charts/ssr-render';
import { executionRow } from './execution-row';

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[] };
function texts(n: Node, out: Node[] = []): Node[] {
	if (n.name === 'text') out.push(n);
	for (const c of n.children ?? []) texts(c, out);
	return out;
}

describe('prerendered SVG', () => {
	const spec = executionRates(
		[
			{
				org_id: 'o1',
				org_name: '常德市鼎城区财政局',
				year: 2023,
				report_id: 'r1',
				budget_initial: 100,
				budget_full_year: 120,
				executed: 105,
				rate: 0.875,
				rate_computed: 0.875,
				rate_reported: null,
				adjustment: 0.2,
				flagged: false
			}
		],
		1
	);
	const svg = renderSvg(spec.option, 400, 240);
	const nodes = texts(parseDocument(svg) as unknown as Node);

	it('has text, and every text element carries the whole font stack and nothing else', () => {
		expect(nodes.length).toBeGreaterThan(2);
		for (const t of nodes) {
			const attrs = Object.keys(t.attribs ?? {});
			expect(
				attrs.every((a) => /^[a-z:-]+$/.test(a)),
				attrs.join(' ')
			).toBe(true);
			expect(t.attribs?.style).toContain(`font-family:${FONT_FAMILY}`);
		}
	});

	it('has no <style> element (hover rules would apply page-wide in HTML)', () => {
		expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
		expect(svg).not.toContain('<style');
	});
});

/** Vertical centre of a text element (`transform="translate(x y)"`, plus its own `y`). */
const centreY = (t: Node): number => {
	const m = /translate\(\s*[-\d.]+[ ,]+([-\d.]+)\)/.exec(t.attribs?.transform ?? '');
	return Number(m?.[1] ?? 0) + Number(t.attribs?.y ?? 0);
};
const textOf = (t: Node): string =>
	(t.children ?? []).map((c) => (c as { data?: string }).data ?? '').join('');

describe('legend below the plot, at the width of a compact chart (360 px, as on / and a phone)', () => {
	// ECharts 6 lets axis labels run to 5 px from the edge unless the grid's outer bounds keep
	// them above the legend: the years and the legend were drawn on one line.
	const cases = [
		{
			name: '三公 by year and item',
			spec: sangongByYearItem(
				[
					{ year: 2022, item: 'vehicle_operation', amount_wan: 360.11, orgs: 1, derived_values: 1 },
					{ year: 2023, item: 'vehicle_operation', amount_wan: 333.14, orgs: 1, derived_values: 0 },
					{ year: 2023, item: 'reception', amount_wan: 2.5, orgs: 1, derived_values: 0 }
				],
				true
			),
			axis: /^20\d\d$/,
			legend: ['公务接待费']
		},
		{
			name: 'score histogram',
			spec: scoreHistogram(
				[
					{ year: 2022, bin: 90, n: 1 },
					{ year: 2023, bin: 95, n: 2 }
				],
				true
			),
			axis: /^\d+–\d+$|^<60$/,
			legend: ['2022年', '2023年']
		}
	];
	for (const c of cases)
		it(c.name, () => {
			// As a chart draws it: with room for every legend row at its width.
			const fitted = fitLegend(c.spec.option, 360);
			const nodes = texts(
				parseDocument(renderSvg(fitted.option, 360, (c.spec.height ?? 260) + fitted.room)) as unknown as Node
			);
			const axis = nodes.filter((t) => c.axis.test(textOf(t)));
			const legend = nodes.filter((t) => c.legend.includes(textOf(t)));
			expect(axis.length).toBeGreaterThan(0);
			expect(legend.length).toBe(c.legend.length);
			const lowestLabel = Math.max(...axis.map(centreY));
			const legendTop = Math.min(...legend.map(centreY));
			// Both are ~12 px text centred on their y: a full line apart, or they overlap.
			expect(legendTop - lowestLabel).toBeGreaterThanOrEqual(12);
		});
});

/** A text element's position (its transform's translate). */
const at = (t: Node) => /translate\(\s*([-\d.]+)\s+([-\d.]+)/.exec(t.attribs?.transform ?? '');
/** Drawn width at 12 px: a Chinese character (or …, ⚠) 12 px, a digit, sign or space ~7. */
const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 7 : 12), 0);

describe('department names at a phone’s width (330 px): whole years, no overlap, labels inside', () => {
	// Under vertical bars, three long names ran into each other at 330 px, and thirty turned names
	// overlapped at 10,000 reports. The bars are horizontal now, names down the side.
	const names = [
		'湘西土家族苗族自治州人民政府办公室',
		'中共邵阳市北塔区委办公室',
		'株洲市荷塘区人民政府办公室'
	];
	const spec = budgetAdjustment(
		names.map((org_name, i) =>
			executionRow({ org_id: `o${i}`, org_name, report_id: `r${i}`, year: 2021 + i, flagged: i === 0 })
		),
		3
	);
	const W = 330;
	const nodes = texts(parseDocument(renderSvg(spec.option, W, spec.height ?? 320)) as unknown as Node);
	it('every name is drawn with its year, one per line', () => {
		const drawn = nodes.filter((t) => t.attribs?.['text-anchor'] === 'end' && /…|办公室/.test(textOf(t)));
		expect(drawn.map(textOf)).toEqual([
			expect.stringMatching(/^湘西.*… 2021$/),
			expect.stringMatching(/^中共邵阳.* 2022$/),
			expect.stringMatching(/^株洲市.* 2023$/)
		]);
		const ys = drawn.map((t) => Number(at(t)?.[2]));
		for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(14);
	});
	it('every bar label ends inside the chart', () => {
		const labels = nodes.filter((t) => /^(⚠ )?[+-][\d,.]+%$/.test(textOf(t)));
		expect(labels.length).toBe(3);
		for (const l of labels) expect(Number(at(l)?.[1]) + width(textOf(l)), textOf(l)).toBeLessThanOrEqual(W);
	});
	it('总览’s lowest rates: “⚠ 100.0%” ends inside its 360 px box (it touched the edge)', () => {
		const lowest = executionRates(
			[executionRow({ rate: 0.876 }), executionRow({ org_id: 'b', report_id: 'b', rate: 1, flagged: true })],
			2,
			true
		);
		const drawn = texts(
			parseDocument(renderSvg(lowest.option, 360, lowest.height ?? 320)) as unknown as Node
		).filter((t) => /%$/.test(textOf(t)) && t.attribs?.['text-anchor'] === 'start');
		expect(drawn.map(textOf).sort()).toEqual(['87.6%', '⚠ 100.0%']);
		for (const l of drawn) expect(Number(at(l)?.[1]) + width(textOf(l)), textOf(l)).toBeLessThanOrEqual(360);
	});
});

describe('三公经费决算与预算: each bar says its amount (330 px)', () => {
	// The seeds: 北塔区 2023 预算 0 / 决算 0.1 万元 drew no visible bar beside 湘西's 404 / 258.
	const row = (org_name: string, budget_wan: number, actual_wan: number, flagged = false) => ({
		org_id: org_name,
		org_name,
		year: 2022,
		budget_wan,
		actual_wan,
		derived: false,
		computed: false,
		flagged
	});
	const spec = sangongBudgetVsActual(
		[
			row('中共邵阳市北塔区委办公室', 0, 0.1),
			row('株洲市荷塘区人民政府办公室', 1, 0.28),
			row('湘西土家族苗族自治州人民政府办公室', 403.936485, 258.48016, true)
		],
		3
	);
	const W = 330;
	const nodes = texts(parseDocument(renderSvg(spec.option, W, spec.height ?? 320)) as unknown as Node);
	const labels = nodes.filter((t) => /^(⚠ )?[\d,]+\.\d\d$/.test(textOf(t)));
	it('draws every amount, a zero and a tenth included, the flagged one marked', () => {
		expect(labels.map(textOf).sort()).toEqual(['0.00', '0.10', '0.28', '1.00', '403.94', '⚠ 258.48'].sort());
	});
	it('every label ends inside the chart', () => {
		for (const l of labels) expect(Number(at(l)?.[1]) + width(textOf(l)), textOf(l)).toBeLessThanOrEqual(W);
	});
});

/** One department-year of 部门对比 with nothing disclosed but what `p` gives. */
const compareRow = (p: Partial<CompareRow>): CompareRow => ({
	org_id: 'o',
	org_name: '部门',
	year: 2023,
	sangong_wan: null,
	sangong_derived: false,
	rate: null,
	score: null,
	grade: null,
	spending_wan: null,
	spending_derived: false,
	budget_full_year: null,
	executed: null,
	...p
});

describe('a legend of six departments at a phone’s width (330 px) shows every name, below the plot', () => {
	// A paged legend showed one department of three on a phone (“1/3 ▶”): in 部门对比 a reader
	// could not tell which line was which. The legend now wraps and the chart grows by its rows.
	const names = [
		'中共邵阳市北塔区委办公室',
		'常德市鼎城区人民政府办公室',
		'株洲市荷塘区人民政府办公室',
		'湘西土家族苗族自治州人民政府办公室',
		'湖南省财政厅',
		'长沙市2023年度机关事务局'
	];
	const rows = names.flatMap((org_name, i) =>
		[2022, 2023].map((year) =>
			compareRow({ org_id: `o${i}`, org_name, year, sangong_wan: 100 + i * 10 + (year - 2022) })
		)
	);
	const spec = compareChart(
		rows,
		names.map((_, i) => `o${i}`),
		COMPARE_METRICS[0]
	);
	const { option, room } = fitLegend(spec.option, 330);
	const nodes = texts(parseDocument(renderSvg(option, 330, (spec.height ?? 280) + room)) as unknown as Node);
	const seriesNames = (option.series as { name: string }[]).map((s) => s.name);
	const legend = nodes.filter((t) => seriesNames.includes(textOf(t)));

	it('draws every name, on as many rows as the chart made room for', () => {
		expect(legend.map(textOf).sort()).toEqual([...seriesNames].sort());
		const drawnRows = new Set(legend.map(centreY)).size;
		expect(drawnRows).toBeGreaterThan(1);
		expect(legendRows(seriesNames, 330, 12)).toBeGreaterThanOrEqual(drawnRows);
		expect(room).toBe((legendRows(seriesNames, 330, 12) - 1) * 20);
	});

	it('keeps the years a full line above the legend', () => {
		const years = nodes.filter((t) => /^20\d\d$/.test(textOf(t)));
		expect(years.length).toBe(2);
		const legendTop = Math.min(...legend.map(centreY));
		expect(legendTop - Math.max(...years.map(centreY))).toBeGreaterThanOrEqual(12);
	});

	it('adds nothing where the names fit on one row', () => {
		expect(fitLegend(spec.option, 2000).room).toBe(0);
	});
});

describe('部门对比 execution rate: the axis is about the rates shown', () => {
	// Two departments at 100% (北塔区 2023, 荷塘区 2022 in the seeds) sat mid-axis on 40%–160%.
	const rows = [
		compareRow({ org_id: 'a', org_name: '株洲市荷塘区人民政府办公室', year: 2022, rate: 1 }),
		compareRow({ org_id: 'b', org_name: '中共邵阳市北塔区委办公室', year: 2023, rate: 1 }),
		compareRow({ org_id: 'b', org_name: '中共邵阳市北塔区委办公室', year: 2022, rate: 0.876 })
	];
	it('runs from a tenth below the lowest rate to 100%', () => {
		const spec = compareChart(rows, ['a', 'b'], COMPARE_METRICS[1]);
		const svg = renderSvg(fitLegend(spec.option, 720).option, 720, 280);
		const ticks = texts(parseDocument(svg) as unknown as Node)
			.map(textOf)
			.filter((t) => /^\d+%$/.test(t))
			.map((t) => Number(t.slice(0, -1)));
		expect(Math.min(...ticks)).toBe(70);
		expect(Math.max(...ticks)).toBe(100);
	});
});
