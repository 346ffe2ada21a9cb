/**
 * The dashboard's named queries on a real DuckDB (Node API) over the published seed datasets:
 * the same SQL the browser runs in DuckDB-WASM and the build runs to prerender.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { defaultCompareIds, loadCompareView, loadPickerView } from '../../src/lib/db/queries/compare';
import { loadExecutionView } from '../../src/lib/db/queries/execution';
import { loadFacets, loadRegions } from '../../src/lib/db/queries/facets';
import { loadOrgView, loadOrgViews } from '../../src/lib/db/queries/org';
import { loadOverviewView } from '../../src/lib/db/queries/overview';
import { loadSangongView } from '../../src/lib/db/queries/sangong';
import { loadScoresView } from '../../src/lib/db/queries/scores';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/filters/filters';
import { buildDatabase } from '../../src/lib/server/datasets';
import { wasmDatabase } from './wasm-database';

// One suite, two engines: DuckDB's Node API (build time) and DuckDB-WASM (the browser).
describe.each([
	['node-api', buildDatabase],
	['wasm', wasmDatabase]
])('%s', (_engine, open) => {
	let db: Connector;
	let orgId: (part: string) => string;

	beforeAll(async () => {
		db = await open();
		const orgs = await db.query<{ org_id: string; org_name: string }>('SELECT org_id, org_name FROM orgs');
		orgId = (part) => {
			const o = orgs.find((x) => x.org_name.includes(part));
			if (!o) throw new Error(`no org ${part}`);
			return o.org_id;
		};
	});

	const f = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch });

	describe('三公 (seed reports)', () => {
		it('鼎城区 2023 公务用车运行维护费 333.14 stated, 2022 360.11 derived', async () => {
			const v = await loadSangongView(db, DEFAULT_FILTERS);
			const dc = v.detail.filter((r) => r.org_id === orgId('鼎城区') && r.item === 'vehicle_operation');
			expect(dc.map((r) => [r.year, r.amount_wan, r.derived])).toEqual([
				[2022, 360.11, true],
				[2023, 333.14, false]
			]);
		});

		it('year-on-year: 鼎城区 total is the sum of its items (computed), 湘西 uses its stated totals', async () => {
			const v = await loadSangongView(db, DEFAULT_FILTERS);
			const dc = v.yoy.find((r) => r.org_id === orgId('鼎城区'))!;
			expect(dc.year).toBe(2023);
			expect(dc.amount_wan).toBeCloseTo(333.14 + 4.53, 9);
			expect(dc.prev_amount_wan).toBeCloseTo(360.11 + 6.33, 9);
			expect(dc.computed).toBe(true);
			expect(dc.derived).toBe(true);
			const xx = v.yoy.find((r) => r.org_id === orgId('湘西'))!;
			expect([xx.year, xx.amount_wan, xx.prev_amount_wan, xx.computed]).toEqual([
				2022,
				258.48016,
				338.131825,
				false
			]);
			expect(xx.change_pct).toBeCloseTo(258.48016 / 338.131825 - 1, 9);
		});

		it('决算 vs 预算: latest year with both, largest 决算 − 预算 first, and how many there are', async () => {
			// 北塔区 2023: 预算 0, 决算 0.1 (基础数据表); 荷塘区 2022: 1 and 0.28; 湘西 2022:
			// 4,039,364.85 and 2,584,801.60 元 (预算管理情况). 鼎城区 (2023) and 大祥区 (2020) give only 决算.
			const v = await loadSangongView(db, DEFAULT_FILTERS);
			expect(v.budget.map((r) => [r.org_id, r.year, r.budget_wan, r.actual_wan])).toEqual([
				[orgId('北塔区'), 2023, 0, 0.1],
				[orgId('荷塘区'), 2022, 1, 0.28],
				[orgId('湘西'), 2022, 403.936485, 258.48016]
			]);
			expect(v.budgetCount).toBe(3);
			const one = await loadSangongView(db, f({ prefecture: '株洲市' }));
			expect([one.budget.length, one.budgetCount]).toEqual([1, 1]);
		});

		it('sub-unit rows never enter department totals', async () => {
			const v = await loadSangongView(db, f({ prefecture: '湘西土家族苗族自治州' }));
			const y2022 = v.byYearItem.filter((r) => r.year === 2022);
			const sum = y2022.reduce((s, r) => s + r.amount_wan, 0);
			expect(sum).toBeCloseTo(22.23 + 150.74 + 85.51 + 0, 9);
		});

		it('year filter keeps the previous year for the change but shows only the range', async () => {
			const v = await loadSangongView(db, f({ from: 2023, to: 2023 }));
			expect(new Set(v.byYearItem.map((r) => r.year))).toEqual(new Set([2023]));
			expect(v.yoy.every((r) => r.year === 2023)).toBe(true);
			expect(v.yoy.find((r) => r.org_id === orgId('鼎城区'))?.prev_amount_wan).toBeCloseTo(366.44, 9);
		});
	});

	describe('预算执行', () => {
		it('湘西 2022: 87.57% computed from 8172.733946 / 9332.431817, reported 0.8757', async () => {
			const v = await loadExecutionView(db, DEFAULT_FILTERS);
			const r = v.rates.find((x) => x.org_id === orgId('湘西'))!;
			expect(r.year).toBe(2022);
			// The ingest publishes the computed rate to 6 decimals.
			expect(r.rate).toBeCloseTo(8172.733946 / 9332.431817, 6);
			expect(r.rate_reported).toBe(0.8757);
			expect(v.rates[0].org_id).toBe(orgId('湘西'));
			expect(v.byYear.find((y) => y.year === 2022)?.low).toBe(1);
		});
		it('NULL stays NULL: 鼎城区 reports no budget, so it has no rate row', async () => {
			const v = await loadExecutionView(db, DEFAULT_FILTERS);
			expect(v.rates.some((x) => x.org_id === orgId('鼎城区'))).toBe(false);
		});
	});

	describe('自评得分', () => {
		it('湘西 2022 is high score (95), low execution', async () => {
			const v = await loadScoresView(db, DEFAULT_FILTERS);
			expect(v.highLow.map((r) => [r.org_id, r.year, r.score])).toEqual([[orgId('湘西'), 2022, 95]]);
			// The count before the table's LIMIT: here the one row is all of them.
			expect(v.highLowCount).toBe(1);
		});
		it('a report without score or grade counts as 未披露, not 0', async () => {
			const v = await loadScoresView(db, DEFAULT_FILTERS);
			expect(v.grades.find((g) => g.year === 2020)).toEqual({ year: 2020, grade: null, n: 1 });
			expect(v.box.some((b) => b.year === 2020)).toBe(false);
		});
	});

	describe('总览, 部门对比, 部门, facets', () => {
		it('headline compares like with like', async () => {
			const v = await loadOverviewView(db, DEFAULT_FILTERS);
			expect(v.headline.year).toBe(2023);
			expect(v.headline.reports).toBe(5);
			// 2023 vs 2022 for the departments reporting both years (鼎城区, 北塔区).
			expect(v.headline.sangong_orgs).toBe(2);
			expect(v.headline.sangong_wan).toBeCloseTo(333.14 + 4.53 + 0.1, 9);
		});
		it('compare returns the chosen departments only', async () => {
			const ids = await defaultCompareIds(db);
			const v = await loadCompareView(db, DEFAULT_FILTERS, ids);
			expect(new Set(v.rows.map((r) => r.org_id))).toEqual(new Set(ids));
			expect(new Set(v.chosen.map((r) => r.org_id))).toEqual(new Set(ids));
		});
		it('compare names every chosen department, also one without a year in range', async () => {
			// 荷塘区's only report is 2022's: under 2023 it has no row, but its chip still needs a name.
			const ids = [orgId('荷塘区'), orgId('鼎城区'), 'no-such-org'];
			const v = await loadCompareView(db, f({ from: 2023, to: 2023 }), ids);
			expect(new Set(v.rows.map((r) => r.org_id))).toEqual(new Set([orgId('鼎城区')]));
			expect(new Map(v.chosen.map((r) => [r.org_id, r.org_name]))).toEqual(
				new Map([
					[orgId('荷塘区'), '株洲市荷塘区人民政府办公室'],
					[orgId('鼎城区'), '常德市鼎城区人民政府办公室']
				])
			);
		});
		it('the compare picker searches every department the filters keep, in DuckDB', async () => {
			const all = await loadPickerView(db, DEFAULT_FILTERS);
			expect([all.optionsCount, all.matchesCount, all.options.length]).toEqual([5, 5, 5]);
			// Four of the five seed departments are 人民政府办公室; 北塔区's is the 区委办公室.
			const gov = await loadPickerView(db, DEFAULT_FILTERS, '人民政府办');
			expect([gov.optionsCount, gov.matchesCount]).toEqual([5, 4]);
			expect(gov.options.map((o) => o.org_id)).not.toContain(orgId('北塔区'));
			const shaoyang = await loadPickerView(db, f({ prefecture: '邵阳市' }), '人民政府');
			expect(shaoyang.options.map((o) => o.org_name)).toEqual(['邵阳市大祥区人民政府办公室']);
			expect([shaoyang.optionsCount, shaoyang.matchesCount]).toEqual([2, 1]);
			// LIKE's wildcards are searched as text.
			expect((await loadPickerView(db, DEFAULT_FILTERS, '%')).matchesCount).toBe(0);
		});
		it('facets list years and regions', async () => {
			const fa = await loadFacets(db);
			expect(fa.years).toEqual([2020, 2022, 2023]);
			const regions = await loadRegions(db);
			expect(regions.find((r) => r.prefecture === '邵阳市')?.counties).toEqual(['北塔区', '大祥区']);
		});
	});

	describe('every filter combination binds its parameters', () => {
		const all = f({
			from: 2021,
			to: 2023,
			prefecture: '邵阳市',
			county: '北塔区',
			level: 'county',
			q: '100%_\\'
		});
		it.each([
			['sangong', () => loadSangongView(db, all)],
			['execution', () => loadExecutionView(db, all)],
			['scores', () => loadScoresView(db, all)],
			['overview', () => loadOverviewView(db, all)],
			['compare', () => loadCompareView(db, all, [orgId('北塔')])]
		])('%s', async (_name, run) => {
			await expect(run()).resolves.toBeTruthy();
		});
		it('search matches names and aliases, LIKE wildcards are literal', async () => {
			const byAlias = await loadExecutionView(db, f({ q: '湘西自治州' }));
			expect(byAlias.rates.map((r) => r.org_id)).toEqual([orgId('湘西')]);
			const wild = await loadExecutionView(db, f({ q: '%' }));
			expect(wild.rates).toEqual([]);
		});
	});
});

// Department pages are read at build time only (prerendered): the browser never runs these
// queries (they keep stored order by rowid, which its views over the published files lack).
describe('department pages (node-api, build time)', () => {
	let db: Connector;
	let orgId: (part: string) => string;
	beforeAll(async () => {
		db = await buildDatabase();
		const orgs = await db.query<{ org_id: string; org_name: string }>('SELECT org_id, org_name FROM orgs');
		orgId = (part) => orgs.find((x) => x.org_name.includes(part))!.org_id;
	});

	it('department page holds every table and its facts', async () => {
		const v = (await loadOrgView(db, orgId('鼎城区')))!;
		expect(v.reports).toHaveLength(1);
		const fact = v.facts.find(
			(x) => x.table_name === 'sangong' && x.row_key === '2023|vehicle_operation|actual|'
		);
		expect(fact?.quote).toContain('333.14');
		expect(await loadOrgView(db, 'no-such-org')).toBeNull();
	});
	it('department pages read many at a time (the build) equal those read one by one', async () => {
		const ids = (await db.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY org_id')).map(
			(r) => r.org_id
		);
		expect(ids.length).toBe(5);
		const all = await loadOrgViews(db, ids[0], ids[4]);
		expect([...all.keys()]).toEqual(ids);
		for (const id of ids) {
			const one = (await loadOrgView(db, id))!;
			expect(one.facts.length).toBeGreaterThan(0);
			expect(one.facts.every((f) => !('__org_id' in f))).toBe(true);
			expect(all.get(id)).toEqual(one);
		}
		// A range holds exactly the departments in it.
		expect([...(await loadOrgViews(db, ids[1], ids[2])).keys()]).toEqual(ids.slice(1, 3));
	});
});
