/**
 * A page's data that follows the filters: starts with the rows prerendered at build time (the
 * default filters), and re-queries DuckDB-WASM whenever the URL's filters change. Each part of
 * the view is replaced as soon as its query returns (the worker runs the next one meanwhile),
 * so charts redraw one after another; only the latest request wins.
 *
 * Pages read parts through their own `$derived` (e.g. `const rows = $derived(view.current.yoy)`),
 * so a chart redraws only when its own part changed.
 *
 * When reports are imported or cleared in this browser (`engine.dataVersion`), the view re-runs
 * for the filters last asked for. Construct it during component initialisation (it owns an effect).
 */
import { errorMessage } from '../error-message';
import { tick, untrack } from 'svelte';
import type { Connector } from '../db/connector';
import { oneAtATime } from '../db/one-at-a-time';
import { engine, openDatabase } from '../db/engine.svelte';
import { whenIdle } from '../idle';
import type { Plan } from '../db/queries/plan';
import { DEFAULT_FILTERS, type Filters, sameFilters } from './filters';

export type ViewStatus = 'ready' | 'loading' | 'error';

export class LiveView<T extends object, P = null> {
	current: T = $state.raw() as T;
	status: ViewStatus = $state('ready');
	error: string | null = $state(null);
	/** Filters (and page parameter) `current` was computed for. */
	#filters: Filters = DEFAULT_FILTERS;
	#param: P;
	/** engine.dataVersion `current` was computed for (0: the prerendered, published data). */
	#version = 0;
	/** What was asked for last (also while a query is still running). */
	#wanted: { f: Filters; param: P };
	#seq = 0;
	readonly #plan: (db: Connector, f: Filters, param: P) => Plan<T>;
	readonly #sameParam: (a: P, b: P) => boolean;

	constructor(
		initial: T,
		plan: (db: Connector, f: Filters, param: P) => Plan<T>,
		initialParam: P,
		sameParam: (a: P, b: P) => boolean = (a, b) => a === b
	) {
		this.current = initial;
		this.#plan = plan;
		this.#param = initialParam;
		this.#wanted = { f: DEFAULT_FILTERS, param: initialParam };
		this.#sameParam = sameParam;
		$effect(() => {
			if (engine.dataVersion !== this.#version)
				untrack(() => void this.apply(this.#wanted.f, this.#wanted.param));
		});
		$effect(() => {
			if (engine.phase === 'ready') untrack(() => this.#warmUp());
		});
	}

	#warmed = false;

	/**
	 * Runs this view's queries once, in idle time after the engine is ready, and drops the rows
	 * (the page shows the prerendered ones). A fresh DuckDB-WASM compiles its code lazily, as
	 * queries first need it: without this, the user's first filter change spent ~200 ms of it in
	 * the worker on the seeds (later changes 20–50 ms). The prepared statements stay, so coming
	 * back to these filters is quick too.
	 */
	#warmUp() {
		if (this.#warmed) return;
		this.#warmed = true;
		whenIdle(() => {
			const stop = () => this.#seq > 0; // a filter change runs the queries itself
			void openDatabase()
				.then((db) =>
					Promise.all(Object.values(this.#plan(oneAtATime(db, stop), this.#wanted.f, this.#wanted.param)))
				)
				.catch(() => {}); // a real run reports its own errors
		}, 1000);
	}

	/** Show the view for `f`; resolves when every part is on screen (or superseded). */
	async apply(f: Filters, param: P): Promise<void> {
		this.#wanted = { f, param };
		if (
			sameFilters(f, this.#filters) &&
			this.#sameParam(param, this.#param) &&
			this.#version === engine.dataVersion &&
			// Not while a run for other filters is under way: it would land after this return.
			this.status === 'ready'
		) {
			return;
		}
		const seq = ++this.#seq;
		this.status = 'loading';
		try {
			const db = await openDatabase();
			const version = engine.dataVersion;
			const t0 = performance.now();
			const plan = this.#plan(db, f, param);
			const keys = Object.keys(plan) as (keyof T)[];
			await Promise.all(
				keys.map((k) =>
					plan[k].then((v) => {
						if (seq === this.#seq) this.current = { ...this.current, [k]: v };
					})
				)
			);
			if (seq !== this.#seq) return;
			this.#filters = f;
			this.#param = param;
			this.#version = version;
			this.status = 'ready';
			await tick();
			markRendered(t0);
		} catch (e) {
			if (seq !== this.#seq) return;
			this.status = 'error';
			this.error = errorMessage(e);
		}
	}
}

/**
 * Called once the DOM and every chart (ECharts' setOption runs synchronously in the charts'
 * effects) show the new view: `<html data-view-seq data-view-ms>` let the benchmark and tests
 * wait for it.
 */
function markRendered(t0: number) {
	const root = document.documentElement;
	root.dataset.viewMs = (performance.now() - t0).toFixed(1);
	root.dataset.viewSeq = String(Number(root.dataset.viewSeq ?? 0) + 1);
}
