/** 三公经费 charts: rows from `db/queries/sangong` → options + tables. */
import { formatWanDelta, formatWanExact, formatWanNumber, itemLabel, yearLabel } from '../../format';
import type { SangongBudgetRow, SangongChangeRow, SangongYearItemRow } from '../../db/queries/sangong';
import { STACK_ITEMS } from '../../db/queries/sangong';
import type { ECOption } from '../echarts';
import type { ChartSpec, TableRow } from '../spec';
import {
	barEndLabels,
	BUDGET_COLOR,
	DOWN,
	MUTED,
	PALETTE,
	UP,
	baseOption,
	itemTooltip,
	flagPrefix,
	formatCell,
	labelRoom,
	markNotes,
	markStyle,
	moneyBarsFrame,
	moneyBarsHeight,
	NAME_AXIS_WIDTH,
	nameWith,
	shortName,
	shownNote,
	tooltipHtml,
	wanAxisLabel
} from './common';
import { legendBelow } from './legend';

/** `unsplit` is not an item of the contract: a stated total without breakdown. */
export const stackItemLabel = (item: string): string =>
	item === 'unsplit' ? '合计（未分项）' : itemLabel(item);

const ITEM_COLORS: Record<string, string> = {
	reception: PALETTE[0],
	vehicle_operation: PALETTE[1],
	vehicle_purchase: PALETTE[3],
	vehicle_total: PALETTE[4],
	overseas: PALETTE[2],
	unsplit: MUTED
};

/** Stacked bars: 三公 (决算) by year and item, summed over the selected departments. */
export function sangongByYearItem(rows: readonly SangongYearItemRow[], compact = false): ChartSpec {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	// Every item, present or not: the legend (and so the chart's height, its wrapped rows) stays the
	// same when the filters change, so the page below does not move and no resize redraws it.
	const items = STACK_ITEMS;
	const cell = new Map(rows.map((r) => [`${r.year}|${r.item}`, r]));
	const totals = new Map<number, number>();
	for (const r of rows) totals.set(r.year, (totals.get(r.year) ?? 0) + r.amount_wan);
	const orgsByYear = new Map<number, number>();
	for (const r of rows) orgsByYear.set(r.year, Math.max(orgsByYear.get(r.year) ?? 0, r.orgs));
	const hasDerived = rows.some((r) => r.derived_values > 0);

	const option: ECOption = {
		...baseOption(compact),
		...legendBelow(compact),
		tooltip: {
			...baseOption().tooltip,
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (ps: unknown) => {
				const list = ps as {
					axisValue: string;
					seriesName: string;
					value: number | null;
					data: { derived?: number };
				}[];
				const year = Number(list[0]?.axisValue);
				const lines: [string, string][] = list
					.filter((p) => p.value != null)
					.map((p) => [
						p.seriesName,
						`${formatWanExact(p.value)}${p.data?.derived ? `（含 ${p.data.derived} 个推算值）` : ''}`
					]);
				lines.push(['合计', formatWanExact(totals.get(year) ?? null)]);
				return tooltipHtml(
					`${yearLabel(year)} 三公经费（决算）`,
					lines,
					`${orgsByYear.get(year) ?? 0} 个部门`
				);
			}
		},
		xAxis: { type: 'category', data: years.map(String), name: '年度' },
		yAxis: { type: 'value', name: '万元', axisLabel: { formatter: wanAxisLabel } },
		series: items.map((item) => ({
			type: 'bar' as const,
			name: stackItemLabel(item),
			// The legend shows the series' colour; the bars carry theirs per value (derived marks).
			itemStyle: { color: ITEM_COLORS[item] },
			stack: 'sangong',
			barMaxWidth: 56,
			data: years.map((y) => {
				const r = cell.get(`${y}|${item}`);
				if (!r) return { value: null };
				return {
					value: r.amount_wan,
					derived: r.derived_values,
					itemStyle: markStyle(r.derived_values > 0, false, ITEM_COLORS[item])
				};
			})
		}))
	} as ECOption;

	const tableRows: TableRow[] = rows.map((r) => ({
		values: { year: r.year, item: stackItemLabel(r.item), amount_wan: r.amount_wan, orgs: r.orgs },
		derived: r.derived_values > 0 ? ['amount_wan'] : []
	}));
	return {
		id: 'sangong-by-year-item',
		title: '三公经费（决算）按年度和项目',
		description: `所选部门各年度三公经费决算数，按${items.map(stackItemLabel).join('、') || '项目'}堆叠（万元）。`,
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'item', label: '项目', kind: 'text' },
				{ key: 'amount_wan', label: '金额（万元）', kind: 'wan' },
				{ key: 'orgs', label: '部门数', kind: 'count' }
			],
			rows: tableRows
		},
		empty: rows.length === 0,
		notes: markNotes(hasDerived, false),
		height: compact ? 260 : 340
	};
}

/** Items in a bar's name: short, so the department keeps some of its name (the tooltip says all). */
const ITEM_SHORT: Record<string, string> = {
	reception: '接待',
	vehicle_operation: '车辆运行',
	vehicle_purchase: '车辆购置',
	vehicle_total: '车辆购置及运行',
	overseas: '出国（境）'
};

const changeLabel = (r: SangongChangeRow) =>
	r.item === 'total'
		? shortName(r.org_name)
		: nameWith(r.org_name, `·${ITEM_SHORT[r.item] ?? itemLabel(r.item)}`);

function changeTooltip(r: SangongChangeRow): string {
	const what = r.item === 'total' ? '三公经费合计' : itemLabel(r.item);
	const notes = [
		r.derived ? '含推算值' : '',
		r.computed ? '合计由分项相加得出' : '',
		r.flagged ? '涉及核查发现' : ''
	].filter(Boolean);
	return tooltipHtml(
		`${r.org_name} · ${what}`,
		[
			[yearLabel(r.year), formatWanExact(r.amount_wan)],
			[yearLabel(r.year - 1), formatWanExact(r.prev_amount_wan)],
			['增减', formatWanDelta(r.change_wan)],
			['增减幅度', formatCell('growth', r.change_pct)]
		],
		notes.length ? notes.join('；') : undefined
	);
}

function changeChart(
	rows: readonly SangongChangeRow[],
	id: string,
	title: string,
	description: string,
	shown: string[],
	emptyText: string
): ChartSpec {
	// Largest increase at the top of a horizontal bar chart = last category.
	const ordered = [...rows].reverse();
	const labels = ordered.map((r) => `${flagPrefix(r.flagged)}${formatCell('growth', r.change_pct)}`);
	const option: ECOption = {
		...baseOption(),
		grid: { left: 8, right: labelRoom(labels, 64), top: 24, bottom: 8 },
		tooltip: itemTooltip((i) => changeTooltip(ordered[i])),
		xAxis: { type: 'value', name: '万元', axisLabel: { formatter: wanAxisLabel, hideOverlap: true } },
		yAxis: {
			type: 'category',
			data: ordered.map(changeLabel),
			axisLabel: { width: NAME_AXIS_WIDTH, overflow: 'truncate' }
		},
		series: [
			{
				type: 'bar',
				name: '较上年增减',
				barMaxWidth: 22,
				cursor: 'pointer',
				label: barEndLabels(labels),
				data: ordered.map((r) => ({
					value: r.change_wan,
					org_id: r.org_id,
					itemStyle: markStyle(r.derived || r.computed, r.flagged, r.change_wan > 0 ? UP : DOWN)
				}))
			}
		]
	} as ECOption;

	return {
		id,
		title,
		description,
		option,
		table: {
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				...(rows.some((r) => r.item !== 'total')
					? [{ key: 'item', label: '项目', kind: 'text' as const }]
					: []),
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'amount_wan', label: '本年（万元）', kind: 'wan' },
				{ key: 'prev_amount_wan', label: '上年（万元）', kind: 'wan' },
				{ key: 'change_wan', label: '增减（万元）', kind: 'wan_delta' },
				{ key: 'change_pct', label: '增减幅度', kind: 'growth' }
			],
			rows: rows.map((r) => ({
				values: {
					org_name: r.org_name,
					item: itemLabel(r.item),
					year: r.year,
					amount_wan: r.amount_wan,
					prev_amount_wan: r.prev_amount_wan,
					change_wan: r.change_wan,
					change_pct: r.change_pct
				},
				org_id: r.org_id,
				derived: r.derived || r.computed ? ['amount_wan', 'prev_amount_wan', 'change_wan'] : [],
				flagged: r.flagged ? ['change_wan'] : []
			}))
		},
		empty: rows.length === 0,
		emptyText,
		notes: [
			...markNotes(
				rows.some((r) => r.derived || r.computed),
				rows.some((r) => r.flagged)
			),
			...shown
		],
		height: Math.max(200, 60 + rows.length * 28)
	};
}

/** Horizontal bars: each department's 三公 total change against the year before. */
export function sangongYoy(rows: readonly SangongChangeRow[], total: number): ChartSpec {
	return changeChart(
		rows,
		'sangong-yoy',
		'三公经费合计同比增减（按部门）',
		'每个部门最近一个可比年度的三公经费合计与上年相比的增减额（万元）和增减幅度，红色为增加、绿色为减少。',
		shownNote(total, rows.length, '部门可比', '增减额最大'),
		'所选范围内没有可同比的部门：需要同一部门相邻两年的三公经费合计。'
	);
}

/** Horizontal bars: the largest item-level increases. */
export function sangongIncreases(rows: readonly SangongChangeRow[], total: number): ChartSpec {
	return changeChart(
		rows,
		'sangong-increases',
		'增长最多的部门和项目',
		'按三公经费分项计算的同比增加额排名（仅列增加的项目）。',
		shownNote(total, rows.length, '部门的分项比上年增加', '增加额最大'),
		'所选范围内没有比上年增加的三公经费项目。'
	);
}

/** Grouped bars: 预算 vs 决算 per department for its latest year with both, largest 决算 − 预算 first. */
export function sangongBudgetVsActual(rows: readonly SangongBudgetRow[], total: number): ChartSpec {
	const names = rows.map((r) => shortName(r.org_name));
	const tip = (i: number) => {
		const r = rows[i];
		return tooltipHtml(`${r.org_name} · ${yearLabel(r.year)}`, [
			['预算', formatWanExact(r.budget_wan)],
			['决算', formatWanExact(r.actual_wan)],
			['决算 − 预算', formatWanDelta(r.actual_wan - r.budget_wan)],
			['决算 ÷ 预算', r.budget_wan ? `${((r.actual_wan / r.budget_wan) * 100).toFixed(1)}%` : '未披露']
		]);
	};
	// Each bar says its amount: 0.10 万元 beside 404 draws no visible bar.
	const budgetLabels = rows.map((r) => formatWanNumber(r.budget_wan));
	const actualLabels = rows.map((r) => `${flagPrefix(r.flagged)}${formatWanNumber(r.actual_wan)}`);
	const frame = moneyBarsFrame(names, tip);
	const option: ECOption = {
		...frame,
		grid: { ...frame.grid, right: labelRoom([...budgetLabels, ...actualLabels], 24) },
		series: [
			{
				type: 'bar',
				name: '预算',
				cursor: 'pointer',
				itemStyle: { color: BUDGET_COLOR },
				label: barEndLabels(budgetLabels),
				data: rows.map((r) => ({ value: r.budget_wan, org_id: r.org_id }))
			},
			{
				type: 'bar',
				name: '决算',
				cursor: 'pointer',
				itemStyle: { color: PALETTE[0] },
				label: barEndLabels(actualLabels),
				data: rows.map((r) => ({
					value: r.actual_wan,
					org_id: r.org_id,
					itemStyle: markStyle(r.derived || r.computed, r.flagged, PALETTE[0])
				}))
			}
		]
	} as ECOption;
	return {
		id: 'sangong-budget-actual',
		title: '三公经费决算与预算',
		description:
			'每个部门最近一个同时披露预算数和决算数的年度，三公经费预算与决算对比（万元，标签为金额），按决算减预算由大到小排列。',
		option,
		table: {
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'budget_wan', label: '预算（万元）', kind: 'wan' },
				{ key: 'actual_wan', label: '决算（万元）', kind: 'wan' }
			],
			rows: rows.map((r) => ({
				values: { org_name: r.org_name, year: r.year, budget_wan: r.budget_wan, actual_wan: r.actual_wan },
				org_id: r.org_id,
				derived: r.derived || r.computed ? ['actual_wan'] : [],
				flagged: r.flagged ? ['actual_wan'] : []
			}))
		},
		empty: rows.length === 0,
		notes: [
			...markNotes(
				rows.some((r) => r.derived || r.computed),
				rows.some((r) => r.flagged)
			),
			...shownNote(total, rows.length, '部门同时披露三公经费预算和决算', '决算减预算最大')
		],
		height: moneyBarsHeight(rows.length)
	};
}
