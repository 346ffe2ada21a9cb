/**
 * The legend under the plot. It wraps onto as many rows as its names need, so every name stays
 * visible on a phone (a paged legend showed one department of three at 330 px, and 部门对比 is
 * about telling them apart). ECharts does not make room for a wrapped legend itself: the chart
 * asks `fitLegend` for the rows at its width and grows by that much.
 */
import type { ECOption } from '../echarts';
import { textWidth } from './text-width';

/** ECharts' layout of a horizontal legend: row pitch, icon, gap icon→text, gap between items. */
const ROW = 20;
const ICON = 14;
const TEXT_GAP = 5;
const ITEM_GAP = 10;
/** The legend's padding (5 px a side) and a margin for widths that are only estimated. */
const SLACK = 20;

/** The grid's room below the plot for one legend row, with axis labels and names kept above it. */
const BOTTOM = 30;

/**
 * Legend under the plot (the y-axis name sits above it), with room in the grid. The axis labels
 * and names must stay above the legend too (`outerBounds`): by default ECharts 6 lets them run to
 * 5 px from the chart's edge, onto the legend.
 */
export function legendBelow(compact = false): Pick<ECOption, 'legend' | 'grid'> {
	return {
		legend: {
			bottom: 0,
			type: 'plain',
			itemWidth: ICON,
			itemHeight: 10,
			itemGap: ITEM_GAP,
			textStyle: { fontSize: compact ? 11 : 12 }
		},
		grid: {
			left: 8,
			right: compact ? 8 : 24,
			top: compact ? 28 : 40,
			bottom: BOTTOM,
			outerBounds: { left: 5, right: 5, top: 5, bottom: BOTTOM }
		}
	} as Pick<ECOption, 'legend' | 'grid'>;
}

/** Rows a horizontal legend of these names takes at `width` px, filled left to right as ECharts does. */
export function legendRows(names: readonly string[], width: number, fontSize: number): number {
	const max = width - SLACK;
	let rows = names.length > 0 ? 1 : 0;
	let x = 0;
	for (const n of names) {
		const w = ICON + TEXT_GAP + textWidth(n, fontSize);
		if (x > 0 && x + w > max) {
			rows++;
			x = 0;
		}
		x += w + ITEM_GAP;
	}
	return rows;
}

interface LegendParts {
	legend?: { type?: string; textStyle?: { fontSize?: number } };
	series?: { name?: string }[];
	grid?: { bottom?: number; outerBounds?: Record<string, number> };
}

/**
 * The option with room for every legend row at `width`, and the extra height (px) the chart needs
 * for it. Options without a wrapping legend come back as they are, with no extra height.
 */
export function fitLegend(option: ECOption, width: number): { option: ECOption; room: number } {
	const o = option as LegendParts;
	if (o.legend?.type !== 'plain' || !o.grid) return { option, room: 0 };
	const names = [...new Set((o.series ?? []).flatMap((s) => (s.name ? [s.name] : [])))];
	const room = Math.max(0, legendRows(names, width, o.legend.textStyle?.fontSize ?? 12) - 1) * ROW;
	if (room === 0) return { option, room };
	const { outerBounds } = o.grid;
	const grid = {
		...o.grid,
		bottom: (o.grid.bottom ?? BOTTOM) + room,
		...(outerBounds && { outerBounds: { ...outerBounds, bottom: (outerBounds.bottom ?? BOTTOM) + room } })
	};
	return { option: { ...option, grid } as ECOption, room };
}
