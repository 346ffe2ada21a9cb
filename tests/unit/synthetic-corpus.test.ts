import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index';
import { generateCorpus, perturb, rng, SYNTHETIC_MARK } from '../../scripts/lib/synthetic-corpus';

const root = mkdtempSync(join(tmpdir(), 'corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('synthetic corpus', () => {
	it('marks every file, is reproducible, and gives reports the extractor reads', () => {
		const a = generateCorpus({ seedsDir: 'data/reports', outDir: join(root, 'a'), count: 12, seed: 7 });
		const b = generateCorpus({ seedsDir: 'data/reports', outDir: join(root, 'b'), count: 12, seed: 7 });
		expect(readdirSync(join(root, 'a'))).toHaveLength(12);
		for (let i = 0; i < a.length; i++) {
			const text = readFileSync(a[i], 'utf8');
			expect(text.split('\n')[0]).toBe(SYNTHETIC_MARK);
			expect(text).toBe(readFileSync(b[i], 'utf8'));
			const r = extractReport({ text, sourceFile: a[i], sha256: 'c'.repeat(64) });
			expect(r.ok, a[i]).toBe(true);
		}
	});

	it('moves a report to another real county, shifts its years and scales its amounts', () => {
		const seed = '2023年度常德市鼎城区人民政府办公室\n公务接待费4.53万元，合计48,701,473.00元。\n';
		const out = perturb(seed, { province: '湖南省', prefecture: '常德市', county: '鼎城区' }, rng(1));
		expect(out).not.toContain('鼎城区');
		expect(out).not.toContain('常德市');
		expect(out).toMatch(
			/^【合成测试数据 SYNTHETIC】\n20(19|2\d)年度\S+(市|州|盟|地区)\S+(区|县|市|旗)人民政府办公室/
		);
		expect(out).toMatch(/公务接待费\d+\.\d{2}万元，合计\d{1,3}(,\d{3})*\.\d{2}元/);
	});

	it('refuses to write into data/', () => {
		expect(() => generateCorpus({ seedsDir: 'data/reports', outDir: 'data/synthetic', count: 1 })).toThrow(
			/data\//
		);
	});
});
