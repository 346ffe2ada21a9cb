/**
 * What the filter controls offer: years and admin levels present in the data (in every page), and
 * the regions (a file of their own, regions.json: at national scale they are tens of KB that the
 * first paint does not need).
 */
import type { Connector } from '../connector';

export interface Facets {
	years: number[];
	levels: string[];
	reports: number;
	orgs: number;
}

/** A prefecture and its counties, sorted. */
export interface Region {
	prefecture: string;
	counties: string[];
}

export async function loadFacets(db: Connector): Promise<Facets> {
	const [years, levels, counts] = await Promise.all([
		db.query<{ y: number }>(
			`SELECT DISTINCT fiscal_year AS y FROM reports WHERE fiscal_year IS NOT NULL ORDER BY y`
		),
		db.query<{ l: string }>(
			`SELECT DISTINCT admin_level AS l FROM orgs WHERE admin_level IS NOT NULL ORDER BY l`
		),
		db.query<{ reports: number; orgs: number }>(
			`SELECT (SELECT count(*) FROM reports)::INTEGER AS reports, (SELECT count(*) FROM orgs)::INTEGER AS orgs`
		)
	]);
	return {
		years: years.map((r) => r.y),
		levels: levels.map((r) => r.l),
		reports: counts[0]?.reports ?? 0,
		orgs: counts[0]?.orgs ?? 0
	};
}

/** Every prefecture with its counties, sorted (the region filters' choices). */
export async function loadRegions(db: Connector): Promise<Region[]> {
	const rows = await db.query<{ prefecture: string; county: string | null }>(
		`SELECT DISTINCT prefecture, county FROM orgs WHERE prefecture IS NOT NULL ORDER BY prefecture, county NULLS FIRST`
	);
	const byPref = new Map<string, string[]>();
	for (const r of rows) {
		const list = byPref.get(r.prefecture) ?? [];
		if (r.county) list.push(r.county);
		byPref.set(r.prefecture, list);
	}
	return [...byPref].map(([prefecture, counties]) => ({ prefecture, counties }));
}
