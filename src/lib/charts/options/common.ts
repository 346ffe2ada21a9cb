/** Shared pieces of every option: fonts, colours, marks for derived and flagged values, tooltips. */
import {
	formatPercent,
	formatPercentDelta,
	formatScore,
	formatWanDelta,
	formatWanExact,
	formatCount,
	yearLabel
} from '../../format';
import type { PlainValue } from '../../db/connector';
import type { ECOption } from '../echarts';
import type { CellKind } from '../spec';
import { legendBelow } from './legend';
import { textWidth } from './text-width';

/**
 * Same order as app.css (CJK faces first: cheaper text layout on a fresh page). Single quotes:
 * ECharts' SVG output puts this unescaped into a double-quoted style attribute.
 */
export const FONT_FAMILY =
	"'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, -apple-system, sans-serif";

/** Colour-blind-safe categorical palette (Okabe–Ito, reordered). */
export const PALETTE = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#999999',
	'#F0E442'
];
/** Increases in spending are red, decreases green (the Chinese convention). */
export const UP = '#c0392b';
export const DOWN = '#1e7d4f';
/** The lighter bar of a budget-vs-outcome pair (预算, 年初预算数). */
export const BUDGET_COLOR = '#a7b4c8';
export const LOW = '#c0392b';
export const OK = '#2b6cb0';
export const MUTED = '#8a8f98';

export const DERIVED_NOTE = '虚线框、浅色：推算值（由“比上年增减”等表述推算）或由分项相加得出的合计';
export const FLAG_NOTE = '⚠：该数值涉及一致性核查发现，详见部门页';
/** A point has no label for ⚠: its shape says it (a border colour alone is lost on a red point). */
export const FLAG_POINT_NOTE = '▲ 三角形：该点的数值涉及一致性核查发现，详见部门页';
export const pointSymbol = (flagged: boolean) => (flagged ? 'triangle' : 'circle');

/** Marks on a bar/point for derived and flagged values. */
export function markStyle(derived: boolean, flagged: boolean, color: string) {
	if (!derived && !flagged) return { color };
	return {
		color,
		opacity: derived ? 0.55 : 1,
		borderColor: flagged ? '#7a1f1f' : color,
		borderType: derived ? ('dashed' as const) : ('solid' as const),
		borderWidth: flagged ? 2 : 1.5
	};
}

export const flagPrefix = (flagged: boolean) => (flagged ? '⚠ ' : '');

/** The parts every chart shares. */
export function baseOption(compact = false): ECOption {
	return {
		aria: { enabled: true },
		color: PALETTE,
		textStyle: { fontFamily: FONT_FAMILY },
		// Filter changes redraw every chart at once; tweening them costs frames the next chart needs,
		// and the live chart taking over the prerendered SVG should not regrow its bars from zero.
		animation: false,
		grid: { left: 8, right: compact ? 8 : 24, top: compact ? 28 : 40, bottom: 8 },
		tooltip: { confine: true, renderMode: 'html', appendTo: 'body' }
	} as ECOption;
}

/** The data index of the item an ECharts formatter was called for. */
const atIndex = (p: unknown): number => (p as { dataIndex: number }).dataIndex;

/** A tooltip per item (bar, box): `tip` gets the item's data index. */
export const itemTooltip = (tip: (index: number) => string) => ({
	...baseOption().tooltip,
	trigger: 'item' as const,
	formatter: (p: unknown) => tip(atIndex(p))
});

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Report text is data, never markup: escape everything that goes into tooltip HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** Format one value by kind (tables, tooltips). */
export function formatCell(kind: CellKind, v: PlainValue): string {
	switch (kind) {
		case 'wan':
			return formatWanExact(v as number | null);
		case 'wan_delta':
			return formatWanDelta(v as number | null);
		case 'percent':
			return formatPercent(v as number | null);
		case 'percent_delta':
			return formatPercentDelta(v as number | null);
		case 'growth':
			return v == null ? '上年为 0' : formatPercentDelta(v as number);
		case 'score':
			return formatScore(v as number | null);
		case 'count':
			return formatCount(v as number | null);
		case 'year':
			return yearLabel(v as number | null);
		default:
			return v == null ? '未披露' : String(v);
	}
}

/** Tooltip HTML: a bold title and `label: value` lines, all escaped. */
export function tooltipHtml(title: string, lines: [string, string][], note?: string): string {
	const body = lines.map(([k, v]) => `<div>${escapeHtml(k)}：<b>${escapeHtml(v)}</b></div>`).join('');
	const foot = note ? `<div style="color:#555;margin-top:4px">${escapeHtml(note)}</div>` : '';
	return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(title)}</div>${body}${foot}`;
}

/** Shorten long department names on axes (tooltips and tables keep the full name). */
export function shortName(name: string, max = 12): string {
	const s = name.replace(/^(中共)?(湖南省)?/, '$1');
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Font size of bar labels (ECharts' default). */
export const LABEL_SIZE = 12;

/** Width (px) of the department names beside horizontal bars. */
export const NAME_AXIS_WIDTH = 150;

/**
 * A department's name, shortened so that name + `suffix` (a year, an item) fits `width` px at
 * 12 px: ECharts truncates a long label at its end, which cut the year off “湘西土家族苗族自治… 20…”.
 */
export function nameWith(name: string, suffix: string, width = NAME_AXIS_WIDTH): string {
	const chars = Math.floor((width - textWidth(suffix, LABEL_SIZE)) / LABEL_SIZE);
	return `${shortName(name, Math.max(2, chars))}${suffix}`;
}

/** Axis label for money in 万元. */
export const wanAxisLabel = (v: number) => (Math.abs(v) >= 10000 ? `${v / 10000}亿` : `${v}`);

/** Notes for marks actually present; points mark a finding by their shape, bars and labels by ⚠. */
export function markNotes(hasDerived: boolean, hasFlagged: boolean, flagNote = FLAG_NOTE): string[] {
	return [...(hasDerived ? [DERIVED_NOTE] : []), ...(hasFlagged ? [flagNote] : [])];
}

/** A rate axis' labels: 0.876 → 88%. */
export const percentAxisLabel = (v: number) => `${Math.round(v * 100)}%`;
/** A rate axis runs to 100%, or past it to the next tenth. */
export const rateAxisMax = (v: { max: number }) => Math.max(1, Math.ceil(v.max * 10) / 10);

/**
 * Under a chart that shows the first `shown` of `total` rows: “共 N 个<what>，显示<which>的 M 个。”
 * (nothing when every row is shown), so a top-N chart never passes for all of them.
 */
export function shownNote(total: number, shown: number, what: string, which: string): string[] {
	return total > shown
		? [`共 ${formatCount(total)} 个${what}，显示${which}的 ${formatCount(shown)} 个。`]
		: [];
}

/** Grid room (px) right of horizontal bars for their widest label: ECharts leaves none for it. */
export const labelRoom = (labels: readonly string[], min: number): number =>
	Math.max(min, Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, LABEL_SIZE)))) + 12);

/**
 * The frame of grouped horizontal bars of 万元 per department, first name on top: base style,
 * legend below, a per-bar tooltip. Names down the side stay readable at any width (under
 * vertical bars, 30 turned names overlapped on a phone).
 */
export function moneyBarsFrame(names: string[], tip: (index: number) => string): ECOption {
	const below = legendBelow();
	return {
		...baseOption(),
		...below,
		// Nothing above the plot: the axis name sits at the bottom right.
		grid: { ...below.grid, top: 12 },
		tooltip: itemTooltip(tip),
		yAxis: {
			type: 'category',
			data: names,
			inverse: true,
			axisLabel: { width: NAME_AXIS_WIDTH, overflow: 'truncate' }
		},
		xAxis: { type: 'value', name: '万元', axisLabel: { formatter: wanAxisLabel, hideOverlap: true } }
	};
}

/** Labels at the end of horizontal bars, one per data index (their room: `labelRoom`). */
export const barEndLabels = (labels: readonly string[]) => ({
	show: true,
	position: 'right' as const,
	fontSize: LABEL_SIZE,
	formatter: (p: unknown) => labels[atIndex(p)]
});

/** Height of `moneyBarsFrame` bars: two bars per name, the legend below. */
export const moneyBarsHeight = (names: number): number => Math.max(220, 100 + names * 36);
