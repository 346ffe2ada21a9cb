/**
 * ECharts is not part of a page's initial JavaScript: the prerendered SVG is shown first, and
 * the library is loaded once — when the database is ready (idle time), when a chart is touched
 * or focused, or when a chart has to show new data. `loaded` resolves for every chart at once.
 */
type EChartsModule = typeof import('./echarts');

let pending: Promise<EChartsModule> | null = null;
let resolveLoaded: (m: EChartsModule) => void = () => {};

export const loaded: Promise<EChartsModule> = new Promise((r) => (resolveLoaded = r));

export function loadECharts(): Promise<EChartsModule> {
	pending ??= import('./echarts').then(
		(m) => {
			resolveLoaded(m);
			return m;
		},
		(e: unknown) => {
			pending = null;
			throw e;
		}
	);
	return pending;
}
