/**
 * The filters of the current URL, for components. During prerendering the URL has no query
 * (and reading it throws), so until the page is mounted in a browser this is the default.
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
	DEFAULT_FILTERS,
	type Filters,
	emptySearchParams,
	filterOnlySearch,
	parseFilters,
	searchWith
} from './filters';

let mounted = $state(false);

/** Call once from the root layout's onMount. */
export function markMounted() {
	mounted = true;
}

const live = () => browser && mounted;

export const urlState = {
	get ready(): boolean {
		return live();
	},
	get filters(): Filters {
		return live() ? parseFilters(page.url.searchParams) : DEFAULT_FILTERS;
	},
	get params(): URLSearchParams {
		return live() ? page.url.searchParams : emptySearchParams();
	},
	/** The current filters as a query string ('' or '?…'), for links between dashboard pages. */
	get filterSearch(): string {
		return live() ? filterOnlySearch(page.url.searchParams) : '';
	}
};

/** Push a history entry with new filters (back/forward restore them). */
export function setFilters(f: Filters, extra?: Record<string, string | null>): Promise<void> {
	return gotoSearch(searchWith(f, page.url.searchParams, extra));
}

/** Replace page-specific parameters (e.g. chosen departments), keeping the filters. */
export function setParams(extra: Record<string, string | null>): Promise<void> {
	return setFilters(parseFilters(page.url.searchParams), extra);
}

function gotoSearch(search: string): Promise<void> {
	// Same page, new query: the loads do not read the query, so nothing is fetched.
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same pathname, only the query changes
	return goto(page.url.pathname + search, { keepFocus: true, noScroll: true });
}
