/**
 * The filters of the current URL, for components. During prerendering the URL has no query
 * (and reading it throws), so until the page is mounted in a browser this is the default.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_FILTERS, type Filters, FILTER_KEYS, filtersToSearch, parseFilters } from './filters';

let mounted = $state(false);

/** Call once from the root layout's onMount. */
export function markMounted() {
	mounted = true;
}

export const urlState = {
	get ready(): boolean {
		return browser && mounted;
	},
	get filters(): Filters {
		return browser && mounted ? parseFilters(page.url.searchParams) : DEFAULT_FILTERS;
	},
	get params(): URLSearchParams {
		return browser && mounted ? page.url.searchParams : new URLSearchParams();
	},
	/** The current filters as a query string ('' or '?…'), for links between dashboard pages. */
	get filterSearch(): string {
		if (!(browser && mounted)) return '';
		const keep = new URLSearchParams();
		for (const k of FILTER_KEYS) {
			const v = page.url.searchParams.get(k);
			if (v) keep.set(k, v);
		}
		const s = keep.toString();
		return s ? `?${s}` : '';
	}
};

/** Push a history entry with new filters (back/forward restore them). */
export function setFilters(f: Filters, extra?: Record<string, string | null>): Promise<void> {
	const sp = new URLSearchParams(page.url.searchParams);
	for (const [k, v] of Object.entries(extra ?? {})) {
		if (v == null || v === '') sp.delete(k);
		else sp.set(k, v);
	}
	const search = filtersToSearch(f, sp);
	return gotoSearch(search);
}

/** Replace page-specific parameters (e.g. chosen departments), keeping the filters. */
export function setParams(extra: Record<string, string | null>): Promise<void> {
	return setFilters(parseFilters(page.url.searchParams), extra);
}

function gotoSearch(search: string): Promise<void> {
	const url = new URL(page.url);
	url.search = search;
	// Same page, new query: no data to load (loads do not read the query), so this is instant.
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same pathname, only the query changes
	return goto(url, { keepFocus: true, noScroll: true });
}
