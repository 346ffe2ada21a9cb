import { describe, expect, it } from 'vitest';
import { countyOptions } from '../../../src/lib/filters/filters';

const REGIONS = [
	{ prefecture: '南京市', counties: ['玄武区', '鼓楼区'] },
	{ prefecture: '福州市', counties: ['鼓楼区', '台江区'] },
	{ prefecture: '邵阳市', counties: [] }
];

describe('countyOptions', () => {
	it('lists a name shared by several prefectures once (a repeated key broke the pages at scale)', () => {
		expect(countyOptions(REGIONS, null)).toEqual(['玄武区', '鼓楼区', '台江区']);
	});
	it('lists the chosen prefecture’s counties, none for an unknown one', () => {
		expect(countyOptions(REGIONS, '福州市')).toEqual(['鼓楼区', '台江区']);
		expect(countyOptions(REGIONS, '长沙市')).toEqual([]);
	});
});
