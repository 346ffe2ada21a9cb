/**
 * npm run bench:site -- [--runs N] [--synthetic] [--count N] [--build DIR] [--no-write]
 *
 * Cold loads of the built site (build/, run `npm run build` first) in fresh headless Chromium
 * contexts over loopback, N runs, min/median/max — and, in the same run, a bare page that only
 * instantiates the same DuckDB-WASM bundle (the floor). Measures:
 *   - first contentful paint of `/` (its charts are prerendered SVG in the HTML);
 *   - time until filters are live (every dashboard table loaded in DuckDB-WASM) vs the floor;
 *   - a filter change re-rendering all charts of `/` and `/sangong/` (input → charts updated);
 *   - JavaScript that `/` loads before DuckDB (gzip);
 *   - the SQL console (`/sql/`): ready (editor + DuckDB + every table but facts and findings) vs the floor, a GROUP BY
 *     run from the console (warm, click → grid rendered), and 100,000 result rows rendered with
 *     the main thread's long tasks recorded (PerformanceObserver 'longtask').
 * With --synthetic the same build is served with the tables of a clearly synthetic corpus
 * (generated under bench-out/, never data/) swapped in for /tables/ (contract and derived), so
 * the live queries and charts run on 10,000 reports (the prerendered pages stay those of build/). With --build DIR
 * another build is measured instead of build/, e.g. the whole 10,000-report site of
 * `npm run bench:build` (bench-out/build-10k/). Results go to BENCHMARKS.md (between bench:site
 * markers).
 *
 * The parts live in scripts/bench/: serving, the floors, the measures, the report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { chromium } from 'playwright-core';
import { writeBenchSection } from './bench/benchmarks-md';
import { buildFloor } from './bench/floor';
import { measureCorpus } from './bench/measure-corpus';
import { type Corpus, corpusReport, machineNotes } from './bench/report';
import { serve } from './bench/serve';
import { readManifest, reportCount, syntheticDatasets, syntheticTables } from './bench/synthetic';
import { CHROMIUM_LAUNCH } from './lib/chromium';

const ROOT = path.resolve('.');
const OUT = path.join(ROOT, 'bench-out/site');
const FLOOR_SRC = path.join(OUT, 'floor-src');
const FLOOR = path.join(OUT, 'floor');
const SYN_CORPUS = path.join(OUT, 'corpus');
const SYN_DATASETS = path.join(OUT, 'synthetic-datasets');
const SYN_TABLES = path.join(OUT, 'synthetic-tables');
const CHROMIUM = CHROMIUM_LAUNCH.executablePath;

const program = new Command()
	.name('bench-site')
	.option('-r, --runs <n>', 'cold loads per measurement', (v) => Number.parseInt(v, 10), 5)
	.option('--synthetic', 'also measure on the synthetic corpus (generated once under bench-out/site/)')
	.option('-n, --count <n>', 'synthetic reports', (v) => Number.parseInt(v, 10), 10_000)
	.option('--build <dir>', 'the build to measure (served at the root)', 'build')
	.option('--no-write', 'do not update BENCHMARKS.md')
	.parse(process.argv);
const opts = program.opts<{
	runs: number;
	synthetic?: boolean;
	count: number;
	build: string;
	write: boolean;
}>();
const BUILD = path.resolve(opts.build);

async function main() {
	if (!existsSync(path.join(BUILD, 'index.html'))) {
		console.error(`${opts.build} is missing: run \`npm run build\` first`);
		process.exit(2);
	}
	if (!existsSync(CHROMIUM)) {
		console.error(`${CHROMIUM} is missing: apt-get install -y chromium`);
		process.exit(2);
	}
	await buildFloor(FLOOR_SRC, FLOOR);
	// Another build (--build) is a whole site of its own corpus, not the seeds.
	const seeds = opts.build === 'build';
	const corpora: (Corpus & { tables: string | null })[] = [
		{
			name: seeds ? 'seeds' : 'build',
			title: seeds ? 'Seed reports' : `Site built in ${opts.build}`,
			tables: null,
			reports: reportCount(readManifest(path.join(BUILD, 'datasets')))
		}
	];
	if (opts.synthetic) {
		const m = await syntheticDatasets(opts.count, SYN_CORPUS, SYN_DATASETS);
		await syntheticTables(SYN_DATASETS, SYN_TABLES);
		corpora.push({
			name: 'synthetic',
			title: 'Synthetic corpus',
			tables: SYN_TABLES,
			reports: reportCount(m)
		});
	}

	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	const lines: string[] = [];
	const results: Record<string, unknown> = {};
	try {
		for (const c of corpora) {
			const mounts: [string, string][] = [['/__floor/', FLOOR]];
			if (c.tables) mounts.push(['/tables/', c.tables]);
			const { server, origin } = await serve(BUILD, mounts);
			try {
				const site = { origin, build: BUILD, floor: FLOOR };
				const samples = await measureCorpus(browser, site, opts.runs, c.name === 'seeds');
				const r = corpusReport(c, opts.runs, samples);
				results[c.name] = r.results;
				lines.push(...r.lines);
			} finally {
				server.close();
			}
		}
	} finally {
		await browser.close();
	}

	const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
	const report = [...lines, ...machineNotes(chromiumVersion, process.argv.slice(2))].join('\n');
	console.log(report);
	writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, '\t'));

	if (opts.write) {
		await writeBenchSection(path.join(ROOT, 'BENCHMARKS.md'), report);
		console.error('updated BENCHMARKS.md');
	}
}

await main();
