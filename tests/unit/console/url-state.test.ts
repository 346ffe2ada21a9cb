/** The console's URL: query and chart choice survive a round trip; junk is ignored. */
import { describe, expect, it } from 'vitest';
import { decodeConsoleState, encodeConsoleState } from '../../../src/lib/console/url-state';

describe('console URL state', () => {
	it('round trip with Chinese, quotes, newlines and several y columns', () => {
		const state = {
			sql: "SELECT org_name, amount_wan\nFROM sangong s JOIN orgs USING (org_id)\nWHERE org_name LIKE '%鼎城区%' AND x = 'a&b=c#d'",
			chart: { kind: 'bar' as const, x: 'org_name', y: ['amount_wan', 'prev_amount_wan'] }
		};
		const search = encodeConsoleState(state);
		expect(search.startsWith('?q=')).toBe(true);
		expect(search).not.toContain('#');
		expect(decodeConsoleState(new URLSearchParams(search))).toEqual(state);
	});
	it('exact parameter names (documented in the README)', () => {
		const p = new URLSearchParams(
			encodeConsoleState({ sql: 'SELECT 1', chart: { kind: 'scatter', x: 'a', y: ['b'] } })
		);
		expect([...p.keys()]).toEqual(['q', 'chart', 'x', 'y']);
		expect(p.get('chart')).toBe('scatter');
	});
	it('empty console → empty search; an incomplete or unknown chart is dropped', () => {
		expect(encodeConsoleState({ sql: '  ', chart: null })).toBe('');
		expect(decodeConsoleState(new URLSearchParams('q=SELECT+1&chart=pie&x=a&y=b'))).toEqual({
			sql: 'SELECT 1',
			chart: null
		});
		expect(decodeConsoleState(new URLSearchParams('chart=bar&x=a')).chart).toBeNull();
	});
});
