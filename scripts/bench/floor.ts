/**
 * The floors the dashboard is measured against, built under bench-out/: a page that only
 * instantiates the same DuckDB-WASM bundle (eh/mvp, same worker) and answers `SELECT 1`
 * (`index.html`, sets `html[data-floor-ms]`), and a minimal Chinese page (`plain.html`: the
 * best first paint this machine manages at that moment).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';

/** `srcDir`: where the page's source is written; `outDir`: the built floor, served at `/__floor/`. */
export async function buildFloor(srcDir: string, outDir: string): Promise<void> {
	mkdirSync(srcDir, { recursive: true });
	writeFileSync(
		path.join(srcDir, 'index.html'),
		`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>DuckDB-WASM floor</title></head>
<body><p>DuckDB-WASM only</p><script type="module" src="./floor.ts"></script></body></html>\n`
	);
	writeFileSync(
		path.join(srcDir, 'floor.ts'),
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
		root: srcDir,
		base: './',
		logLevel: 'warn',
		build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 }
	});
	// The paint floor: a minimal Chinese page from the same server (what this machine can do at best).
	writeFileSync(
		path.join(outDir, 'plain.html'),
		'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>最小页面</title></head><body><h1>绩效看板</h1><p>部门整体支出绩效自评报告</p></body></html>\n'
	);
}
