/** What the filter controls offer: years, regions, admin levels present in the data. */
import type { Connector } from '../connector';

export interface Facets {
	years: number[];
	/** prefecture → its counties, both sorted. */
	regions: { prefecture: string; counties: string[] }[];
	levels: string[];
	reports: number;
	orgs: number;
}

export async function loadFacets(db: Connector): Promise<Facets> {
	const [years, regions, levels, counts] = await Promise.all([
		db.query<{ y: number }>(
			`SELECT DISTINCT fiscal_year AS y FROM reports WHERE fiscal_year IS NOT NULL ORDER BY y`
		),
		db.query<{ prefecture: string; county: string | null }>(
			`SELECT DISTINCT prefecture, county FROM orgs WHERE prefecture IS NOT NULL ORDER BY prefecture, county NULLS FIRST`
		),
		db.query<{ l: string }>(
			`SELECT DISTINCT admin_level AS l FROM orgs WHERE admin_level IS NOT NULL ORDER BY l`
		),
		db.query<{ reports: number; orgs: number }>(
			`SELECT (SELECT count(*) FROM reports)::INTEGER AS reports, (SELECT count(*) FROM orgs)::INTEGER AS orgs`
		)
	]);
	const byPref = new Map<string, string[]>();
	for (const r of regions) {
		const list = byPref.get(r.prefecture) ?? [];
		if (r.county) list.push(r.county);
		byPref.set(r.prefecture, list);
	}
	return {
		years: years.map((r) => r.y),
		regions: [...byPref].map(([prefecture, counties]) => ({ prefecture, counties })),
		levels: levels.map((r) => r.l),
		reports: counts[0]?.reports ?? 0,
		orgs: counts[0]?.orgs ?? 0
	};
}
