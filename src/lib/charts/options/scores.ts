/** 自评得分 charts: rows from `db/queries/scores` → options + tables. */
import { formatCount, formatPercent, formatScore, yearLabel } from '../../format';
import { LOW_RATE } from '../../db/queries/execution';
import {
	type GradeRow,
	HIGH_SCORE,
	SCORE_BINS,
	type ScoreBinRow,
	type ScoreBoxRow,
	type ScorePointRow
} from '../../db/queries/scores';
import type { ECOption } from '../echarts';
import type { ChartSpec } from '../spec';
import {
	FLAG_POINT_NOTE,
	LOW,
	OK,
	PALETTE,
	baseOption,
	itemTooltip,
	markNotes,
	markStyle,
	percentAxisLabel,
	pointSymbol,
	rateAxisMax,
	tooltipHtml
} from './common';
import { legendBelow } from './legend';

export const binLabel = (bin: number): string => {
	if (bin === 0) return `<${SCORE_BINS[0]}`;
	const i = SCORE_BINS.indexOf(bin as (typeof SCORE_BINS)[number]);
	const hi = SCORE_BINS[i + 1];
	return hi === 100 ? `${bin}–100` : `${bin}–${hi}`;
};
const ALL_BINS = [0, ...SCORE_BINS.slice(0, -1)];

/** Histogram: departments per score bin, one series per year. */
export function scoreHistogram(rows: readonly ScoreBinRow[], compact = false): ChartSpec {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	const bins = ALL_BINS.filter((b) => b >= Math.min(...rows.map((r) => r.bin), 80) || b === 0);
	const n = new Map(rows.map((r) => [`${r.year}|${r.bin}`, r.n]));
	const option: ECOption = {
		...baseOption(compact),
		...legendBelow(compact),
		tooltip: { ...baseOption().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: bins.map(binLabel), name: '分' },
		yAxis: { type: 'value', name: '部门数', minInterval: 1 },
		series: years.map((y, i) => ({
			type: 'bar' as const,
			name: `${y}年`,
			stack: 'n',
			barMaxWidth: 48,
			itemStyle: { color: PALETTE[i % PALETTE.length] },
			data: bins.map((b) => n.get(`${y}|${b}`) ?? 0)
		}))
	} as ECOption;
	return {
		id: compact ? 'score-histogram-small' : 'score-histogram',
		title: '自评得分分布',
		description: '各得分区间的部门数，按年度堆叠（满分 100）。',
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'bin', label: '得分区间', kind: 'text' },
				{ key: 'n', label: '部门数', kind: 'count' }
			],
			rows: rows.map((r) => ({ values: { year: r.year, bin: binLabel(r.bin), n: r.n } }))
		},
		empty: rows.length === 0,
		height: compact ? 240 : 300
	};
}

/** Boxplot: score distribution per year. */
export function scoreBoxplot(rows: readonly ScoreBoxRow[]): ChartSpec {
	const option: ECOption = {
		...baseOption(),
		tooltip: itemTooltip((i) => {
			const r = rows[i];
			return tooltipHtml(`${yearLabel(r.year)}（${r.n} 个部门）`, [
				['最高', formatScore(r.max)],
				['上四分位', formatScore(r.q3)],
				['中位数', formatScore(r.median)],
				['下四分位', formatScore(r.q1)],
				['最低', formatScore(r.min)]
			]);
		}),
		xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
		yAxis: {
			type: 'value',
			name: '分',
			min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10),
			max: 100
		},
		series: [
			{
				type: 'boxplot',
				name: '自评得分',
				itemStyle: { color: '#dce8f6', borderColor: PALETTE[0] },
				data: rows.map((r) => [r.min, r.q1, r.median, r.q3, r.max])
			}
		]
	} as ECOption;
	return {
		id: 'score-boxplot',
		title: '自评得分箱线图（按年度）',
		description: '各年度自评得分的最低、下四分位、中位数、上四分位和最高值。',
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'n', label: '部门数', kind: 'count' },
				{ key: 'min', label: '最低', kind: 'score' },
				{ key: 'q1', label: '下四分位', kind: 'score' },
				{ key: 'median', label: '中位数', kind: 'score' },
				{ key: 'q3', label: '上四分位', kind: 'score' },
				{ key: 'max', label: '最高', kind: 'score' }
			],
			rows: rows.map((r) => ({ values: { ...r } }))
		},
		empty: rows.length === 0,
		height: 300
	};
}

const GRADES = ['优', '良', '中', '差'] as const;
const GRADE_COLORS: Record<string, string> = {
	优: '#1e7d4f',
	良: '#56B4E9',
	中: '#E69F00',
	差: '#c0392b',
	未披露: '#b8bec8'
};

/** Stacked bars: grade counts per year; NULL grade is “未披露”. */
export function gradeCounts(rows: readonly GradeRow[]): ChartSpec {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	const grades = [
		...GRADES.filter((g) => rows.some((r) => r.grade === g)),
		...(rows.some((r) => r.grade == null) ? ['未披露'] : [])
	];
	const others = [
		...new Set(
			rows
				.map((r) => r.grade)
				.filter((g): g is string => g != null && !(GRADES as readonly string[]).includes(g))
		)
	];
	const all = [...grades, ...others];
	const n = new Map(rows.map((r) => [`${r.year}|${r.grade ?? '未披露'}`, r.n]));
	const option: ECOption = {
		...baseOption(),
		...legendBelow(),
		tooltip: { ...baseOption().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
		yAxis: { type: 'value', name: '部门数', minInterval: 1 },
		series: all.map((g) => ({
			type: 'bar' as const,
			name: g,
			stack: 'grade',
			barMaxWidth: 48,
			itemStyle: { color: GRADE_COLORS[g] ?? '#999' },
			data: years.map((y) => n.get(`${y}|${g}`) ?? 0)
		}))
	} as ECOption;
	return {
		id: 'grade-counts',
		title: '自评等级（按年度）',
		description: '各年度自评等级为优、良、中、差的部门数；报告未写明等级的记为“未披露”。',
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'grade', label: '等级', kind: 'text' },
				{ key: 'n', label: '部门数', kind: 'count' }
			],
			rows: rows.map((r) => ({ values: { year: r.year, grade: r.grade ?? '未披露', n: r.n } }))
		},
		empty: rows.length === 0,
		height: 280
	};
}

const isHighLow = (r: ScorePointRow) => r.score >= HIGH_SCORE && r.rate < LOW_RATE;

/** Scatter: score vs execution rate; the high-score/low-execution corner is shaded. */
export function scoreVsExecution(rows: readonly ScorePointRow[], total: number): ChartSpec {
	const xMin = Math.floor(Math.min(0.5, ...rows.map((r) => r.rate)) * 10) / 10;
	const option: ECOption = {
		...baseOption(),
		grid: { left: 8, right: 32, top: 40, bottom: 8 },
		tooltip: {
			...baseOption().tooltip,
			trigger: 'item',
			formatter: (p: unknown) => {
				const r = rows[(p as { data: { i: number } }).data?.i ?? -1];
				if (!r) return '';
				return tooltipHtml(
					`${r.org_name} · ${yearLabel(r.year)}`,
					[
						['自评得分', formatScore(r.score)],
						['等级', r.grade ?? '未披露'],
						['预算执行率', formatPercent(r.rate)]
					],
					[isHighLow(r) ? '高分低执行' : '', r.flagged ? '涉及核查发现' : ''].filter(Boolean).join('；') ||
						undefined
				);
			}
		},
		xAxis: {
			type: 'value',
			name: '预算执行率',
			nameLocation: 'middle',
			nameGap: 28,
			min: xMin,
			max: rateAxisMax,
			axisLabel: { formatter: percentAxisLabel }
		},
		yAxis: {
			type: 'value',
			name: '自评得分',
			min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10),
			max: 100
		},
		series: [
			{
				type: 'scatter',
				name: '部门年度',
				symbolSize: 11,
				cursor: 'pointer',
				data: rows.map((r, i) => ({
					value: [r.rate, r.score],
					i,
					org_id: r.org_id,
					symbol: pointSymbol(r.flagged),
					itemStyle: markStyle(false, r.flagged, isHighLow(r) ? LOW : OK)
				})),
				markArea: {
					silent: true,
					itemStyle: { color: 'rgba(192, 57, 43, 0.08)' },
					label: { show: true, position: 'insideTopLeft', formatter: '高分低执行', color: LOW },
					data: [
						[
							{ xAxis: xMin, yAxis: HIGH_SCORE },
							{ xAxis: LOW_RATE, yAxis: 100 }
						]
					]
				}
			}
		]
	} as ECOption;
	return {
		id: 'score-vs-execution',
		title: '自评得分与预算执行率',
		description: `每个点是一个部门年度。左上角阴影区为自评得分不低于 ${HIGH_SCORE} 分、执行率却低于 ${formatPercent(LOW_RATE)} 的“高分低执行”。`,
		option,
		table: {
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'score', label: '自评得分', kind: 'score' },
				{ key: 'grade', label: '等级', kind: 'text' },
				{ key: 'rate', label: '预算执行率', kind: 'percent' }
			],
			rows: rows.map((r) => ({
				values: { org_name: r.org_name, year: r.year, score: r.score, grade: r.grade, rate: r.rate },
				org_id: r.org_id,
				flagged: r.flagged ? ['score'] : []
			}))
		},
		empty: rows.length === 0,
		notes: [
			'红色：高分低执行',
			...markNotes(
				false,
				rows.some((r) => r.flagged),
				FLAG_POINT_NOTE
			),
			...(total > rows.length
				? [`共 ${formatCount(total)} 个部门年度，显示其中 ${formatCount(rows.length)} 个（高分低执行优先）。`]
				: [])
		],
		height: 360
	};
}
