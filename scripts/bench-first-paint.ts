/**
 * npm run bench:first-paint -- [--runs N] [--route /] [--no-js] [--live] [--latency MS] DIR [DIR...]
 *
 * First contentful paint of one route of several builds, side by side: every build served at once
 * on its own loopback port, each round loads every build once in a fresh browser context, in a new
 * random order, so a busy moment of this 2-core machine falls on all of them alike. Prints
 * min / median / max per build; `--live` also waits for the dashboard tables (`html[data-db-ms]`)
 * and reports that time, to see that a faster paint does not cost the live page. `--latency`
 * adds that many ms to every request (Chromium's network emulation): a portal reached over a real
 * network instead of loopback, where a chain of imports costs a round trip per level. What session 10's
 * A/B figures in BENCHMARKS.md come from (two copies of build/ from two commits).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { chromium, type Page } from 'playwright-core';
import { nonNegativeInt, positiveInt, routeUrl, runCli } from './bench/cli';
import { serve } from './bench/serve';
import { stats } from './bench/stats';
import { CliError } from './lib/cli-error';
import { CHROMIUM_LAUNCH } from './lib/chromium';

const program = new Command()
	.name('bench-first-paint')
	.description('first contentful paint of builds side by side (interleaved cold loads)')
	.argument('<dirs...>', 'built sites to compare')
	.option('-r, --runs <n>', 'cold loads per build', positiveInt('--runs'), 30)
	.option('--route <route>', 'the route to load', '/')
	.option('--no-js', 'load with JavaScript off')
	.option('--live', 'also wait for the dashboard tables and report that time')
	.option('--latency <ms>', 'emulated latency added to every request', nonNegativeInt('--latency'), 0);

/** Polls from outside the page: with JavaScript off, waitForFunction cannot run in it. */
async function firstPaint(page: Page): Promise<number> {
	for (let i = 0; i < 200; i++) {
		const ms = await page.evaluate(
			() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
		);
		if (ms !== null) return ms;
		await new Promise((r) => setTimeout(r, 25));
	}
	return Number.NaN;
}

async function main() {
	program.parse(process.argv);
	const opts = program.opts<{ runs: number; route: string; js: boolean; live: boolean; latency: number }>();
	const dirs = program.processedArgs[0] as string[];
	for (const d of dirs)
		if (!existsSync(path.join(d, 'index.html'))) throw new CliError(`${d} holds no site`, { exitCode: 2 });
	const sites = await Promise.all(dirs.map((d) => serve(path.resolve(d))));
	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	const fcp: number[][] = dirs.map(() => []);
	const live: number[][] = dirs.map(() => []);
	try {
		for (let run = 0; run < opts.runs; run++) {
			const order = dirs.map((_, i) => i).sort(() => Math.random() - 0.5);
			for (const i of order) {
				const ctx = await browser.newContext({ javaScriptEnabled: opts.js });
				const page = await ctx.newPage();
				if (opts.latency > 0) {
					const cdp = await ctx.newCDPSession(page);
					await cdp.send('Network.emulateNetworkConditions', {
						offline: false,
						latency: opts.latency,
						downloadThroughput: -1,
						uploadThroughput: -1
					});
				}
				await page.goto(routeUrl(sites[i].origin, opts.route));
				fcp[i].push(await firstPaint(page));
				if (opts.live) {
					await page.locator('html[data-db-ms]').waitFor({ state: 'attached', timeout: 60_000 });
					live[i].push(Number(await page.evaluate(() => document.documentElement.dataset.dbMs)));
				}
				await ctx.close();
			}
		}
	} finally {
		await browser.close();
		for (const s of sites) s.server.close();
	}
	const fmt = (xs: number[]) => {
		const s = stats(xs.filter((x) => !Number.isNaN(x)));
		return `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`;
	};
	console.log(
		`${opts.route}, ${opts.runs} interleaved cold loads per build, JavaScript ${opts.js ? 'on' : 'off'}${opts.latency ? `, ${opts.latency} ms added latency` : ''} (min / median / max)`
	);
	dirs.forEach((d, i) =>
		console.log(
			`  ${d.padEnd(32)} first contentful paint ${fmt(fcp[i])}${opts.live ? `; filters live ${fmt(live[i])}` : ''}`
		)
	);
}

runCli(main);
