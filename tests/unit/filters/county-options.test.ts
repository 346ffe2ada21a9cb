import { describe, expect, it } from 'vitest';
import { countyOptions } from '../../../src/lib/filters/filters';

const REGIONS = [
	{ prefecture: '南京市', counties: ['玄武区', '鼓楼区'] },
	{ prefecture: '福州市', counties: ['鼓楼区', '台江区'] },
	{ prefecture: '邵阳市', counties: [] }
];

describe('countyOptions', () => {
	it('lists the chosen prefecture’s counties, none for an unknown one or one without counties', () => {
		expect(countyOptions(REGIONS, '福州市', null)).toEqual(['鼓楼区', '台江区']);
		expect(countyOptions(REGIONS, '福州市', '鼓楼区')).toEqual(['鼓楼区', '台江区']);
		expect(countyOptions(REGIONS, '长沙市', null)).toEqual([]);
		expect(countyOptions(REGIONS, '邵阳市', null)).toEqual([]);
	});
	it('lists no county before a prefecture is chosen (thousands of options at national scale)', () => {
		expect(countyOptions(REGIONS, null, null)).toEqual([]);
	});
	it('keeps a county named by a link without its prefecture, so the form shows the filter in force', () => {
		expect(countyOptions(REGIONS, null, '鼓楼区')).toEqual(['鼓楼区']);
	});
});
