/** 预算执行 charts: rows from `db/queries/execution` → options + tables. */
import { formatPercent, formatPercentDelta, formatWanExact, yearLabel } from '../../format';
import { type ExecutionRow, type ExecutionYearRow, LOW_RATE } from '../../db/queries/execution';
import type { ECOption } from '../echarts';
import type { ChartSpec, TableColumn } from '../spec';
import {
	barEndLabels,
	BUDGET_COLOR,
	LOW,
	OK,
	PALETTE,
	baseOption,
	itemTooltip,
	flagPrefix,
	labelRoom,
	markNotes,
	markStyle,
	FLAG_POINT_NOTE,
	pointSymbol,
	moneyBarsFrame,
	moneyBarsHeight,
	percentAxisLabel,
	rateAxisMax,
	nameWith,
	shownNote,
	tooltipHtml,
	wanAxisLabel
} from './common';
import { legendBelow } from './legend';

const lowNote = `红色：执行率低于 ${formatPercent(LOW_RATE)}`;

function rateTooltip(r: ExecutionRow): string {
	const lines: [string, string][] = [
		['预算执行率', formatPercent(r.rate)],
		['全年预算数', formatWanExact(r.budget_full_year)],
		['全年执行数', formatWanExact(r.executed)]
	];
	if (r.rate_reported != null && r.rate_computed != null)
		lines.push(['报告所写执行率', formatPercent(r.rate_reported)]);
	const note =
		r.rate_computed == null && r.rate_reported != null
			? '执行率为报告所写（报告未给出可计算的金额）'
			: r.flagged
				? '涉及核查发现'
				: undefined;
	return tooltipHtml(`${r.org_name} · ${yearLabel(r.year)}`, lines, note);
}

const RATE_COLUMNS: TableColumn[] = [
	{ key: 'org_name', label: '部门', kind: 'org' },
	{ key: 'year', label: '年度', kind: 'year' },
	{ key: 'rate', label: '预算执行率', kind: 'percent' },
	{ key: 'budget_full_year', label: '全年预算数（万元）', kind: 'wan' },
	{ key: 'executed', label: '全年执行数（万元）', kind: 'wan' }
];

const rateTableRows = (rows: readonly ExecutionRow[]) =>
	rows.map((r) => ({
		values: {
			org_name: r.org_name,
			year: r.year,
			rate: r.rate,
			budget_full_year: r.budget_full_year,
			executed: r.executed
		},
		org_id: r.org_id,
		flagged: r.flagged ? ['rate'] : []
	}));

/** Horizontal bars: execution rate per department-year, lowest on top, threshold line. */
export function executionRates(rows: readonly ExecutionRow[], total: number, compact = false): ChartSpec {
	const ordered = [...rows].reverse();
	const nameWidth = compact ? 120 : 160;
	const label = (r: ExecutionRow) => nameWith(r.org_name, ` ${r.year}`, nameWidth);
	const barLabels = ordered.map((r) => `${flagPrefix(r.flagged)}${formatPercent(r.rate)}`);
	const option: ECOption = {
		...baseOption(compact),
		grid: { left: 8, right: labelRoom(barLabels, 48), top: 16, bottom: 8 },
		tooltip: itemTooltip((i) => rateTooltip(ordered[i])),
		xAxis: {
			type: 'value',
			min: 0,
			max: rateAxisMax,
			axisLabel: { formatter: percentAxisLabel, hideOverlap: true }
		},
		yAxis: {
			type: 'category',
			data: ordered.map(label),
			axisLabel: { width: nameWidth, overflow: 'truncate' }
		},
		series: [
			{
				type: 'bar',
				name: '预算执行率',
				barMaxWidth: 20,
				cursor: 'pointer',
				label: barEndLabels(barLabels),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: LOW, type: 'dashed' },
					label: { formatter: formatPercent(LOW_RATE), position: 'end' },
					data: [{ xAxis: LOW_RATE }]
				},
				data: ordered.map((r) => ({
					value: r.rate,
					org_id: r.org_id,
					itemStyle: markStyle(false, r.flagged, (r.rate ?? 1) < LOW_RATE ? LOW : OK)
				}))
			}
		]
	} as ECOption;
	return {
		id: compact ? 'execution-lowest' : 'execution-rates',
		title: compact ? '预算执行率最低的部门' : '预算执行率（按部门和年度）',
		description: `各部门各年度预算执行率（全年执行数 ÷ 全年预算数），由低到高排列；低于 ${formatPercent(LOW_RATE)} 的标红。`,
		option,
		table: { columns: RATE_COLUMNS, rows: rateTableRows(rows) },
		empty: rows.length === 0,
		notes: [
			lowNote,
			...markNotes(
				false,
				rows.some((r) => r.flagged)
			),
			...shownNote(total, rows.length, '部门年度', '执行率最低')
		],
		height: Math.max(compact ? 200 : 220, 50 + rows.length * (compact ? 24 : 26))
	};
}

/** Scatter: full-year budget vs executed, with the “fully executed” diagonal. */
export function executionScatter(rows: readonly ExecutionRow[], total: number): ChartSpec {
	const max = Math.max(1, ...rows.map((r) => Math.max(r.budget_full_year ?? 0, r.executed ?? 0)));
	const option: ECOption = {
		...baseOption(),
		grid: { left: 8, right: 40, top: 40, bottom: 8 },
		tooltip: {
			...baseOption().tooltip,
			trigger: 'item',
			formatter: (p: unknown) => {
				const d = p as { seriesIndex: number; dataIndex: number; data: { i?: number } };
				const r = d.data?.i != null ? rows[d.data.i] : null;
				return r ? rateTooltip(r) : '';
			}
		},
		xAxis: {
			type: 'value',
			name: '全年预算数（万元）',
			nameLocation: 'middle',
			nameGap: 28,
			axisLabel: { formatter: wanAxisLabel }
		},
		yAxis: { type: 'value', name: '全年执行数（万元）', axisLabel: { formatter: wanAxisLabel } },
		series: [
			{
				type: 'scatter',
				name: '部门年度',
				symbolSize: 10,
				cursor: 'pointer',
				data: rows.map((r, i) => ({
					// Both are non-null here (the query's condition); a null would leave the point out.
					value: [r.budget_full_year, r.executed],
					i,
					org_id: r.org_id,
					symbol: pointSymbol(r.flagged),
					itemStyle: markStyle(false, r.flagged, (r.rate ?? 1) < LOW_RATE ? LOW : OK)
				})),
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { color: '#999', type: 'dashed' },
					label: { formatter: '执行率 100%', position: 'insideEndTop' },
					data: [[{ coord: [0, 0] }, { coord: [max, max] }]]
				}
			}
		]
	} as ECOption;
	return {
		id: 'execution-scatter',
		title: '全年预算数与执行数',
		description:
			'每个点是一个部门年度：横轴为全年预算数，纵轴为全年执行数（万元）；虚线上为全部执行，越往下执行越少。',
		option,
		table: { columns: RATE_COLUMNS, rows: rateTableRows(rows) },
		empty: rows.length === 0,
		notes: [
			lowNote,
			...markNotes(
				false,
				rows.some((r) => r.flagged),
				FLAG_POINT_NOTE
			),
			...shownNote(total, rows.length, '点', '执行率最低')
		],
		height: 360
	};
}

/** Grouped bars: initial vs full-year budget, largest adjustments first. */
export function budgetAdjustment(rows: readonly ExecutionRow[], total: number): ChartSpec {
	const names = rows.map((r) => nameWith(r.org_name, ` ${r.year}`));
	const tip = (i: number) => {
		const r = rows[i];
		return tooltipHtml(`${r.org_name} · ${yearLabel(r.year)}`, [
			['年初预算数', formatWanExact(r.budget_initial)],
			['全年预算数', formatWanExact(r.budget_full_year)],
			['调整幅度', formatPercentDelta(r.adjustment)]
		]);
	};
	const labels = rows.map((r) => `${flagPrefix(r.flagged)}${formatPercentDelta(r.adjustment)}`);
	const frame = moneyBarsFrame(names, tip);
	const option: ECOption = {
		...frame,
		grid: { ...frame.grid, right: labelRoom(labels, 24) },
		series: [
			{
				type: 'bar',
				name: '年初预算数',
				cursor: 'pointer',
				itemStyle: { color: BUDGET_COLOR },
				data: rows.map((r) => ({ value: r.budget_initial, org_id: r.org_id }))
			},
			{
				type: 'bar',
				name: '全年预算数',
				cursor: 'pointer',
				itemStyle: { color: PALETTE[0] },
				label: barEndLabels(labels),
				data: rows.map((r) => ({
					value: r.budget_full_year,
					org_id: r.org_id,
					itemStyle: markStyle(false, r.flagged, PALETTE[0])
				}))
			}
		]
	} as ECOption;
	return {
		id: 'budget-adjustment',
		title: '年初预算与全年预算（预算调整）',
		description: '年初预算数与调整后的全年预算数对比，标签为调整幅度，按调整幅度绝对值由大到小。',
		option,
		table: {
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'budget_initial', label: '年初预算数（万元）', kind: 'wan' },
				{ key: 'budget_full_year', label: '全年预算数（万元）', kind: 'wan' },
				{ key: 'adjustment', label: '调整幅度', kind: 'percent_delta' }
			],
			rows: rows.map((r) => ({
				values: {
					org_name: r.org_name,
					year: r.year,
					budget_initial: r.budget_initial,
					budget_full_year: r.budget_full_year,
					adjustment: r.adjustment
				},
				org_id: r.org_id,
				flagged: r.flagged ? ['budget_full_year'] : []
			}))
		},
		empty: rows.length === 0,
		notes: [
			...markNotes(
				false,
				rows.some((r) => r.flagged)
			),
			...shownNote(total, rows.length, '部门年度有年初和全年预算数', '调整幅度最大')
		],
		height: moneyBarsHeight(rows.length)
	};
}

/** Line: median execution rate per year, with the number of low-execution departments. */
export function executionByYear(rows: readonly ExecutionYearRow[]): ChartSpec {
	const option: ECOption = {
		...baseOption(),
		...legendBelow(),
		tooltip: {
			...baseOption().tooltip,
			trigger: 'axis',
			formatter: (ps: unknown) => {
				const i = (ps as { dataIndex: number }[])[0]?.dataIndex ?? 0;
				const r = rows[i];
				return tooltipHtml(yearLabel(r.year), [
					['执行率中位数', formatPercent(r.median_rate)],
					['部门数', String(r.n)],
					[`低于 ${formatPercent(LOW_RATE)}`, String(r.low)]
				]);
			}
		},
		xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
		yAxis: [
			{
				type: 'value',
				name: '执行率',
				min: 0,
				max: 1,
				axisLabel: { formatter: percentAxisLabel }
			},
			{ type: 'value', name: '部门数', minInterval: 1, splitLine: { show: false } }
		],
		series: [
			{ type: 'line', name: '执行率中位数', data: rows.map((r) => r.median_rate), symbolSize: 8 },
			{
				type: 'bar',
				name: '低执行部门数',
				yAxisIndex: 1,
				barMaxWidth: 28,
				data: rows.map((r) => r.low),
				itemStyle: { color: LOW, opacity: 0.6 }
			}
		]
	} as ECOption;
	return {
		id: 'execution-by-year',
		title: '各年度执行率中位数',
		description: `各年度部门预算执行率的中位数，以及执行率低于 ${formatPercent(LOW_RATE)} 的部门数。`,
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'median_rate', label: '执行率中位数', kind: 'percent' },
				{ key: 'n', label: '部门数', kind: 'count' },
				{ key: 'low', label: `低于 ${formatPercent(LOW_RATE)} 的部门数`, kind: 'count' }
			],
			rows: rows.map((r) => ({ values: { year: r.year, median_rate: r.median_rate, n: r.n, low: r.low } }))
		},
		empty: rows.length === 0,
		height: 280
	};
}
