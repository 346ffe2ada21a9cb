/**
 * npm run bench:profile-filters -- [--url URL | --build DIR] [--route R] [--changes N]
 *                                   [--warmup N] [--top N] [--function NAME] [--save FILE]
 *
 * A V8 CPU profile of the main thread over filter changes on a live dashboard page: the page is
 * loaded until its filters and charts are live, warmed up with two changes (`--warmup`; 0 profiles
 * the first change a user makes), then profiled
 * (200 µs sampling) over N changes of the year select — the same change bench:site times
 * (scripts/bench/live-page.ts). Prints each change's time and the functions with the most self
 * and total time (scripts/bench/cpu-profile.ts); `--function` adds the call chains leading to
 * one function; `--save` writes the profile for DevTools' Performance panel.
 */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { chromium } from 'playwright-core';
import { type CpuProfile, callersOf, timesByFunction, top } from './bench/cpu-profile';
import { changeFilterTimes, openLive } from './bench/live-page';
import {
	nonNegativeInt,
	openTarget,
	positiveInt,
	routeUrl,
	runCli,
	targetOptions,
	type TargetOptions
} from './bench/cli';
import { CHROMIUM_LAUNCH } from './lib/chromium';

const program = targetOptions(
	new Command()
		.name('bench-profile-filters')
		.description('CPU profile of the main thread over filter changes on a live dashboard page')
		.option('--route <route>', 'the dashboard page', '/sangong/')
		.option('-k, --changes <n>', 'profiled filter changes', positiveInt('--changes'), 6)
		.option('-w, --warmup <n>', 'changes before profiling', nonNegativeInt('--warmup'), 2)
		.option('--top <n>', 'rows per list', positiveInt('--top'), 30)
		.option('--function <name>', 'also list the call chains leading to this function')
		.option('--save <file>', 'write the profile (.cpuprofile, for DevTools)')
);

async function main() {
	program.parse(process.argv);
	const opts = program.opts<
		TargetOptions & {
			route: string;
			changes: number;
			warmup: number;
			top: number;
			function?: string;
			save?: string;
		}
	>();
	const target = await openTarget(opts);
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	let profile: CpuProfile;
	let times: number[];
	try {
		const page = await browser.newPage();
		await openLive(page, routeUrl(target.base, opts.route));
		await changeFilterTimes(page, opts.warmup); // the first changes prepare statements and warm code up
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
		times = await changeFilterTimes(page, opts.changes);
		profile = (await cdp.send('Profiler.stop')).profile as CpuProfile;
	} finally {
		await browser.close();
		target.close();
	}
	if (opts.save) writeFileSync(opts.save, JSON.stringify(profile));

	const row = ([k, ms]: [string, number]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`;
	const { self, total } = timesByFunction(profile);
	console.log(
		`${opts.route}: ${times.length} filter changes, ms: ${times.map((t) => t.toFixed(0)).join(' ')}`
	);
	console.log(`self time, top ${opts.top}:`);
	console.log(top(self, opts.top).map(row).join('\n'));
	console.log(`total time (with callees), top ${opts.top}:`);
	console.log(top(total, opts.top).map(row).join('\n'));
	if (opts.function) {
		console.log(`callers of ${opts.function} (ms in it and below, by chain):`);
		console.log(top(callersOf(profile, opts.function), 6).map(row).join('\n') || '  (not sampled)');
	}
}

runCli(main);
