/**
 * npm run bench:trace-paint -- [--url URL | --build DIR] [--runs N] [--no-js] [ROUTE...]
 *
 * Main-thread time before first paint, by kind of work, from a Chromium trace of each cold load
 * (fresh context per load; medians over the runs): how long the main thread was busy from
 * navigation start to the first contentful paint, and in style, layout, font lookups, HTML
 * parse, script and paint (scripts/bench/paint-trace.ts). Routes default to `/`. `--no-js`
 * loads the pages with JavaScript off: what the prerendered HTML and CSS cost alone.
 */
import { Command } from 'commander';
import { chromium } from 'playwright-core';
import {
	PAINT_TRACE_CATEGORIES,
	type PaintSummary,
	type TraceEvent,
	summarizePaintTrace
} from './bench/paint-trace';
import { stats } from './bench/stats';
import { openTarget, positiveInt, routeUrl, runCli, targetOptions, type TargetOptions } from './bench/cli';
import { CHROMIUM_LAUNCH } from './lib/chromium';

const program = targetOptions(
	new Command()
		.name('bench-trace-paint')
		.description('main-thread time before first paint, by kind of work, from Chromium traces')
		.argument('[routes...]', 'routes to load', ['/'])
		.option('-r, --runs <n>', 'cold loads per route', positiveInt('--runs'), 5)
		.option('--no-js', 'load with JavaScript off')
);

async function main() {
	program.parse(process.argv);
	const opts = program.opts<TargetOptions & { runs: number; js: boolean }>();
	const routes = program.processedArgs[0] as string[];
	const target = await openTarget(opts);
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	const byRoute = new Map<string, { fcp: number; trace: PaintSummary }[]>(routes.map((r) => [r, []]));
	try {
		for (let run = 0; run < opts.runs; run++) {
			for (const route of routes) {
				const ctx = await browser.newContext({ javaScriptEnabled: opts.js });
				const page = await ctx.newPage();
				await browser.startTracing(page, { categories: PAINT_TRACE_CATEGORIES });
				await page.goto(routeUrl(target.base, route));
				await page
					.waitForFunction(
						() => performance.getEntriesByName('first-contentful-paint').length > 0,
						undefined,
						{
							timeout: 5000
						}
					)
					.catch(() => {}); // reported below as no paint
				const fcp = await page.evaluate(
					() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
				);
				const buf = await browser.stopTracing();
				await ctx.close();
				const trace = summarizePaintTrace(
					(JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents
				);
				if (trace) byRoute.get(route)!.push({ fcp, trace });
				else console.error(`${route}: no first contentful paint in the trace of run ${run + 1}`);
			}
		}
	} finally {
		await browser.close();
		target.close();
	}
	for (const [route, runs] of byRoute) console.log(describe(route, runs, opts.js));
}

const median = (xs: number[]) => {
	const ok = xs.filter((x) => !Number.isNaN(x));
	return ok.length ? stats(ok).median : Number.NaN;
};
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} ms`);

/** One route's medians: the headline, then every kind of work that took 0.5 ms or more. */
function describe(route: string, runs: { fcp: number; trace: PaintSummary }[], js: boolean): string {
	if (runs.length === 0) return `${route}: no run painted\n`;
	const t = runs.map((r) => r.trace);
	const lines = [
		`${route} (${runs.length} runs, JavaScript ${js ? 'on' : 'off'}, medians): first contentful paint ${ms(median(runs.map((r) => r.fcp)))}; main thread busy ${ms(median(t.map((x) => x.busyMs)))} from navigation start to it`
	];
	for (const label of Object.keys(t[0].events)) {
		const total = median(t.map((x) => x.events[label].ms));
		if (total < 0.5) continue;
		const count = median(t.map((x) => x.events[label].count));
		lines.push(
			`  ${label.padEnd(22)} ${total.toFixed(1).padStart(7)} ms  ${String(count).padStart(5)} events`
		);
	}
	return `${lines.join('\n')}\n`;
}

runCli(main);
