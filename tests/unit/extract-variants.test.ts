/**
 * The same report in the shapes real corpora take (DESIGN.md): traditional characters from a
 * mirror site, a TAB export turned into pipes, PDF page markers between lines. The seeds are the
 * reference: whatever a variant publishes must be what the seed itself publishes for that value
 * (a variant may lose values, never change them). The one exception is a value the report
 * states two ways (正文 vs 表格, published as a finding): with the table unreadable, the other
 * statement may come out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index';
import { isTraditional } from '../../src/lib/extract/traditional';
import type { ExtractResult } from '../../src/lib/extract/types';

const DIR = new URL('../../data/reports/', import.meta.url);
const SEEDS = readdirSync(DIR)
	.filter((f) => f.endsWith('.txt'))
	.map((f) => ({ file: f, text: readFileSync(new URL(f, DIR), 'utf8') }));
const run = (text: string) => extractReport({ text, sourceFile: 'v.txt', sha256: '0'.repeat(64) });

/** Every published value by its slot: reports column, 三公 year/item/basis/unit, 支出 year/category. */
function slots(r: ExtractResult): Map<string, unknown> {
	const out = new Map<string, unknown>();
	if (!r.ok) return out;
	for (const [k, v] of Object.entries(r.reports))
		if (k !== 'source_file' && v !== null) out.set(`reports.${k}`, v);
	for (const s of r.sangong) out.set(`sangong.${s.year}.${s.item}.${s.basis}.${s.unit ?? ''}`, s.amount_wan);
	for (const s of r.spending) out.set(`spending.${s.year}.${s.category}`, s.amount_wan);
	return out;
}

/** Values the report also states for a value it publishes (正文 vs 表格 findings). */
function alternatives(r: ExtractResult): Map<unknown, unknown[]> {
	const out = new Map<unknown, unknown[]>();
	if (!r.ok) return out;
	for (const f of r.findings)
		if (f.check_name === 'prose_table_mismatch') {
			const n = JSON.parse(f.numbers ?? '{}') as { published: unknown; others: unknown[] };
			out.set(n.published, [...(out.get(n.published) ?? []), ...n.others]);
		}
	return out;
}

function expectNoChangedValue(seed: string, variant: string) {
	const base = run(seed);
	const alt = alternatives(base);
	const want = slots(base);
	const got = slots(run(variant));
	// Still read as a report of the same department and year.
	expect(got.get('reports.org_id')).toBe(want.get('reports.org_id'));
	expect(got.get('reports.fiscal_year')).toBe(want.get('reports.fiscal_year'));
	for (const [slot, v] of got) {
		if (!want.has(slot)) continue;
		const w = want.get(slot);
		if (v !== w)
			expect(alt.get(w) ?? [], `${slot}: ${String(v)} where the seed has ${String(w)}`).toContain(v);
	}
	return { want, got };
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('a report in traditional characters', () => {
	for (const { file, text } of SEEDS)
		it(`${file}: the same values as the seed, and a notice that it was converted`, () => {
			const trad = toTraditional(text);
			expect(trad).not.toBe(text);
			expect(isTraditional(text)).toBe(false);
			expect(isTraditional(trad)).toBe(true);
			const { want, got } = expectNoChangedValue(text, trad);
			// Not just consistent: all of it (the checks and labels read the converted text).
			expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
			const r = run(trad);
			expect(r.ok && r.findings.filter((f) => f.check_name === 'traditional_script')).toHaveLength(1);
			const base = run(text);
			expect(base.ok && base.findings.some((f) => f.check_name === 'traditional_script')).toBe(false);
		});
});

describe('shapes of text exports: values may go missing, never change', () => {
	const variants: Record<string, (s: string) => string> = {
		'TAB cells turned into “ | ”': (s) => s.replace(/\t/g, ' | '),
		'TAB cells run together with one space (PDF copy)': (s) => s.replace(/\t/g, ' '),
		'TAB cells run together with two spaces': (s) => s.replace(/\t/g, '  '),
		'one-cell-per-line rows joined into lines': (s) => s.replace(/\n\t/g, ' '),
		'PDF page markers every 40 lines': (s) =>
			s
				.split('\n')
				.map((l, i) => (i % 40 === 39 ? `${l}\n\n— ${(i + 1) / 40} —\n` : l))
				.join('\n'),
		'“第 N 页 共 M 页” every 35 lines': (s) =>
			s
				.split('\n')
				.map((l, i) => (i % 35 === 34 ? `${l}\n第 ${(i + 1) / 35} 页 共 9 页\n` : l))
				.join('\n')
	};
	for (const [name, make] of Object.entries(variants))
		for (const { file, text } of SEEDS)
			it(`${name}: ${file}`, () => {
				expectNoChangedValue(text, make(text));
			});

	it('a pipe row that starts with an empty cell keeps its columns (荷塘区: 编制数 27, 实有 40)', () => {
		const hetang = SEEDS.find((s) => s.text.includes('株洲市荷塘区'))!.text;
		const r = run(hetang.replace(/\t/g, ' | '));
		expect(r.ok && [r.reports.headcount_authorized, r.reports.headcount_actual]).toEqual([27, 40]);
		expect(r.ok && [r.reports.budget_initial, r.reports.budget_full_year, r.reports.executed]).toEqual([
			582.71, 737.26, 737.26
		]);
	});

	it('cells run together: a 基础数据表 line is read when it has one value per year column (荷塘区)', () => {
		const hetang = SEEDS.find((s) => s.text.includes('株洲市荷塘区'))!.text;
		const r = run(hetang.replace(/\t/g, ' '));
		if (!r.ok) throw new Error(r.reason);
		const sg = (y: number, item: string, basis: string) =>
			r.sangong.find((s) => s.year === y && s.item === item && s.basis === basis)?.amount_wan;
		const sp = (y: number, category: string) =>
			r.spending.find((s) => s.year === y && s.category === category)?.amount_wan;
		// “三公经费	0	1	0.28” under 2021年决算数 | 2022年预算数 | 2022年决算数 (the report's 附件 1-1).
		expect([sg(2021, 'total', 'actual'), sg(2022, 'total', 'budget'), sg(2022, 'total', 'actual')]).toEqual([
			0, 1, 0.28
		]);
		expect([sp(2021, 'project'), sp(2022, 'project'), sp(2021, 'public'), sp(2022, 'public')]).toEqual([
			28.6, 142.8, 381.96, 193.82
		]);
		// “3、公务接待		1	0.28”: two values under three years; which year is empty cannot be told.
		expect(sg(2022, 'reception', 'actual')).toBeUndefined();
	});

	// 荷塘区's 2022 年度部门整体支出绩效自评表 (line 156 of the seed): “资 金 情 况 (万 元)	年度资金总额
	// 	年初预算数	全 年 预 算 数	全年执行数	分值	执行率	得分 (分值 × 执行率)”, then “	合计		582.71	737.26
	// 737.26	10	100%	10”.
	const hetangRunTogether = () =>
		SEEDS.find((s) => s.text.includes('株洲市荷塘区'))!.text.replace(/\t/g, ' ');
	const funds = (text: string) => {
		const r = run(text);
		if (!r.ok) throw new Error(r.reason);
		const { budget_initial, budget_full_year, executed, execution_rate_reported } = r.reports;
		return [budget_initial, budget_full_year, executed, execution_rate_reported];
	};

	it('cells run together: the 自评表 资金 合计 line, one value per column, under a 部门整体 title', () => {
		expect(funds(hetangRunTogether())).toEqual([582.71, 737.26, 737.26, 1]);
	});

	it('cells run together: the same 资金 lines under a project title, or under no 部门整体 title, give nothing', () => {
		const text = hetangRunTogether();
		// The table's title line (the same words also appear in the list of 附件 above it).
		const title = /^2022 年度部门整体支出绩效自评表$/m;
		expect(text).toMatch(title);
		// A project's funds read as the department's would be wrong numbers, not missing ones.
		expect(funds(text.replace(title, '2022 年度项目支出绩效自评表'))).toEqual([null, null, null, null]);
		// No title says 部门整体 above it (the nearest title line counts, as for other tables).
		const noTitle = text.replace(/^.*部门整体支出绩效(自评|评价基础数据)表$/gm, '');
		expect(noTitle).not.toMatch(/部门整体支出绩效(自评|评价基础数据)表/);
		expect(funds(noTitle)).toEqual([null, null, null, null]);
	});
});
