/**
 * Build-time only: an option → an SVG string, so prerendered pages show their charts before (or
 * without) any JavaScript. vite.config.ts swaps this module for an empty stub in the browser
 * bundle, so ECharts is not part of a page's initial JavaScript.
 */
import { type ECOption, init } from './echarts';

export function renderSvg(option: ECOption, width: number, height: number): string {
	const chart = init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'ZH' });
	try {
		chart.setOption({ ...option, animation: false });
		// Its <style> only holds hover rules, which mean nothing before the live chart takes over;
		// in an HTML page they are global, so each SVG's class names restyled the others' and
		// every block made the browser restyle the whole page while parsing.
		return chart.renderToSVGString().replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
	} finally {
		chart.dispose();
	}
}
