/**
 * Report text is data, never markup — in charts too. Department names carrying HTML/script
 * payloads go through the option builders, the build-time SVG renderer (its output is inserted
 * with {@html}) and the tooltip formatters (ECharts puts their result into innerHTML); no element
 * or event handler may come out, and the payload must still be readable as text.
 */
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/lib/charts/spec';
import { compareChart, COMPARE_METRICS } from '../../../src/lib/charts/options/compare';
import { executionRates, executionScatter } from '../../../src/lib/charts/options/execution';
import { sangongBudgetVsActual, sangongIncreases, sangongYoy } from '../../../src/lib/charts/options/sangong';
import { scoreVsExecution } from '../../../src/lib/charts/options/scores';
import { renderSvg } from '../../../src/lib/charts/ssr-render';
import type { ExecutionRow } from '../../../src/lib/db/queries/execution';
import { NAME_PAYLOADS, payloadOrgName, TEXT_PAYLOADS } from '../../hostile/corpus';

const NAMES = [...NAME_PAYLOADS.map((_, i) => payloadOrgName(i)), ...TEXT_PAYLOADS];

/** Every element and attribute name in an HTML/SVG fragment, and its text. */
function parse(markup: string): { tags: Set<string>; attrs: Set<string>; text: string } {
	const tags = new Set<string>();
	const attrs = new Set<string>();
	let text = '';
	const walk = (n: {
		type: string;
		name?: string;
		attribs?: Record<string, string>;
		data?: string;
		children?: unknown[];
	}) => {
		if (n.type === 'text') text += n.data;
		if (n.name) tags.add(n.name.toLowerCase());
		for (const a of Object.keys(n.attribs ?? {})) attrs.add(a.toLowerCase());
		for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
	};
	walk(parseDocument(markup, { decodeEntities: true }) as never);
	return { tags, attrs, text };
}

const SVG_TAGS = new Set([
	'svg',
	'g',
	'path',
	'rect',
	'text',
	'tspan',
	'circle',
	'line',
	'polyline',
	'polygon',
	'defs',
	'clippath',
	'style',
	'title',
	'desc',
	'lineargradient',
	'stop',
	'pattern',
	'image',
	'ellipse'
]);

function expectInert(markup: string, what: string) {
	const { tags, attrs } = parse(markup);
	for (const t of ['script', 'img', 'iframe', 'foreignobject', 'object', 'embed', 'a'])
		expect([what, tags.has(t)]).toEqual([what, false]);
	expect([what, [...attrs].filter((a) => a.startsWith('on') || a === 'srcdoc')]).toEqual([what, []]);
}

const exec = (org_name: string, i: number): ExecutionRow => ({
	org_id: `o${i}`,
	org_name,
	year: 2023,
	report_id: `r${i}`,
	budget_initial: 100 + i,
	budget_full_year: 120 + i,
	executed: 90 + i,
	rate: 0.5 + i / 20,
	rate_computed: 0.5 + i / 20,
	rate_reported: null,
	adjustment: 0.2,
	flagged: false
});
const change = (org_name: string, i: number) => ({
	org_id: `o${i}`,
	org_name,
	item: 'total',
	year: 2023,
	amount_wan: 10 + i,
	prev_amount_wan: 8,
	change_wan: 2 + i,
	change_pct: (2 + i) / 8,
	derived: false,
	computed: false,
	flagged: false
});

const specs: [string, ChartSpec, (i: number) => unknown][] = [
	['executionRates', executionRates(NAMES.map(exec), NAMES.length), (i) => ({ dataIndex: i })],
	['executionScatter', executionScatter(NAMES.map(exec), NAMES.length), (i) => ({ data: { i } })],
	['sangongYoy', sangongYoy(NAMES.map(change), NAMES.length), (i) => ({ dataIndex: i })],
	['sangongIncreases', sangongIncreases(NAMES.map(change), NAMES.length), (i) => ({ dataIndex: i })],
	[
		'sangongBudgetVsActual',
		sangongBudgetVsActual(
			NAMES.map((org_name, i) => ({
				org_id: `o${i}`,
				org_name,
				year: 2023,
				budget_wan: 10,
				actual_wan: 9,
				derived: false,
				computed: false,
				flagged: false
			})),
			NAMES.length
		),
		(i) => ({ dataIndex: i })
	],
	[
		'scoreVsExecution',
		scoreVsExecution(
			NAMES.map((org_name, i) => ({
				org_id: `o${i}`,
				org_name,
				year: 2023,
				score: 90,
				grade: '优',
				rate: 0.9,
				flagged: false
			})),
			NAMES.length
		),
		(i) => ({ data: { i } })
	]
];

describe('charts with hostile department names', () => {
	it.each(specs)('%s: the build-time SVG has no element or handler from a name', (name, spec) => {
		const svg = renderSvg(spec.option, 720, 400);
		expectInert(svg, name);
		for (const t of parse(svg).tags) expect([name, t, SVG_TAGS.has(t)]).toEqual([name, t, true]);
	});

	it.each(specs)('%s: every tooltip is escaped and shows the name as text', (name, spec, param) => {
		const formatter = (spec.option.tooltip as { formatter: (p: unknown) => string }).formatter;
		// Bars may be reordered (lowest first): find the name in any of the data points.
		const shown = new Set<string>();
		for (let i = 0; i < NAMES.length; i++) {
			const html = formatter(param(i));
			expectInert(html, `${name} #${i}`);
			const { text } = parse(html);
			for (const n of NAMES) if (text.includes(n)) shown.add(n);
		}
		expect(shown.size, name).toBe(NAMES.length);
	});

	it('compare: the axis tooltip lists every name as text', () => {
		const rows = NAMES.map((org_name, i) => ({
			org_id: `o${i}`,
			org_name,
			year: 2023,
			sangong_wan: 1 + i,
			sangong_derived: false,
			rate: 0.9,
			score: 90,
			grade: null,
			spending_wan: 10,
			spending_derived: false,
			budget_full_year: 10,
			executed: 9
		}));
		const spec = compareChart(
			rows,
			rows.map((r) => r.org_id),
			COMPARE_METRICS[0]
		);
		expectInert(renderSvg(spec.option, 720, 400), 'compare svg');
		const formatter = (spec.option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter(rows.map((_, i) => ({ axisValue: '2023', seriesName: NAMES[i], seriesIndex: i })));
		expectInert(html, 'compare tooltip');
		for (const n of NAMES) expect(parse(html).text).toContain(n);
	});
});
