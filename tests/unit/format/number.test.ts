import { describe, expect, it } from 'vitest';
import {
	MISSING,
	decimals,
	formatCount,
	formatPercent,
	formatPercentDelta,
	formatPointsDelta,
	formatScore,
	formatWan,
	formatWanDelta,
	formatWanExact,
	formatWanNumber,
	relativeChange
} from '../../../src/lib/format/number';

describe('formatWan', () => {
	it.each([
		[333.14, '333.14 万元'],
		[360.11, '360.11 万元'],
		[4.53, '4.53 万元'],
		[0, '0.00 万元'],
		[4870.1473, '4,870.15 万元'],
		[9999.994, '9,999.99 万元'],
		[10000, '1.00 亿元'],
		[12345.67, '1.23 亿元'],
		[-26.97, '-26.97 万元'],
		[-0.001, '0.00 万元'],
		[-15000, '-1.50 亿元']
	])('%s → %s', (v, want) => expect(formatWan(v)).toBe(want));

	it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('%s → 未披露, never 0', (v) =>
		expect(formatWan(v)).toBe(MISSING)
	);
});

describe('formatWanExact keeps every source decimal', () => {
	it.each([
		[4870.1473, '4,870.1473 万元'],
		[333.14, '333.14 万元'],
		[72.1, '72.10 万元'],
		[12345.6789, '1.23 亿元（12,345.6789 万元）'],
		[null, MISSING]
	])('%s → %s', (v, want) => expect(formatWanExact(v)).toBe(want));
});

describe('formatWanNumber / formatWanDelta', () => {
	it('number only', () => {
		expect(formatWanNumber(1234.5)).toBe('1,234.50');
		expect(formatWanNumber(null)).toBe(MISSING);
	});
	it.each([
		[12.3, '+12.30 万元'],
		[-26.97, '-26.97 万元'],
		[0, '0.00 万元'],
		[0.001, '0.00 万元'],
		[20000, '+2.00 亿元'],
		[null, MISSING]
	])('delta %s → %s', (v, want) => expect(formatWanDelta(v)).toBe(want));
});

describe('percent', () => {
	it.each([
		[0.876, '87.6%'],
		[0.8757, '87.6%'],
		[1, '100.0%'],
		[0, '0.0%'],
		[1.2345, '123.5%'],
		[2410.856, '241,085.6%'],
		[-0.0004, '0.0%'],
		[null, MISSING]
	])('formatPercent %s → %s', (v, want) => expect(formatPercent(v)).toBe(want));

	it.each([
		[0.1234, '+12.3%'],
		[-0.0749, '-7.5%'],
		[12.5, '+1,250.0%'],
		[0.0001, '0.0%'],
		[null, MISSING]
	])('formatPercentDelta %s → %s', (v, want) => expect(formatPercentDelta(v)).toBe(want));

	it.each([
		[0.012, '+1.2 个百分点'],
		[-0.05, '-5.0 个百分点'],
		[0, '0.0 个百分点']
	])('formatPointsDelta %s → %s', (v, want) => expect(formatPointsDelta(v)).toBe(want));
});

describe('score and count', () => {
	it.each([
		[97, '97 分'],
		[92.5, '92.5 分'],
		[99.999, '100 分'],
		[null, MISSING]
	])('formatScore %s → %s', (v, want) => expect(formatScore(v)).toBe(want));

	it('formatCount', () => {
		expect(formatCount(12345)).toBe('12,345');
		expect(formatCount(146, '人')).toBe('146 人');
		expect(formatCount(null, '人')).toBe(MISSING);
	});
});

describe('relativeChange', () => {
	it.each([
		[333.14, 360.11, (333.14 - 360.11) / 360.11],
		[5, 0, null],
		[null, 3, null],
		[3, null, null],
		[-2, -4, 0.5]
	])('(%s, %s) → %s', (c, p, want) => {
		const got = relativeChange(c, p);
		if (want === null) expect(got).toBeNull();
		else expect(got).toBeCloseTo(want, 12);
	});
});

describe('decimals', () => {
	it.each([
		[4870.1473, 4],
		[0.1 + 0.2, 1],
		[100, 0],
		[333.14, 2]
	])('%s has %s decimals', (v, want) => expect(decimals(v)).toBe(want));
});

describe('rounding is decimal, half away from zero', () => {
	it.each([
		[0.8755, '87.6%'],
		[0.00005, '0.0%']
	])('formatPercent %s → %s', (v, want) => expect(formatPercent(v)).toBe(want));
	it('formatWan 1.005 → 1.01', () => expect(formatWan(1.005)).toBe('1.01 万元'));
});
