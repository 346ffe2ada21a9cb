import { describe, expect, it } from 'vitest';
import {
	DEFAULT_FILTERS,
	describeFilters,
	filterOnlySearch,
	filtersToSearch,
	isDefaultFilters,
	parseFilters,
	searchWith
} from '../../../src/lib/filters/filters';
import { orgCondition, yearCondition } from '../../../src/lib/db/queries/filter-sql';

const sp = (s: string) => new URLSearchParams(s);

describe('filters ↔ URL', () => {
	it('round-trips every filter', () => {
		const f = parseFilters(sp('from=2021&to=2023&pref=邵阳市&county=北塔区&level=county&q=政府办'));
		expect(f).toEqual({
			from: 2021,
			to: 2023,
			prefecture: '邵阳市',
			county: '北塔区',
			level: 'county',
			q: '政府办'
		});
		expect(parseFilters(sp(filtersToSearch(f).slice(1)))).toEqual(f);
	});
	it.each([
		['from=abc&to=20233', { from: null, to: null }],
		['from=2023&to=2021', { from: 2021, to: 2023 }],
		['level=village', { level: null }],
		['q=%20%20', { q: null }]
	])('cleans %s', (q, want) => expect(parseFilters(sp(q))).toMatchObject(want));
	it('keeps page parameters, drops empty filters', () => {
		expect(filtersToSearch(DEFAULT_FILTERS, sp('ids=a,b&from=2020'))).toBe('?ids=a%2Cb');
		expect(searchWith(DEFAULT_FILTERS, sp('ids=a'), { ids: null })).toBe('');
		expect(filterOnlySearch(sp('ids=a&from=2022'))).toBe('?from=2022');
	});
	it('default and description', () => {
		expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
		expect(describeFilters(DEFAULT_FILTERS)).toBe('全部年度、全部地区');
		expect(describeFilters({ ...DEFAULT_FILTERS, from: 2022, to: 2022, level: 'county' })).toBe(
			'2022年 · 县区级'
		);
	});
});

describe('filter SQL', () => {
	it('no filters → TRUE without parameters', () => {
		expect(orgCondition(DEFAULT_FILTERS)).toEqual({ sql: 'TRUE', params: [] });
		expect(yearCondition(DEFAULT_FILTERS, 'year')).toEqual({ sql: 'TRUE', params: [] });
	});
	it('parameters in text order; LIKE wildcards escaped', () => {
		const c = orgCondition({ ...DEFAULT_FILTERS, prefecture: 'P', q: '50%_a' });
		expect(c.sql.match(/\?/g)).toHaveLength(c.params.length);
		expect(c.params).toEqual(['P', '%50\\%\\_a%', '%50\\%\\_a%']);
		const y = yearCondition({ ...DEFAULT_FILTERS, from: 2020, to: 2021 }, 'r.fiscal_year');
		expect(y).toEqual({
			sql: '(r.fiscal_year >= ?::INTEGER) AND (r.fiscal_year <= ?::INTEGER)',
			params: [2020, 2021]
		});
	});
});
