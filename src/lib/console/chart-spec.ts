/**
 * A query result + the user's chart choice → a ChartSpec for the site's Chart component (same
 * ECharts setup, tooltips escaped, PNG download). Pure. At most MAX_CHART_ROWS rows are drawn;
 * the chart says so when the result is longer.
 */
import type { ECOption } from '../charts/echarts';
import { baseOption, itemTooltip, tooltipHtml, wanAxisLabel } from '../charts/options/common';
import { legendBelow } from '../charts/options/legend';
import type { CellKind, ChartSpec } from '../charts/spec';
import type { PlainValue } from '../db/connector';
import { formatCount } from '../format';
import { type ResultColumn, type ResultSet, displayValue } from './result-set';
import type { ChartChoice } from './url-state';

export const MAX_CHART_ROWS = 1000;

const kindOf = (c: ResultColumn): CellKind =>
	c.unit === '万元' ? 'wan' : c.unit === '比率' ? 'percent' : c.unit === '分' ? 'score' : 'text';

const axisFormatter = (c: ResultColumn) =>
	c.unit === '万元'
		? wanAxisLabel
		: c.unit === '比率'
			? (v: number) => `${Math.round(v * 1000) / 10}%`
			: undefined;

const axisName = (c: ResultColumn) => (c.unit && c.unit !== '比率' ? `${c.name}（${c.unit}）` : c.name);

/** The columns a choice may use: y must be numeric. Returns an error message or null. */
export function checkChoice(rs: ResultSet, choice: ChartChoice): string | null {
	const byName = new Map(rs.columns.map((c) => [c.name, c]));
	if (!byName.has(choice.x)) return `结果中没有列 ${choice.x}`;
	for (const y of choice.y) {
		const c = byName.get(y);
		if (!c) return `结果中没有列 ${y}`;
		if (!c.numeric) return `列 ${y} 不是数值，不能作为纵轴`;
	}
	if (choice.kind === 'scatter' && !byName.get(choice.x)!.numeric)
		return `散点图的横轴 ${choice.x} 须为数值列`;
	return null;
}

export function consoleChartSpec(rs: ResultSet, choice: ChartChoice, order: Uint32Array | null): ChartSpec {
	const idx = (c: string) => rs.columns.findIndex((x) => x.name === c);
	const xi = idx(choice.x);
	const yis = choice.y.map(idx);
	const n = Math.min(rs.rowCount, MAX_CHART_ROWS);
	const rows = Array.from({ length: n }, (_, i) => (order ? order[i] : i));
	const xCol = rs.columns[xi];
	const yCols = yis.map((i) => rs.columns[i]);
	const val = (c: number, r: number): PlainValue => rs.values[c][r];
	const xLabel = (r: number) => displayValue(xCol, val(xi, r), true) ?? 'NULL';
	const tip = (r: number) =>
		tooltipHtml(
			xLabel(r),
			yCols.map((c, k) => [c.name, displayValue(c, val(yis[k], r), true) ?? 'NULL'])
		);
	const base = baseOption();
	const legend = yCols.length > 1 ? legendBelow() : {};
	const yAxis = {
		type: 'value' as const,
		name: yCols.length === 1 ? axisName(yCols[0]) : (yCols[0]?.unit ?? ''),
		axisLabel: { formatter: yCols[0] ? axisFormatter(yCols[0]) : undefined },
		scale: choice.kind === 'scatter'
	};
	const option: ECOption =
		choice.kind === 'scatter'
			? ({
					...base,
					...legend,
					tooltip: {
						...base.tooltip,
						trigger: 'item',
						formatter: (p: unknown) => tip((p as { data: { r: number } }).data.r)
					},
					xAxis: {
						type: 'value',
						scale: true,
						name: axisName(xCol),
						nameLocation: 'middle',
						nameGap: 28,
						axisLabel: { formatter: axisFormatter(xCol) }
					},
					yAxis,
					grid: { left: 8, right: 24, top: 40, bottom: yCols.length > 1 ? 56 : 36 },
					series: yCols.map((c, k) => ({
						type: 'scatter' as const,
						name: c.name,
						symbolSize: 10,
						data: rows
							.filter((r) => typeof val(xi, r) === 'number' && typeof val(yis[k], r) === 'number')
							.map((r) => ({ value: [val(xi, r) as number, val(yis[k], r) as number], r }))
					}))
				} as ECOption)
			: ({
					...base,
					...legend,
					tooltip: itemTooltip((i) => tip(rows[i])),
					xAxis: {
						type: 'category',
						data: rows.map(xLabel),
						axisLabel: { rotate: n > 8 ? 30 : 0, hideOverlap: true }
					},
					yAxis,
					series: yCols.map((c, k) => ({
						type: choice.kind,
						name: c.name,
						// NULL is a gap, never 0.
						data: rows.map((r) => (typeof val(yis[k], r) === 'number' ? (val(yis[k], r) as number) : null)),
						connectNulls: false
					}))
				} as ECOption);
	const names = `${choice.x} → ${choice.y.join('、')}`;
	const kindZh = { bar: '柱状图', line: '折线图', scatter: '散点图' }[choice.kind];
	return {
		id: 'sql-chart',
		title: `${kindZh}：${names}`,
		description: `查询结果的${kindZh}，横轴 ${choice.x}，纵轴 ${choice.y.join('、')}，共 ${formatCount(n)} 行。`,
		option,
		table: {
			columns: [xCol, ...yCols].map((c) => ({ key: c.name, label: c.name, kind: kindOf(c) })),
			rows: rows.map((r) => ({
				values: Object.fromEntries([xi, ...yis].map((c) => [rs.columns[c].name, val(c, r)]))
			}))
		},
		empty: n === 0,
		notes:
			rs.rowCount > n
				? [
						`结果共 ${formatCount(rs.rowCount)} 行，图中只画出（按当前排序的）前 ${formatCount(MAX_CHART_ROWS)} 行。`
					]
				: [],
		height: 360
	};
}
