/**
 * Runs processFile over all inputs and yields the outcomes in input order, so the datasets are
 * the same whatever the timing. With jobs > 1 the work (decode + extract, the bulk of an ingest)
 * runs in worker threads; at most `jobs × AHEAD` files are in flight or waiting to be consumed,
 * which bounds memory however slow the consumer is.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractInput, ExtractResult } from '../../src/lib/extract/types';
import { processFile, type FileOutcome, type FileTask } from './process-file';

const AHEAD = 8;

export interface PoolOptions {
	/** Worker threads; undefined = automatic (in-process for small inputs). */
	jobs?: number;
	maxChars: number;
	extract: (input: ExtractInput) => ExtractResult;
	/** An injected extractor cannot cross into a worker: it forces jobs = 1. */
	extractInjected: boolean;
	/** Where each report's text is written (see processFile). */
	textsDir: string;
}

/** Default worker count: the machine's cores, at most 4 (the main thread writes meanwhile). */
export const defaultJobs = () => Math.max(1, Math.min(4, availableParallelism()));

/** Below this many files, starting workers (each compiles the extractor) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

export async function* processAll(tasks: readonly FileTask[], o: PoolOptions): AsyncGenerator<FileOutcome> {
	const auto = tasks.length >= MIN_FILES_FOR_WORKERS ? defaultJobs() : 1;
	const jobs = o.extractInjected ? 1 : Math.min(o.jobs ?? auto, tasks.length);
	if (jobs <= 1) {
		const seen = new Set<string>();
		for (const task of tasks) {
			const out = await processFile(task, {
				extract: o.extract,
				maxChars: o.maxChars,
				textsDir: o.textsDir,
				seen: (s) => seen.has(s)
			});
			if (out.sha256) seen.add(out.sha256);
			yield out;
		}
		return;
	}
	yield* pooled(tasks, jobs, { maxChars: o.maxChars, textsDir: o.textsDir });
}

/**
 * Workers run the TypeScript extractor as it is, through tsx's loader. A worker does not inherit
 * the parent's module hooks (nor does vitest have them), so a tiny CommonJS bootstrap registers
 * tsx in the worker before importing the worker module.
 */
interface WorkerConfig {
	maxChars: number;
	textsDir: string;
}

function spawn(config: WorkerConfig): Worker {
	// tsx's ESM api sits next to the CommonJS one that require.resolve finds (exports: import/require).
	const tsxApi = pathToFileURL(
		createRequire(import.meta.url)
			.resolve('tsx/esm/api')
			.replace(/\.cjs$/, '.mjs')
	).href;
	const entry = new URL('./extract-worker.ts', import.meta.url).href;
	const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
	return new Worker(bootstrap, { eval: true, workerData: config });
}

async function* pooled(
	tasks: readonly FileTask[],
	jobs: number,
	config: WorkerConfig
): AsyncGenerator<FileOutcome> {
	const done = new Map<number, FileOutcome>();
	const busy = new Map<Worker, FileTask>();
	const idle: Worker[] = [];
	let dispatched = 0;
	let consumed = 0;
	let fatal: Error | null = null;
	let wake: (() => void) | null = null;
	const notify = () => {
		const w = wake;
		wake = null;
		w?.();
	};

	const pump = () => {
		while (idle.length > 0 && dispatched < tasks.length && dispatched - consumed < jobs * AHEAD) {
			const w = idle.pop()!;
			const task = tasks[dispatched++];
			busy.set(w, task);
			w.postMessage(task);
		}
	};
	const start = () => {
		const w = spawn(config);
		let answered = false;
		w.on('message', (out: FileOutcome) => {
			answered = true;
			busy.delete(w);
			done.set(out.index, out);
			idle.push(w);
			pump();
			notify();
		});
		w.on('error', (e) => {
			if (!answered) {
				// It never got going (a module that does not load): every worker would do the same.
				fatal = new Error(`extract worker failed to start: ${e.message}`, { cause: e });
				notify();
				return;
			}
			// A worker that dies later (out of memory, a native crash) fails only its file.
			const task = busy.get(w);
			busy.delete(w);
			if (task)
				done.set(task.index, {
					index: task.index,
					name: task.name,
					sha256: '',
					bytes: 0,
					ms: { read: 0, extract: 0 },
					status: 'failed',
					reason: `处理该文件的线程崩溃 (worker crashed): ${e.message}`
				});
			if (!fatal && !stopping) {
				try {
					start();
				} catch (err) {
					fatal = err as Error;
				}
			}
			notify();
		});
		idle.push(w);
	};
	let stopping = false;
	const workers: Worker[] = [];
	try {
		for (let i = 0; i < jobs; i++) start();
		workers.push(...idle);
		pump();
		while (consumed < tasks.length) {
			if (fatal) throw fatal;
			const out = done.get(consumed);
			if (!out) {
				await new Promise<void>((r) => (wake = r));
				continue;
			}
			done.delete(consumed);
			consumed++;
			pump();
			yield out;
		}
	} finally {
		stopping = true;
		await Promise.all([...idle, ...busy.keys(), ...workers].map((w) => w.terminate()));
	}
}
