/**
 * Department identity: the same department across years gets one org_id however a report
 * spells it (区政府办 / 鼎城区人民政府办公室 / 湘西自治州人民政府办公室).
 */
import orgNames from '../../../data/reference/org-names.json';
import { expandRegionAliases, findRegion, regionPrefixes, type Region } from './region';
import type { OrgRef } from './types';

const ABBREVIATIONS = orgNames.abbreviations.map((a) => ({ re: new RegExp(a.pattern), to: a.replacement }));
const OVERRIDES = orgNames.overrides;

const LEVEL_WORD = /^(自治州|自治县|省|市|州|区|县|旗)(?=(人民政府|政府|委|人大|政协|纪委|党委))/;

/** FNV-1a, 32 bit: a pure, stable hash for ids (no crypto needed, runs in the browser too). */
export function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

function departmentPart(name: string, region: Region | null): { party: boolean; dept: string } {
	let dept = expandRegionAliases(name).replace(/[\s“”"]/g, '');
	const party = dept.startsWith('中共');
	if (party) dept = dept.slice(2);
	if (region) {
		for (let changed = true; changed;) {
			changed = false;
			for (const prefix of regionPrefixes(region)) {
				if (dept.startsWith(prefix)) {
					dept = dept.slice(prefix.length);
					changed = true;
				}
			}
		}
	}
	dept = dept.replace(LEVEL_WORD, '');
	for (const { re, to } of ABBREVIATIONS) dept = dept.replace(re, to);
	return { party, dept };
}

function composeName(party: boolean, dept: string, region: Region | null): string {
	if (!region) return (party ? '中共' : '') + dept;
	const prefix =
		region.level === 'county'
			? (region.prefecture && region.prefecture !== region.province ? region.prefecture : '') + region.county
			: region.level === 'prefecture'
				? region.prefecture!
				: region.province;
	return (party ? '中共' : '') + prefix + dept;
}

/**
 * Resolve the org from the names a report gives itself, best first (单位名称, title, body).
 * `context` is the report text, used to break ties between same-named counties.
 */
export function resolveOrg(names: readonly string[], context: string): OrgRef | null {
	// A name never holds a pipe: one there is a table border a cell's text was read with.
	const clean = names.map((n) => n.replace(/[\s|｜]+/g, '')).filter((n) => n.length >= 2);
	if (clean.length === 0) return null;
	const region = findRegion(clean, context);
	const alias = clean[0];
	const override =
		region &&
		OVERRIDES.find((o) => clean.includes(o.alias) && [region.county, region.prefecture].includes(o.division));
	// The most specific spelling: the one that names the region, else the longest.
	const best = [...clean].sort(
		(a, b) =>
			Number(region ? hasRegion(b, region) : 0) - Number(region ? hasRegion(a, region) : 0) ||
			b.length - a.length
	)[0];
	const { party, dept } = departmentPart(override ? override.org_name : best, region);
	const org_name = override ? override.org_name : composeName(party, dept, region);
	const key = `${region?.code ?? 'unknown'}:${party ? '中共' : ''}${dept}`;
	return {
		org_id: `${region?.code ?? 'x'}-${fnv1a(key)}`,
		org_name,
		alias,
		province: region?.province ?? null,
		prefecture: region?.level === 'province' ? null : (region?.prefecture ?? null),
		county: region?.county ?? null,
		admin_level: region?.level ?? null
	};
}

const hasRegion = (name: string, region: Region) =>
	regionPrefixes(region).some((p) => expandRegionAliases(name).includes(p));
