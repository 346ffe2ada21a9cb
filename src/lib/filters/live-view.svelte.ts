/**
 * A page's data that follows the filters: starts with the rows prerendered at build time (the
 * default filters), and re-queries DuckDB-WASM whenever the URL's filters change. Only the latest
 * request wins.
 */
import type { Connector } from '../db/connector';
import { openDatabase } from '../db/engine.svelte';
import { DEFAULT_FILTERS, type Filters, sameFilters } from './filters';

export type ViewStatus = 'ready' | 'loading' | 'error';

export class LiveView<T, P = null> {
	current: T = $state.raw() as T;
	status: ViewStatus = $state('ready');
	error: string | null = $state(null);
	/** Filters (and page parameter) `current` was computed for. */
	#filters: Filters = DEFAULT_FILTERS;
	#param: P;
	#seq = 0;
	readonly #load: (db: Connector, f: Filters, param: P) => Promise<T>;
	readonly #sameParam: (a: P, b: P) => boolean;

	constructor(
		initial: T,
		load: (db: Connector, f: Filters, param: P) => Promise<T>,
		initialParam: P,
		sameParam: (a: P, b: P) => boolean = (a, b) => a === b
	) {
		this.current = initial;
		this.#load = load;
		this.#param = initialParam;
		this.#sameParam = sameParam;
	}

	/** Show the view for `f`; resolves when it is on screen (or superseded). */
	async apply(f: Filters, param: P): Promise<void> {
		if (sameFilters(f, this.#filters) && this.#sameParam(param, this.#param) && this.status !== 'error') {
			return;
		}
		const seq = ++this.#seq;
		this.status = 'loading';
		try {
			const db = await openDatabase();
			const t0 = performance.now();
			const next = await this.#load(db, f, param);
			if (seq !== this.#seq) return;
			document.documentElement.dataset.viewQueryMs = (performance.now() - t0).toFixed(1);
			this.current = next;
			this.#filters = f;
			this.#param = param;
			this.status = 'ready';
			markRendered(t0);
		} catch (e) {
			if (seq !== this.#seq) return;
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}

/**
 * After the DOM (and the charts' effects) have updated, record how long the re-render took:
 * `<html data-view-seq data-view-ms>` lets the benchmark and tests wait for a view.
 */
function markRendered(t0: number) {
	const root = document.documentElement;
	requestAnimationFrame(() => {
		root.dataset.viewMs = (performance.now() - t0).toFixed(1);
		root.dataset.viewSeq = String(Number(root.dataset.viewSeq ?? 0) + 1);
	});
}
