/**
 * What an option builder returns: the ECharts option plus the same numbers as an accessible
 * table (the “数据表” toggle and the CSV download), so chart and table cannot disagree.
 */
import type { PlainValue } from '../db/connector';
import type { ECOption } from './echarts';

/**
 * How a cell is formatted; also decides the CSV header unit. `growth`: the change against the
 * year before, of two disclosed values; null means the year before was 0 (no rate), not 未披露.
 */
export type CellKind =
	'text' | 'org' | 'year' | 'wan' | 'wan_delta' | 'percent' | 'percent_delta' | 'growth' | 'score' | 'count';

export interface TableColumn {
	readonly key: string;
	readonly label: string;
	readonly kind: CellKind;
}

export interface TableRow {
	readonly values: Readonly<Record<string, PlainValue>>;
	/** Department the row is about (links to its page). */
	readonly org_id?: string;
	/** Keys of derived (推算) values in this row. */
	readonly derived?: readonly string[];
	/** Keys of values with a consistency finding in this row. */
	readonly flagged?: readonly string[];
}

export interface DataTable {
	readonly columns: readonly TableColumn[];
	readonly rows: readonly TableRow[];
}

export interface ChartSpec {
	/** Stable id, also the download file name. */
	readonly id: string;
	readonly title: string;
	/** One or two sentences describing what the chart shows (aria-label, print caption). */
	readonly description: string;
	readonly option: ECOption;
	readonly table: DataTable;
	/** Nothing to draw: the chart shows its empty state instead. */
	readonly empty: boolean;
	/** What the empty state says, when more can be said than “no data” (e.g. no increases). */
	readonly emptyText?: string;
	/** Extra lines under the chart (legend for marks, truncation notes). */
	readonly notes?: readonly string[];
	readonly height?: number;
}
