/**
 * The one ECharts entry: `echarts/core` plus only the charts and components this site draws
 * (about half the size of the full build), SVG renderer, shared by the browser and the
 * build-time SSR renderer. Option builders import only the `ECOption` type from here.
 */
import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import type {
	BarSeriesOption,
	BoxplotSeriesOption,
	LineSeriesOption,
	ScatterSeriesOption
} from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TooltipComponent
} from 'echarts/components';
import type {
	AriaComponentOption,
	GridComponentOption,
	LegendComponentOption,
	MarkAreaComponentOption,
	MarkLineComponentOption,
	TooltipComponentOption
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([
	BarChart,
	BoxplotChart,
	LineChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TooltipComponent,
	SVGRenderer
]);

export type ECOption = ComposeOption<
	| BarSeriesOption
	| BoxplotSeriesOption
	| LineSeriesOption
	| ScatterSeriesOption
	| AriaComponentOption
	| GridComponentOption
	| LegendComponentOption
	| MarkAreaComponentOption
	| MarkLineComponentOption
	| TooltipComponentOption
>;

export { init };
export type { EChartsType } from 'echarts/core';
