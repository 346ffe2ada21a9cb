import { describe, expect, it } from 'vitest';
import { type FindingRow, isFiltered, matchesFilter } from '../../src/lib/data-page/findings';
import { sourceCounts, sourcesShown } from '../../src/lib/data-page/sources';
import type { SourceEntry } from '../../src/lib/schema/manifest';

const src = (file: string, status: SourceEntry['status']): SourceEntry => ({
	file,
	sha256: 'x',
	bytes: 1,
	status
});

describe('the /data/ source table', () => {
	const sources = [src('a', 'ok'), src('b', 'failed'), src('c', 'ok'), src('d', 'duplicate'), src('e', 'ok')];
	it('lists files not ingested first, each group in manifest order, up to the limit', () => {
		expect(sourcesShown(sources, 10).map((s) => s.file)).toEqual(['b', 'd', 'a', 'c', 'e']);
		expect(sourcesShown(sources, 3).map((s) => s.file)).toEqual(['b', 'd', 'a']);
	});
	it('counts every status present, ingested first', () => {
		expect(sourceCounts(sources)).toEqual([
			{ status: 'ok', n: 3 },
			{ status: 'duplicate', n: 1 },
			{ status: 'failed', n: 1 }
		]);
	});
});

describe('the /data/ findings filter', () => {
	const f = (severity: string, check_name: string, org_id: string) =>
		({
			severity,
			check_name,
			org_id,
			org_name: org_id === 'o1' ? '鼎城区财政局' : '北塔区委办公室'
		}) as FindingRow;
	const rows = [f('error', 'sum', 'o1'), f('warning', 'sum', 'o2'), f('error', 'rate', 'o2')];
	it('keeps the findings matching every chosen field', () => {
		expect(rows.filter(matchesFilter({ severity: 'error', check: '', org: '' }))).toEqual([rows[0], rows[2]]);
		expect(rows.filter(matchesFilter({ severity: 'error', check: '', org: 'o2' }))).toEqual([rows[2]]);
		expect(rows.filter(matchesFilter({ severity: '', check: 'sum', org: '' }))).toEqual([rows[0], rows[1]]);
	});
	it('finds a department by its org_id or by part of its name', () => {
		expect(rows.filter(matchesFilter({ severity: '', check: '', org: '北塔' }))).toEqual([rows[1], rows[2]]);
		expect(rows.filter(matchesFilter({ severity: '', check: '', org: 'o1' }))).toEqual([rows[0]]);
		expect(rows.filter(matchesFilter({ severity: '', check: '', org: '长沙' }))).toEqual([]);
	});
	it('is unfiltered only when nothing is chosen', () => {
		expect(isFiltered({ severity: '', check: '', org: '' })).toBe(false);
		expect(isFiltered({ severity: '', check: '', org: 'o1' })).toBe(true);
	});
});
