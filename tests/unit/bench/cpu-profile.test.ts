import { describe, expect, it } from 'vitest';
import { type CpuProfile, callersOf, timesByFunction, top } from '../../../scripts/bench/cpu-profile';

const frame = (functionName: string, lineNumber = 0) => ({
	functionName,
	url: 'http://x/_app/chunk.js',
	lineNumber,
	columnNumber: 4
});

// root → main → draw → draw (recursion) → text; main → query
const profile: CpuProfile = {
	nodes: [
		{ id: 1, callFrame: frame('(root)'), children: [2] },
		{ id: 2, callFrame: frame('main', 1), children: [3, 6] },
		{ id: 3, callFrame: frame('draw', 2), children: [4] },
		{ id: 4, callFrame: frame('draw', 2), children: [5] },
		{ id: 5, callFrame: frame('text', 3) },
		{ id: 6, callFrame: frame('query', 4) }
	],
	samples: [3, 4, 5, 5, 6, 2],
	timeDeltas: [1000, 1000, 2000, 2000, 3000, 500]
};

describe('cpu-profile: a V8 profile summed by function', () => {
	it('self time by function, recursive calls added together', () => {
		const { self } = timesByFunction(profile);
		expect(self.get('draw chunk.js:2')).toBe(2);
		expect(self.get('text chunk.js:3')).toBe(4);
		expect(self.get('query chunk.js:4')).toBe(3);
		expect(self.get('main chunk.js:1')).toBe(0.5);
	});

	it('total time counts a recursive function once per sample', () => {
		const { total } = timesByFunction(profile);
		expect(total.get('draw chunk.js:2')).toBe(6);
		expect(total.get('main chunk.js:1')).toBe(9.5);
		expect(total.get('(root) chunk.js:0')).toBe(9.5);
		expect(top(total, 2).map(([k]) => k)).toEqual(['main chunk.js:1', '(root) chunk.js:0']);
	});

	it('callers of a function: its time and below, by call chain', () => {
		const c = callersOf(profile, 'text');
		expect([...c]).toEqual([
			['draw chunk.js:2:4 < draw chunk.js:2:4 < main chunk.js:1:4 < (root) chunk.js:0:4', 4]
		]);
		expect(callersOf(profile, 'query', 1).get('main chunk.js:1:4')).toBe(3);
	});
});
