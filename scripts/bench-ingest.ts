/**
 * npm run bench:ingest -- [--count N] [--keep]
 *
 * End-to-end ingest throughput on a synthetic corpus (the seeds with other real place names,
 * shifted years, scaled amounts; each file marked 【合成测试数据 SYNTHETIC】) written to
 * bench-out/corpus/, ingested into bench-out/datasets/. Targets: >= 300 reports/s and peak RSS
 * < 1.5 GiB on a 2-core machine.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Command } from 'commander';
import { ingest } from './lib/ingest';
import { generateCorpus } from './lib/synthetic-corpus';

const CORPUS = 'bench-out/corpus';
const DATASETS = 'bench-out/datasets';
const TARGET_RATE = 300;
const TARGET_RSS = 1.5 * 1024 ** 3;

const program = new Command()
	.name('bench-ingest')
	.option('-n, --count <n>', 'number of synthetic reports', (v) => Number.parseInt(v, 10), 10_000)
	.option('--keep', 'reuse bench-out/corpus/ when it already holds --count files')
	.parse(process.argv);
const opts = program.opts<{ count: number; keep?: boolean }>();
if (!Number.isInteger(opts.count) || opts.count < 1) {
	console.error('--count must be a positive integer');
	process.exit(2);
}

const existing = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).length : 0;
if (opts.keep && existing === opts.count) {
	console.error(`reusing ${existing} files in ${CORPUS}/`);
} else {
	const t = performance.now();
	rmSync(CORPUS, { recursive: true, force: true });
	generateCorpus({ seedsDir: 'data/reports', outDir: CORPUS, count: opts.count });
	console.error(
		`generated ${opts.count} synthetic reports in ${CORPUS}/ (${((performance.now() - t) / 1000).toFixed(1)} s)`
	);
}

let failures = 0;
const cpu0 = process.cpuUsage();
const s = await ingest(
	{ inputs: [CORPUS], out: DATASETS },
	{ log: (line) => (line.startsWith('✗') ? failures++ < 5 && console.error(line) : console.error(line)) }
);
const rss = process.resourceUsage().maxRSS * 1024; // reported in KiB
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const cores = availableParallelism();
const rate = s.reports / (s.timings.total / 1000);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const lines = [
	`reports ingested: ${s.reports} of ${s.files} files (${s.failed} failed, ${s.notReports} not reports)`,
	`throughput: ${rate.toFixed(0)} reports/s (target >= ${TARGET_RATE}) ${rate >= TARGET_RATE ? 'OK' : 'MISSED'}`,
	`peak RSS: ${(rss / 1024 ** 2).toFixed(0)} MiB (target < ${(TARGET_RSS / 1024 ** 3).toFixed(1)} GiB) ${rss < TARGET_RSS ? 'OK' : 'MISSED'}`,
	`wall time: total ${sec(s.timings.total)} = read+extract ${sec(s.timings.process)} + write ${sec(s.timings.write)}`,
	`summed over files (workers run in parallel): read+decode ${sec(s.timings.read)}, extract ${sec(s.timings.extract)}, rows → CSV/Arrow (main thread) ${sec(s.timings.append)}`,
	`CPU, all threads: ${sec(cpuMs)} = ${(cpuMs / s.reports).toFixed(2)} ms per report; ${cores} idle cores would allow ${((s.reports / cpuMs) * 1000 * cores).toFixed(0)} reports/s`,
	`load average at end: ${loadavg()
		.map((x) => x.toFixed(1))
		.join(' ')} (other processes compete for the same cores)`
];
console.log(lines.join('\n'));
