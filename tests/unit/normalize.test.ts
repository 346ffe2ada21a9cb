import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/lib/extract/normalize';

describe('normalizeText', () => {
	it.each([
		[
			'Word bookmark debris',
			'\t[bookmark: _GoBack] 中共邵阳市北塔区委办公室  ',
			'\t中共邵阳市北塔区委办公室\n'
		],
		['spaces inside Chinese words', '满 意 度 指 标', '满意度指标\n'],
		['spaces between numbers and Chinese', '退休 12 人，占7.9 %', '退休12人，占7.9%\n'],
		['full-width digits and percent', '４、增长１２．５％', '4、增长12.5%\n'],
		['full-width space', '　　2023年', '2023年\n'],
		['spaces inside a number', '48, 701, 473.00元 和 333. 14万元', '48,701,473.00元和333.14万元\n'],
		['CRLF and BOM', '\uFEFF一\r\n二\r\n', '一\n二\n'],
		['tabs are kept as cell separators', '三公经费\t0\t1\t0.28', '三公经费\t0\t1\t0.28\n'],
		['runs of blank lines collapse', 'a\n\n\n\nb', 'a\n\nb\n']
	])('%s', (_, input, expected) => {
		expect(normalizeText(input)).toBe(expected);
	});
});
