/**
 * The console's state in the URL, so a link reproduces the query and the chart:
 * `?q=<sql>&chart=bar|line|scatter&x=<column>&y=<column>[&y=<column>…]`. Pure.
 */

export const CHART_KINDS = ['bar', 'line', 'scatter'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartChoice {
	readonly kind: ChartKind;
	readonly x: string;
	readonly y: readonly string[];
}

export interface ConsoleUrlState {
	readonly sql: string;
	readonly chart: ChartChoice | null;
}

const isKind = (v: string | null): v is ChartKind => CHART_KINDS.includes(v as ChartKind);

export function decodeConsoleState(params: URLSearchParams): ConsoleUrlState {
	const sql = params.get('q') ?? '';
	const kind = params.get('chart');
	const x = params.get('x');
	const y = params.getAll('y').filter(Boolean);
	const chart = isKind(kind) && x && y.length ? { kind, x, y } : null;
	return { sql, chart };
}

/** `?q=…` (or '' for an empty console); keeps no other parameter. */
export function encodeConsoleState(state: ConsoleUrlState): string {
	const p = new URLSearchParams();
	if (state.sql.trim()) p.set('q', state.sql);
	if (state.chart) {
		p.set('chart', state.chart.kind);
		p.set('x', state.chart.x);
		for (const y of state.chart.y) p.append('y', y);
	}
	const s = p.toString();
	return s ? `?${s}` : '';
}
