import { describe, expect, it } from 'vitest';
import {
	cleanLiteral,
	parseCellNumber,
	shiftDecimal,
	toWan,
	wanDecimals
} from '../../src/lib/extract/numbers';

describe('money in 万元, every decimal kept', () => {
	it.each([
		['48701473.00', '元', 4870.1473],
		['26678795.66', '元', 2667.879566],
		['3347.96', '万元', 3347.96],
		['1.2', '亿元', 12000],
		['5', '元', 0.0005],
		['-15.66', '万元', -15.66]
	] as const)('%s %s → %s 万元', (literal, unit, wan) => {
		expect(toWan(literal, unit)).toBe(wan);
	});
	it('counts decimals in 万元', () => {
		expect(wanDecimals('48701473.00', '元')).toBe(6);
		expect(wanDecimals('394.50', '万元')).toBe(2);
	});
	it('shifts decimals exactly', () => {
		expect(shiftDecimal('87.57', -2)).toBe(0.8757);
		expect(shiftDecimal('0.1', 1)).toBe(1);
	});
	it('reads literals with thousands separators only', () => {
		expect(cleanLiteral('48,701,473.00')).toBe('48701473.00');
		expect(cleanLiteral('12a')).toBeNull();
	});
	it('reads number cells', () => {
		expect(parseCellNumber('100.00%')).toEqual({ literal: '100.00', percent: true });
		expect(parseCellNumber('394.50')).toEqual({ literal: '394.50', percent: false });
		expect(parseCellNumber('有所增强')).toBeNull();
		expect(parseCellNumber('')).toBeNull();
	});
});
