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
 * With --synthetic the same build is served with the datasets of a clearly synthetic corpus
 * (generated under bench-out/, never data/) swapped in for /datasets/, so the queries and
 * charts run on 10,000 reports (its derived/ tables stay those of build/). With --build DIR
 * another build is measured instead of build/, e.g. the whole 10,000-report site of
 * `npm run bench:build` (bench-out/build-10k/). Results go to BENCHMARKS.md (between bench:site
 * markers).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import * as prettier from 'prettier';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { ingest } from './lib/ingest';
import { MIME } from './lib/mime';
import { CHROMIUM_LAUNCH } from './lib/chromium';
import { generateCorpus } from './lib/synthetic-corpus';

const ROOT = path.resolve('.');
const OUT = path.join(ROOT, 'bench-out/site');
const FLOOR_SRC = path.join(OUT, 'floor-src');
const FLOOR = path.join(OUT, 'floor');
const SYN_CORPUS = path.join(OUT, 'corpus');
const SYN_DATASETS = path.join(OUT, 'synthetic-datasets');
const CHROMIUM = CHROMIUM_LAUNCH.executablePath;
/** Contract tables the console loads (src/lib/schema/tables.ts). */

const TARGETS = {
	fcpMs: 150,
	liveRatio: 1.3,
	filterMsSeeds: 100,
	filterMsSynthetic: 250,
	jsKb: 200,
	consoleRatio: 1.3,
	consoleGroupByMs: 200,
	longTaskMs: 100
};

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

// ---------------------------------------------------------------------------------------------
// A static server for build/ (+ the floor page, + optionally other datasets), like sirv-cli.

function serve(mounts: [prefix: string, dir: string][]): Promise<Server> {
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		let pathname = decodeURIComponent(url.pathname);
		const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p)) ?? ['/', BUILD];
		pathname = pathname.slice(prefix.length - 1);
		let file = path.join(dir, pathname);
		if (!file.startsWith(dir)) return void res.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!existsSync(file)) return void res.writeHead(404).end('not found');
		res.writeHead(200, {
			'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			'cache-control': 'no-cache'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// The floor: a page that only instantiates the same DuckDB-WASM bundle (eh/mvp, same worker).

async function buildFloor() {
	mkdirSync(FLOOR_SRC, { recursive: true });
	writeFileSync(
		path.join(FLOOR_SRC, 'index.html'),
		`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>DuckDB-WASM floor</title></head>
<body><p>DuckDB-WASM only</p><script type="module" src="./floor.ts"></script></body></html>\n`
	);
	writeFileSync(
		path.join(FLOOR_SRC, 'floor.ts'),
		`import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
performance.mark('floor:start');
const abs = (u: string) => new URL(u, location.href).href;
const bundle = await duckdb.selectBundle({
	mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
	eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) }
});
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
await db.open({});
const c = await db.connect();
await c.query('SELECT 1');
document.documentElement.dataset.floorMs = performance.now().toFixed(1);
document.documentElement.dataset.floorStart = String(performance.getEntriesByName('floor:start')[0]?.startTime ?? '');
`
	);
	await viteBuild({
		configFile: false,
		root: FLOOR_SRC,
		base: './',
		logLevel: 'warn',
		build: { outDir: FLOOR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 }
	});
	// The paint floor: a minimal Chinese page from the same server (what this machine can do at best).
	writeFileSync(
		path.join(FLOOR, 'plain.html'),
		'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>最小页面</title></head><body><h1>绩效看板</h1><p>部门整体支出绩效自评报告</p></body></html>\n'
	);
}

// ---------------------------------------------------------------------------------------------
// Synthetic datasets (10,000 reports), generated and ingested once.

async function syntheticDatasets(count: number) {
	const manifest = path.join(SYN_DATASETS, 'manifest.json');
	if (existsSync(manifest)) {
		const m = JSON.parse(readFileSync(manifest, 'utf8')) as { tables: { name: string; rows: number }[] };
		if (m.tables.find((t) => t.name === 'reports')?.rows === count) return m;
	}
	console.error(`generating ${count} synthetic reports in ${path.relative(ROOT, SYN_CORPUS)}/ …`);
	generateCorpus({ seedsDir: 'data/reports', outDir: SYN_CORPUS, count });
	await ingest({ inputs: [SYN_CORPUS], out: SYN_DATASETS }, { log: () => {} });
	return JSON.parse(readFileSync(manifest, 'utf8')) as { tables: { name: string; rows: number }[] };
}

// ---------------------------------------------------------------------------------------------
// Measurements.

interface Stats {
	min: number;
	median: number;
	max: number;
	n: number;
}
function stats(xs: number[]): Stats {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
	return { min: s[0], median, max: s[s.length - 1], n: s.length };
}

const gzCache = new Map<string, number>();
function gzipSize(url: string): number {
	const rel = decodeURIComponent(new URL(url).pathname);
	const file = rel.startsWith('/__floor/') ? path.join(FLOOR, rel.slice(8)) : path.join(BUILD, rel);
	let n = gzCache.get(file);
	if (n === undefined) {
		n = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
		gzCache.set(file, n);
	}
	return n;
}
const isDuckDbJs = (url: string, body: () => string) =>
	/duckdb-browser-(eh|mvp)\.worker/.test(url) || /AsyncDuckDB|duckdb_web|DuckDBBundles/.test(body());
const isEChartsJs = (body: string) => body.includes('_echarts_instance_');

async function measurePlainFcp(browser: Browser, origin: string): Promise<number> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${origin}/__floor/plain.html`);
	await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
	const ms = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
	await ctx.close();
	return ms;
}

async function measureFloor(browser: Browser, origin: string): Promise<number> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${origin}/__floor/`);
	await page.locator('html[data-floor-ms]').waitFor({ state: 'attached', timeout: 60_000 });
	const ms = Number(await page.evaluate(() => document.documentElement.dataset.floorMs));
	await ctx.close();
	return ms;
}

interface SiteRun {
	marks: Record<string, number>;
	fcp: number;
	live: number;
	chartsLive: number;
	jsInitialGz: number;
	jsNonDuckDbGz: number;
	echartsGz: number;
	external: string[];
}

async function measureHome(browser: Browser, origin: string): Promise<SiteRun> {
	const ctx = await browser.newContext();
	const requests: { url: string; order: number }[] = [];
	let order = 0;
	ctx.on('request', (r) => requests.push({ url: r.url(), order: order++ }));
	const page = await ctx.newPage();
	await page.goto(`${origin}/`);
	await page.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
	await page.locator('figure.chart:not([data-live])').first().waitFor({ state: 'detached', timeout: 60_000 });
	const m = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
		live: Number(document.documentElement.dataset.dbMs),
		chartsLive: performance.now(),
		ssrCharts: document.querySelectorAll('figure.chart').length,
		marks: Object.fromEntries(
			['jx:db-start', 'jx:db-modules', 'jx:db-engine'].map((n) => [
				n,
				performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN
			])
		)
	}));
	await ctx.close();

	const body = (url: string) => {
		const rel = decodeURIComponent(new URL(url).pathname);
		const f = path.join(BUILD, rel);
		return existsSync(f) ? readFileSync(f, 'utf8') : '';
	};
	const js = requests.filter((r) => new URL(r.url).pathname.endsWith('.js') && r.url.startsWith(origin));
	const firstDuck = js.find((r) => isDuckDbJs(r.url, () => body(r.url)))?.order ?? Number.POSITIVE_INFINITY;
	const initial = js.filter((r) => r.order < firstDuck);
	const nonDuck = js.filter((r) => !isDuckDbJs(r.url, () => body(r.url)));
	const sum = (rs: { url: string }[]) =>
		[...new Set(rs.map((r) => r.url))].reduce((s, r) => s + gzipSize(r), 0);
	return {
		marks: m.marks,
		fcp: m.fcp,
		live: m.live,
		chartsLive: m.chartsLive,
		jsInitialGz: sum(initial),
		jsNonDuckDbGz: sum(nonDuck),
		echartsGz: sum(js.filter((r) => isEChartsJs(body(r.url)))),
		external: requests.map((r) => r.url).filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))
	};
}

/**
 * Filter changes on a live page: pick a value in a filter <select>, time from the input event to
 * the view's render mark (set in a frame after every chart's setOption), K times per run.
 */
async function measureFilter(browser: Browser, origin: string, route: string, k = 6): Promise<number[]> {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${origin}${route}`);
	await page.locator('html[data-db="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
	await page.locator('figure.chart:not([data-live])').first().waitFor({ state: 'detached', timeout: 60_000 });
	const out: number[] = [];
	for (let i = 0; i < k; i++) {
		out.push(await changeFilter(page, i % 2 === 0));
	}
	await ctx.close();
	return out;
}

async function changeFilter(page: Page, narrow: boolean): Promise<number> {
	return page.evaluate(async (narrow) => {
		const root = document.documentElement;
		const select = document.querySelector<HTMLSelectElement>('select[name="from"]')!;
		const years = [...select.options].map((o) => o.value).filter(Boolean);
		const value = narrow ? years[years.length - 1] : '';
		const seq = root.dataset.viewSeq ?? '0';
		const done = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no re-render within 30 s')), 30_000);
			const mo = new MutationObserver(() => {
				if ((root.dataset.viewSeq ?? '0') !== seq) {
					mo.disconnect();
					clearTimeout(timer);
					resolve(performance.now());
				}
			});
			mo.observe(root, { attributes: true, attributeFilter: ['data-view-seq'] });
		});
		const t0 = performance.now();
		select.value = value;
		select.dispatchEvent(new Event('change', { bubbles: true }));
		const t1 = await done;
		// Let the browser settle before the next change.
		await new Promise((r) => setTimeout(r, 150));
		return t1 - t0;
	}, narrow);
}

// ---------------------------------------------------------------------------------------------
// The SQL console.

/** An analyst's GROUP BY: 三公 actual spending per prefecture and year, joined to reports. */
const CONSOLE_GROUP_BY = `SELECT r.prefecture, s.year, sum(s.amount_wan) AS total_wan, count(*)::INTEGER AS n
FROM sangong s JOIN reports r USING (report_id)
WHERE s.basis = 'actual'
GROUP BY r.prefecture, s.year
ORDER BY r.prefecture, s.year`;
const CONSOLE_ROWS = `SELECT range AS n, range * 0.5 AS half_wan, 'row ' || range AS label FROM range(100000)`;

async function openConsole(browser: Browser, origin: string, sql?: string) {
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${origin}/sql/`);
	await page.locator('html[data-console="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
	const [readyMs, editorMs, tablesMs] = await page.evaluate(() =>
		['jx:console-ready', 'jx:console-editor', 'jx:console-tables'].map(
			(n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN
		)
	);
	if (sql !== undefined) {
		await page.locator('.cm-content').click();
		await page.keyboard.press('Control+a');
		await page.keyboard.press('Delete');
		await page.keyboard.insertText(sql);
	}
	return { ctx, page, readyMs, editorMs, tablesMs };
}

/** Click 运行 → this run's grid rendered (the console bumps `html[data-console-run]` after render). */
async function clickRun(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const root = document.documentElement;
		const seq = root.dataset.consoleRun ?? '0';
		const done = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no result within 60 s')), 60_000);
			const mo = new MutationObserver(() => {
				if ((root.dataset.consoleRun ?? '0') !== seq) {
					mo.disconnect();
					clearTimeout(timer);
					// The frame after the DOM update: the grid is painted.
					requestAnimationFrame(() => resolve(performance.now()));
				}
			});
			mo.observe(root, { attributes: true, attributeFilter: ['data-console-run'] });
		});
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('运行'))!;
		const t0 = performance.now();
		button.click();
		return (await done) - t0;
	});
}

async function measureConsoleReady(browser: Browser, origin: string) {
	const { ctx, readyMs, editorMs, tablesMs } = await openConsole(browser, origin);
	await ctx.close();
	return { readyMs, editorMs, tablesMs };
}

/** Warm: one run first, then k timed runs of the same GROUP BY. */
async function measureConsoleGroupBy(browser: Browser, origin: string, k = 7): Promise<number[]> {
	const { ctx, page } = await openConsole(browser, origin, CONSOLE_GROUP_BY);
	await clickRun(page);
	const out: number[] = [];
	for (let i = 0; i < k; i++) out.push(await clickRun(page));
	await ctx.close();
	return out;
}

/** 100,000 rows: click → grid rendered, then a scroll to the end; every long task meanwhile. */
async function measureConsoleRows(browser: Browser, origin: string) {
	const { ctx, page } = await openConsole(browser, origin, CONSOLE_ROWS);
	await page.evaluate(() => {
		const w = window as unknown as { __longTasks: number[] };
		w.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
	});
	const renderMs = await clickRun(page);
	await page.evaluate(async () => {
		const el = document.querySelector('.grid-scroll')!;
		for (let i = 1; i <= 20; i++) {
			el.scrollTop = (el.scrollHeight * i) / 20;
			await new Promise((r) => requestAnimationFrame(() => r(null)));
		}
	});
	await page.waitForTimeout(300);
	const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
	const rows = await page.getByTestId('result-summary').innerText();
	await ctx.close();
	return { renderMs, longTasks, rows };
}

// ---------------------------------------------------------------------------------------------

const fmt = (s: Stats, digits = 0) =>
	`${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

async function main() {
	if (!existsSync(path.join(BUILD, 'index.html'))) {
		console.error(`${opts.build} is missing: run \`npm run build\` first`);
		process.exit(2);
	}
	if (!existsSync(CHROMIUM)) {
		console.error(`${CHROMIUM} is missing: apt-get install -y chromium`);
		process.exit(2);
	}
	await buildFloor();
	const corpora: { name: string; datasets: string | null; reports: number }[] = [
		{
			// Another build (--build) is a whole site of its own corpus, not the seeds.
			name: opts.build === 'build' ? 'seeds' : 'build',
			datasets: null,
			reports: (
				JSON.parse(readFileSync(path.join(BUILD, 'datasets/manifest.json'), 'utf8')) as {
					tables: { name: string; rows: number }[];
				}
			).tables.find((t) => t.name === 'reports')!.rows
		}
	];
	if (opts.synthetic) {
		const m = await syntheticDatasets(opts.count);
		corpora.push({
			name: 'synthetic',
			datasets: SYN_DATASETS,
			reports: m.tables.find((t) => t.name === 'reports')!.rows
		});
	}

	const browser = await chromium.launch(CHROMIUM_LAUNCH);
	const lines: string[] = [];
	const results: Record<string, unknown> = {};
	try {
		for (const c of corpora) {
			const mounts: [string, string][] = [['/__floor/', FLOOR]];
			if (c.datasets) mounts.push(['/datasets/', c.datasets]);
			const server = await serve(mounts);
			const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			try {
				const floor: number[] = [];
				const plainFcp: number[] = [];
				const runs: SiteRun[] = [];
				const filterHome: number[] = [];
				const filterSangong: number[] = [];
				const consoleReady: Awaited<ReturnType<typeof measureConsoleReady>>[] = [];
				const consoleGroupBy: number[] = [];
				const consoleRows: Awaited<ReturnType<typeof measureConsoleRows>>[] = [];
				for (let i = 0; i < opts.runs; i++) {
					// Interleaved, so both see the same machine load.
					floor.push(await measureFloor(browser, origin));
					plainFcp.push(await measurePlainFcp(browser, origin));
					runs.push(await measureHome(browser, origin));
					filterHome.push(...(await measureFilter(browser, origin, '/')));
					filterSangong.push(...(await measureFilter(browser, origin, '/sangong/')));
					consoleReady.push(await measureConsoleReady(browser, origin));
					consoleGroupBy.push(...(await measureConsoleGroupBy(browser, origin)));
					if (c.name === 'seeds') consoleRows.push(await measureConsoleRows(browser, origin));
					process.stderr.write('.');
				}
				process.stderr.write('\n');
				const sFloor = stats(floor);
				const sLive = stats(runs.map((r) => r.live));
				const sFcp = stats(runs.map((r) => r.fcp));
				const sPlain = stats(plainFcp);
				const sCharts = stats(runs.map((r) => r.chartsLive));
				const sHome = stats(filterHome);
				const sSangong = stats(filterSangong);
				const js = runs[0];
				const external = [...new Set(runs.flatMap((r) => r.external))];
				const ratio = sLive.median / sFloor.median;
				const filterTarget = c.name === 'seeds' ? TARGETS.filterMsSeeds : TARGETS.filterMsSynthetic;
				const ok = (b: boolean) => (b ? 'OK' : 'MISSED');
				const sConsole = stats(consoleReady.map((r) => r.readyMs));
				const consoleRatio = sConsole.median / sFloor.median;
				const sGroupBy = stats(consoleGroupBy);
				const longTasks = consoleRows.flatMap((r) => r.longTasks);
				const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
				const consoleLines = [
					`| SQL console ready on \`/sql/\` (editor + DuckDB + every table but \`facts\` and \`findings\`, which load next) | ${fmt(sConsole)} ms = ${consoleRatio.toFixed(2)} × floor (median) | ≤ ${TARGETS.consoleRatio} × floor | ${ok(consoleRatio <= TARGETS.consoleRatio)} |`,
					`| — of which: editor created ${stats(consoleReady.map((r) => r.editorMs)).median.toFixed(0)} ms, tables loaded ${stats(consoleReady.map((r) => r.tablesMs)).median.toFixed(0)} ms (medians, from navigation start) | | | |`,
					`| console GROUP BY (三公 by prefecture and year, joined to reports), warm, click → grid rendered (${sGroupBy.n} runs) | ${fmt(sGroupBy, 1)} ms | ≤ ${TARGETS.consoleGroupByMs} ms median | ${ok(sGroupBy.median <= TARGETS.consoleGroupByMs)} |`,
					...(consoleRows.length
						? [
								`| console: 100,000 result rows, click → grid rendered (${consoleRows.length} runs) | ${fmt(stats(consoleRows.map((r) => r.renderMs)))} ms | | |`,
								`| — main-thread long tasks while running, rendering and scrolling them to the end | ${longTasks.length} tasks > 50 ms, longest ${maxLong.toFixed(0)} ms | none > ${TARGETS.longTaskMs} ms | ${ok(maxLong <= TARGETS.longTaskMs)} |`
							]
						: [])
				];
				results[c.name] = {
					floor: sFloor,
					live: sLive,
					fcp: sFcp,
					chartsLive: sCharts,
					filterHome: sHome,
					filterSangong: sSangong,
					consoleReady: sConsole,
					consoleGroupBy: sGroupBy,
					consoleRows,
					js,
					external
				};
				lines.push(
					`### ${c.name === 'seeds' ? 'Seed reports' : c.name === 'build' ? `Site built in ${opts.build}` : 'Synthetic corpus'} (${c.reports} reports), ${opts.runs} cold runs, min / median / max`,
					'',
					'| measure | result | target | |',
					'|---|---|---|---|',
					`| first contentful paint of \`/\` (charts are prerendered SVG) | ${fmt(sFcp)} ms | ≤ ${TARGETS.fcpMs} ms | ${ok(sFcp.median <= TARGETS.fcpMs)} |`,
					`| — for comparison: first contentful paint of a minimal two-line Chinese page, same server and run | ${fmt(sPlain)} ms | | |`,
					`| floor: bare page, DuckDB-WASM instantiated + \`SELECT 1\` | ${fmt(sFloor)} ms | | |`,
					`| filters live on \`/\` (all dashboard tables loaded) | ${fmt(sLive)} ms = ${ratio.toFixed(2)} × floor (median) | ≤ ${TARGETS.liveRatio} × floor | ${ok(ratio <= TARGETS.liveRatio)} |`,
					`| — of which: DuckDB start (app booted) ${stats(runs.map((r) => r.marks['jx:db-start'])).median.toFixed(0)} ms, its code loaded ${stats(runs.map((r) => r.marks['jx:db-modules'])).median.toFixed(0)} ms, engine instantiated ${stats(runs.map((r) => r.marks['jx:db-engine'])).median.toFixed(0)} ms, tables loaded ${sLive.median.toFixed(0)} ms (medians, from navigation start) | | | |`,
					`| every chart of \`/\` live (ECharts took over) | ${fmt(sCharts)} ms | | |`,
					`| filter change → all charts of \`/\` re-rendered (${sHome.n} changes) | ${fmt(sHome, 1)} ms | ≤ ${filterTarget} ms median | ${ok(sHome.median <= filterTarget)} |`,
					`| filter change → all charts of \`/sangong/\` re-rendered (${sSangong.n} changes) | ${fmt(sSangong, 1)} ms | ≤ ${filterTarget} ms median | ${ok(sSangong.median <= filterTarget)} |`,
					`| JavaScript for \`/\` before DuckDB loads (gzip) | ${kb(js.jsInitialGz)} | ≤ ${TARGETS.jsKb} KB | ${ok(js.jsInitialGz <= TARGETS.jsKb * 1024)} |`,
					`| all JavaScript of \`/\` except DuckDB's module and worker (gzip; ECharts ${kb(js.echartsGz)}, loaded lazily once DuckDB is ready) | ${kb(js.jsNonDuckDbGz)} | | |`,
					`| requests to other origins | ${external.length === 0 ? 'none' : external.join(', ')} | none | ${ok(external.length === 0)} |`,
					...consoleLines,
					''
				);
			} finally {
				server.close();
			}
		}
	} finally {
		await browser.close();
	}

	const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
	const machine = [
		`- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, shared with other work (load average at end: ${loadavg()
			.map((x) => x.toFixed(1))
			.join(' ')})`,
		`- ${chromiumVersion}, headless, loopback HTTP/1.1 without compression (a Node static server, like \`npm run serve\`), fresh browser context per load (cold HTTP cache)`,
		`- Node ${process.version}; command: \`npm run bench:site${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString()}`,
		'- filters live = navigation start → every dashboard table inserted (`html[data-db-ms]`); floor = navigation start → a bare page has instantiated the same eh/mvp bundle and answered `SELECT 1`',
		'- console ready = navigation start → the SQL editor created and every contract table but `facts` and `findings` inserted (mark `jx:console-ready`; those two, most of the bytes, load right after and a script naming them waits for them); console GROUP BY / 100,000 rows = click on 运行 → the frame after the grid updated (`html[data-console-run]`), the query sent with `conn.send()` and the Arrow result converted in time slices; long tasks from a PerformanceObserver (Chromium reports tasks over 50 ms)',
		'- filter change = `change` on the year select (alternating latest year / all years) → every part of the view re-queried in DuckDB-WASM and every chart of the page redrawn (`setOption` done, DOM updated: `html[data-view-seq]`)'
	];
	const report = [...lines, ...machine].join('\n');
	console.log(report);
	writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, '\t'));

	if (opts.write) {
		const file = path.join(ROOT, 'BENCHMARKS.md');
		const begin = '<!-- bench:site begin (written by npm run bench:site) -->';
		const end = '<!-- bench:site end -->';
		const section = `${begin}\n## Dashboard (\`npm run bench:site\`)\n\n${report}\n${end}`;
		let md = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
		// Plain string positions: the markers hold regex metacharacters (parentheses).
		const from = md.indexOf(begin);
		const to = md.indexOf(end, from);
		md =
			from >= 0 && to >= 0
				? md.slice(0, from) + section + md.slice(to + end.length)
				: `${md.trimEnd()}\n\n${section}\n`;
		// Formatted like the rest of the repository, so `npm run lint` stays clean.
		const config = (await prettier.resolveConfig(file)) ?? {};
		writeFileSync(file, await prettier.format(md, { ...config, filepath: file }));
		console.error('updated BENCHMARKS.md');
	}
}

await main();
