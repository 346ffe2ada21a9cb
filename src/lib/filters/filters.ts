/**
 * The global filters (year range, region, admin level, department search) and their URL form.
 * Pure: the URL is the single source of truth; pages parse it, controls write it.
 */
import { ADMIN_LEVELS, type AdminLevel } from '../schema/tables';

export interface Filters {
	/** First fiscal year shown (inclusive). */
	readonly from: number | null;
	/** Last fiscal year shown (inclusive). */
	readonly to: number | null;
	readonly prefecture: string | null;
	readonly county: string | null;
	readonly level: AdminLevel | null;
	/** Department search: a substring of the name or of any alias. */
	readonly q: string | null;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({
	from: null,
	to: null,
	prefecture: null,
	county: null,
	level: null,
	q: null
});

/** URL query keys; short and stable because people share these links. */
export const FILTER_KEYS = ['from', 'to', 'pref', 'county', 'level', 'q'] as const;

const year = (s: string | null): number | null => {
	if (s == null || !/^\d{4}$/.test(s.trim())) return null;
	return Number(s.trim());
};
const text = (s: string | null): string | null => {
	const t = s?.trim();
	return t ? t.slice(0, 100) : null;
};

export function parseFilters(sp: URLSearchParams): Filters {
	let from = year(sp.get('from'));
	let to = year(sp.get('to'));
	if (from != null && to != null && from > to) [from, to] = [to, from];
	const level = sp.get('level');
	return {
		from,
		to,
		prefecture: text(sp.get('pref')),
		county: text(sp.get('county')),
		level: level && level in ADMIN_LEVELS ? (level as AdminLevel) : null,
		q: text(sp.get('q'))
	};
}

/**
 * The query string for `f`, keeping any page-specific parameters of `current` (e.g. the chosen
 * departments on /compare/). Returns '' or a string starting with '?'.
 */
export function filtersToSearch(f: Filters, current: URLSearchParams = new URLSearchParams()): string {
	const sp = new URLSearchParams(current);
	for (const k of FILTER_KEYS) sp.delete(k);
	const set = (k: string, v: string | number | null) => {
		if (v != null && v !== '') sp.set(k, String(v));
	};
	set('from', f.from);
	set('to', f.to);
	set('pref', f.prefecture);
	set('county', f.county);
	set('level', f.level);
	set('q', f.q);
	const s = sp.toString();
	return s ? `?${s}` : '';
}

export function isDefaultFilters(f: Filters): boolean {
	return (
		f.from == null && f.to == null && f.prefecture == null && f.county == null && f.level == null && !f.q
	);
}

export function sameFilters(a: Filters, b: Filters): boolean {
	return (
		a.from === b.from &&
		a.to === b.to &&
		a.prefecture === b.prefecture &&
		a.county === b.county &&
		a.level === b.level &&
		a.q === b.q
	);
}

/** A short Chinese description of the active filters, for captions and print. */
export function describeFilters(f: Filters): string {
	const parts: string[] = [];
	if (f.from != null || f.to != null) {
		if (f.from != null && f.to != null) parts.push(f.from === f.to ? `${f.from}年` : `${f.from}–${f.to}年`);
		else if (f.from != null) parts.push(`${f.from}年起`);
		else parts.push(`至${f.to}年`);
	}
	if (f.prefecture) parts.push(f.prefecture);
	if (f.county) parts.push(f.county);
	if (f.level) parts.push(ADMIN_LEVELS[f.level]);
	if (f.q) parts.push(`含“${f.q}”`);
	return parts.length ? parts.join(' · ') : '全部年度、全部地区';
}

/** Only the filter parameters of `sp`, as '' or '?…' (for links between dashboard pages). */
export function filterOnlySearch(sp: URLSearchParams): string {
	const keep = new URLSearchParams();
	for (const k of FILTER_KEYS) {
		const v = sp.get(k);
		if (v) keep.set(k, v);
	}
	const s = keep.toString();
	return s ? `?${s}` : '';
}

/** The query string for filters `f` plus page parameters `extra` (null removes one). */
export function searchWith(
	f: Filters,
	current: URLSearchParams,
	extra: Record<string, string | null> = {}
): string {
	const sp = new URLSearchParams(current);
	for (const [k, v] of Object.entries(extra)) {
		if (v == null || v === '') sp.delete(k);
		else sp.set(k, v);
	}
	return filtersToSearch(f, sp);
}

const EMPTY = new URLSearchParams();
/** A shared empty query (never mutate). */
export const emptySearchParams = (): URLSearchParams => EMPTY;

/**
 * The county choices: those of the chosen prefecture only (a cascade, like every Chinese
 * administrative form). Listing every county while no prefecture is chosen put ~2,650 <option>s
 * into every page of a national-scale corpus (a third of `/`'s HTML at 10,000 reports, and its
 * hydration). A link naming a county without its prefecture still shows that county.
 */
export function countyOptions(
	regions: readonly { prefecture: string; counties: readonly string[] }[],
	prefecture: string | null,
	county: string | null
): string[] {
	if (prefecture) return [...(regions.find((r) => r.prefecture === prefecture)?.counties ?? [])];
	return county ? [county] : [];
}
