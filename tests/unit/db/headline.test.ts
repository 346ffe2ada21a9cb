import { describe, expect, it } from 'vitest';
import { headline } from '../../../src/lib/db/queries/overview';
import { parseIds } from '../../../src/lib/db/queries/compare';
import { settle } from '../../../src/lib/db/queries/plan';

describe('headline: the latest year against the year before', () => {
	const years = [
		{ year: 2022, reports: 2, median_rate: 0.94, low_rate: 1, median_score: 93.5 },
		{ year: 2023, reports: 2, median_rate: 1, low_rate: 0, median_score: 98.5 }
	];
	it('picks the latest year and its like-for-like 三公 pair', () => {
		const h = headline(
			years,
			4,
			[{ year: 2023, cur: 337.77, prev: 371.85, n: 2, derived: true }],
			[
				{ severity: 'error', n: 8 },
				{ severity: 'warning', n: 6 }
			]
		);
		expect(h).toMatchObject({
			year: 2023,
			reports: 4,
			orgs: 4,
			sangong_wan: 337.77,
			sangong_prev_wan: 371.85,
			sangong_orgs: 2,
			sangong_derived: true,
			median_rate: 1,
			median_rate_prev: 0.94,
			median_score_prev: 93.5,
			findings_error: 8,
			findings_warning: 6
		});
	});
	it('unknown stays unknown: no previous year, no pair, no data', () => {
		const h = headline([years[1]], 2, [], []);
		expect(h.median_rate_prev).toBeNull();
		expect(h.sangong_wan).toBeNull();
		expect(h.sangong_orgs).toBe(0);
		expect(headline([], 0, [], [])).toMatchObject({
			year: null,
			reports: 0,
			median_rate: null,
			median_score: null
		});
	});
});

describe('plans and parameters', () => {
	it('settle awaits every part', async () => {
		await expect(settle({ a: Promise.resolve(1), b: Promise.resolve('x') })).resolves.toEqual({
			a: 1,
			b: 'x'
		});
	});
	it('parseIds: unique, trimmed, at most six', () => {
		expect(parseIds(' a,b,,a,c,d,e,f,g ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
		expect(parseIds(null)).toEqual([]);
	});
});
