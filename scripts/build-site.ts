/**
 * npm run build:site -- --out DIR [--base /xxgk/jxpj] [--synthetic N] [--skip-ingest] [REPORTS...]
 *
 * A whole site from another corpus, into another folder, without touching build/,
 * static/datasets/ or .svelte-kit/: ingest REPORTS (default data/reports/) into
 * DIR.static/datasets/, then `vite build` with SITE_STATIC pointing there, BASE_PATH set,
 * SvelteKit's work folder in DIR.kit/ and SITE_OUT = DIR + base, so DIR is the web root a portal
 * would have (the site sits at DIR/xxgk/jxpj/). With --synthetic N the
 * reports are N synthetic ones (generated under bench-out/, never data/). Prints wall times.
 *
 * Used by the portal browser tests (sub-path + hostile reports, see tests/e2e-portal/) and by
 * `npm run bench:build` (a 10,000-report site).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ingest } from './lib/ingest';
import { generateCorpus } from './lib/synthetic-corpus';

const program = new Command()
	.name('build-site')
	.argument('[reports...]', 'report files or folders', ['data/reports/'])
	.requiredOption('-o, --out <dir>', 'web root to build into (emptied first)')
	.option('-b, --base <path>', 'sub-path the site is served from, e.g. /xxgk/jxpj', '')
	.option('--synthetic <n>', 'build from N synthetic reports instead', (v) => Number.parseInt(v, 10))
	.option('--skip-ingest', 'reuse the datasets of the previous run (only the site is rebuilt)')
	.parse(process.argv);
const opts = program.opts<{ out: string; base: string; synthetic?: number; skipIngest?: boolean }>();

if (opts.base && !/^(\/[\w.-]+)+$/.test(opts.base)) {
	console.error(`--base must look like /xxgk/jxpj (no trailing slash), not ${opts.base}`);
	process.exit(2);
}
const out = path.resolve(opts.out);
const siteDir = path.join(out, ...opts.base.split('/').filter(Boolean));
const staticDir = `${out}.static`;
const datasets = path.join(staticDir, 'datasets');
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const t0 = performance.now();

let inputs = program.args.length > 0 ? program.args : ['data/reports/'];
if (opts.synthetic) {
	const corpus = path.resolve('bench-out/corpus');
	const have = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).length : 0;
	if (have !== opts.synthetic) {
		rmSync(corpus, { recursive: true, force: true });
		generateCorpus({ seedsDir: 'data/reports', outDir: corpus, count: opts.synthetic });
	}
	inputs = [corpus];
}

let ingestMs = 0;
if (!opts.skipIngest || !existsSync(path.join(datasets, 'manifest.json'))) {
	const t = performance.now();
	mkdirSync(staticDir, { recursive: true });
	const s = await ingest({ inputs, out: datasets }, { log: (l) => !l.startsWith('✗') && console.error(l) });
	copyFileSync('static/favicon.png', path.join(staticDir, 'favicon.png'));
	ingestMs = performance.now() - t;
	console.error(
		`ingest: ${s.reports} reports, ${s.orgs} departments, ${s.failed + s.notReports} files refused`
	);
}

const tBuild = performance.now();
rmSync(out, { recursive: true, force: true });
const r = spawnSync('npx', ['vite', 'build'], {
	stdio: ['ignore', 'ignore', 'inherit'],
	env: {
		...process.env,
		SITE_STATIC: staticDir,
		SITE_OUT: siteDir,
		SITE_KIT_DIR: `${out}.kit`,
		BASE_PATH: opts.base
	}
});
if (r.status !== 0) {
	console.error(`vite build failed (exit ${r.status})`);
	process.exit(1);
}
const buildMs = performance.now() - tBuild;
console.log(
	[
		`site: ${path.relative('.', siteDir)}/ (served at ${opts.base || '/'})`,
		`ingest ${sec(ingestMs)} + vite build ${sec(buildMs)} = ${sec(performance.now() - t0)}`,
		`load average: ${loadavg()
			.map((x) => x.toFixed(1))
			.join(' ')}`
	].join('\n')
);
