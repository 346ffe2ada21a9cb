/**
 * The BENCHMARKS.md text of a bench:site run: one table per corpus (min / median / max against
 * the targets) and the notes on the machine and on what each measure spans.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { CorpusSamples } from './measure-corpus';
import { type Stats, stats } from './stats';

export const TARGETS = {
	fcpMs: 150,
	liveRatio: 1.3,
	filterMsSeeds: 100,
	filterMsSynthetic: 250,
	jsKb: 200,
	consoleRatio: 1.3,
	consoleGroupByMs: 200,
	longTaskMs: 100
};

const fmt = (s: Stats, digits = 0) =>
	`${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ok = (b: boolean) => (b ? 'OK' : 'MISSED');

export interface Corpus {
	/** `seeds` (the seed build), `build` (another build) or `synthetic`. */
	readonly name: string;
	/** The table's heading. */
	readonly title: string;
	readonly reports: number;
}

/** The corpus's Markdown table, and its figures for results.json. */
export function corpusReport(
	corpus: Corpus,
	runs: number,
	s: CorpusSamples
): { lines: string[]; results: Record<string, unknown> } {
	const sFloor = stats(s.floor);
	const sLive = stats(s.runs.map((r) => r.live));
	const sFcp = stats(s.runs.map((r) => r.fcp));
	const sPlain = stats(s.plainFcp);
	const sCharts = stats(s.runs.map((r) => r.chartsLive));
	const sHome = stats(s.filterHome);
	const sSangong = stats(s.filterSangong);
	const js = s.runs[0];
	const external = [...new Set(s.runs.flatMap((r) => r.external))];
	const ratio = sLive.median / sFloor.median;
	const filterTarget = corpus.name === 'seeds' ? TARGETS.filterMsSeeds : TARGETS.filterMsSynthetic;
	const sConsole = stats(s.consoleReady.map((r) => r.readyMs));
	const consoleRatio = sConsole.median / sFloor.median;
	const sGroupBy = stats(s.consoleGroupBy);
	const longTasks = s.consoleRows.flatMap((r) => r.longTasks);
	const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
	const consoleLines = [
		`| SQL console ready on \`/sql/\` (editor + DuckDB + every table but \`facts\` and \`findings\`, which load next) | ${fmt(sConsole)} ms = ${consoleRatio.toFixed(2)} × floor (median) | ≤ ${TARGETS.consoleRatio} × floor | ${ok(consoleRatio <= TARGETS.consoleRatio)} |`,
		`| — of which: editor created ${stats(s.consoleReady.map((r) => r.editorMs)).median.toFixed(0)} ms, tables loaded ${stats(s.consoleReady.map((r) => r.tablesMs)).median.toFixed(0)} ms (medians, from navigation start) | | | |`,
		`| console GROUP BY (三公 by prefecture and year, joined to reports), warm, click → grid rendered (${sGroupBy.n} runs) | ${fmt(sGroupBy, 1)} ms | ≤ ${TARGETS.consoleGroupByMs} ms median | ${ok(sGroupBy.median <= TARGETS.consoleGroupByMs)} |`,
		...(s.consoleRows.length
			? [
					`| console: 100,000 result rows, click → grid rendered (${s.consoleRows.length} runs) | ${fmt(stats(s.consoleRows.map((r) => r.renderMs)))} ms | | |`,
					`| — main-thread long tasks while running, rendering and scrolling them to the end | ${longTasks.length} tasks > 50 ms, longest ${maxLong.toFixed(0)} ms | none > ${TARGETS.longTaskMs} ms | ${ok(maxLong <= TARGETS.longTaskMs)} |`
				]
			: [])
	];
	const results = {
		floor: sFloor,
		live: sLive,
		fcp: sFcp,
		chartsLive: sCharts,
		filterHome: sHome,
		filterSangong: sSangong,
		consoleReady: sConsole,
		consoleGroupBy: sGroupBy,
		consoleRows: s.consoleRows,
		js,
		external
	};
	const lines = [
		`### ${corpus.title} (${corpus.reports} reports), ${runs} cold runs, min / median / max`,
		'',
		'| measure | result | target | |',
		'|---|---|---|---|',
		`| first contentful paint of \`/\` (charts are prerendered SVG) | ${fmt(sFcp)} ms | ≤ ${TARGETS.fcpMs} ms | ${ok(sFcp.median <= TARGETS.fcpMs)} |`,
		`| — for comparison: first contentful paint of a minimal two-line Chinese page, same server and run | ${fmt(sPlain)} ms | | |`,
		`| floor: bare page, DuckDB-WASM instantiated + \`SELECT 1\` | ${fmt(sFloor)} ms | | |`,
		`| filters live on \`/\` (all dashboard tables loaded) | ${fmt(sLive)} ms = ${ratio.toFixed(2)} × floor (median) | ≤ ${TARGETS.liveRatio} × floor | ${ok(ratio <= TARGETS.liveRatio)} |`,
		`| — of which: DuckDB start (app booted) ${stats(s.runs.map((r) => r.marks['jx:db-start'])).median.toFixed(0)} ms, its code loaded ${stats(s.runs.map((r) => r.marks['jx:db-modules'])).median.toFixed(0)} ms, engine instantiated ${stats(s.runs.map((r) => r.marks['jx:db-engine'])).median.toFixed(0)} ms, tables loaded ${sLive.median.toFixed(0)} ms (medians, from navigation start) | | | |`,
		`| every chart of \`/\` live (ECharts took over) | ${fmt(sCharts)} ms | | |`,
		`| filter change → all charts of \`/\` re-rendered (${sHome.n} changes) | ${fmt(sHome, 1)} ms | ≤ ${filterTarget} ms median | ${ok(sHome.median <= filterTarget)} |`,
		`| filter change → all charts of \`/sangong/\` re-rendered (${sSangong.n} changes) | ${fmt(sSangong, 1)} ms | ≤ ${filterTarget} ms median | ${ok(sSangong.median <= filterTarget)} |`,
		`| — of those, each run's first change, right after the page went live: \`/\` ${fmt(stats(s.firstHome))} ms, \`/sangong/\` ${fmt(stats(s.firstSangong))} ms | | | |`,
		`| JavaScript for \`/\` before DuckDB loads (gzip) | ${kb(js.jsInitialGz)} | ≤ ${TARGETS.jsKb} KB | ${ok(js.jsInitialGz <= TARGETS.jsKb * 1024)} |`,
		`| all JavaScript of \`/\` except DuckDB's module and worker (gzip; ECharts ${kb(js.echartsGz)}, loaded lazily once DuckDB is ready) | ${kb(js.jsNonDuckDbGz)} | | |`,
		`| requests to other origins | ${external.length === 0 ? 'none' : external.join(', ')} | none | ${ok(external.length === 0)} |`,
		...consoleLines,
		''
	];
	return { lines, results };
}

/**
 * The font fontconfig gives for Chinese sans-serif text, or that there is none. Without one,
 * Chromium looks for a fallback glyph by glyph and draws boxes: first paint of `/` 152 → 216 ms
 * median on one machine (BENCHMARKS.md, session 10).
 */
function cjkFont(): string {
	const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
	const match = spawnSync('fc-match', ['-f', '%{family[0]}', 'sans-serif:lang=zh-cn'], { encoding: 'utf8' });
	if (list.error || match.error) return 'unknown (no fontconfig)';
	const covers = list.stdout.split('\n').some((l) => l.split(',').includes(match.stdout));
	return covers ? match.stdout : 'no installed font covers Chinese (Debian: fonts-noto-cjk)';
}

/** How and where the figures were taken. `chromiumVersion`: `chromium --version`. */
export function machineNotes(chromiumVersion: string, args: readonly string[]): string[] {
	return [
		`- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, shared with other work (load average at end: ${loadavg()
			.map((x) => x.toFixed(1))
			.join(' ')})`,
		`- Chinese text drawn with: ${cjkFont()}`,
		`- ${chromiumVersion}, headless, loopback HTTP/1.1 without compression (a Node static server, like \`npm run serve\`), fresh browser context per load (cold HTTP cache)`,
		`- Node ${process.version}; command: \`npm run bench:site${args.length ? ` -- ${args.join(' ')}` : ''}\` on ${new Date().toISOString()}`,
		'- filters live = navigation start → every dashboard table attached (`html[data-db-ms]`: its DuckDB file fetched, registered, attached, named by a view); floor = navigation start → a bare page has instantiated the same eh/mvp bundle and answered `SELECT 1`',
		'- console ready = navigation start → the SQL editor created and every contract table but `facts` and `findings` attached (mark `jx:console-ready`; those two, most of the bytes, load right after and a script naming them waits for them); console GROUP BY / 100,000 rows = click on 运行 → the frame after the grid updated (`html[data-console-run]`), the query sent with `conn.send()` and the Arrow result converted in time slices; long tasks from a PerformanceObserver (Chromium reports tasks over 50 ms)',
		'- filter change = `change` on the year select (alternating latest year / all years) → every part of the view re-queried in DuckDB-WASM and every chart of the page redrawn (`setOption` done, DOM updated: `html[data-view-seq]`)'
	];
}
