/**
 * Golden tests: one per seed report. Every expected value below was read off the report by a
 * person (file and wording noted beside it), never produced by running the extractor.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/lib/extract/index';
import type { ExtractedRows } from '../../src/lib/extract/types';

const DIR = new URL('../../data/reports/', import.meta.url);

function load(file: string): ExtractedRows & { text: string } {
	const r = extractReport({
		text: readFileSync(new URL(file, DIR), 'utf8'),
		sourceFile: file,
		sha256: 'f'.repeat(64)
	});
	if (!r.ok) throw new Error(`${file}: ${r.reason}`);
	return r;
}

type SG = [year: number, item: string, basis: string, amount: number, derived: boolean, unit?: string];
type SP = [year: number, category: string, amount: number, derived: boolean];

function expectSangong(r: ExtractedRows, expected: SG[]) {
	const got = r.sangong.map((s) => [s.year, s.item, s.basis, s.amount_wan, s.derived, s.unit ?? undefined]);
	expect(got).toEqual(expect.arrayContaining(expected.map((e) => [...e.slice(0, 5), e[5]])));
	expect(r.sangong).toHaveLength(expected.length);
}

function expectSpending(r: ExtractedRows, expected: SP[]) {
	const got = r.spending.map((s) => [s.year, s.category, s.amount_wan, s.derived]);
	expect(got).toEqual(expect.arrayContaining(expected));
	expect(r.spending).toHaveLength(expected.length);
}

/** The fact behind a published value quotes the expected source text. */
function expectQuote(r: ExtractedRows, table: string, column: string, rowKey: string | null, quote: string) {
	const f = r.facts.find((x) => x.table_name === table && x.column_name === column && x.row_key === rowKey);
	expect(f, `${table}.${column} ${rowKey}`).toBeDefined();
	expect(f!.quote.replace(/\s+/g, '')).toContain(quote);
}

const checks = (r: ExtractedRows) => r.findings.map((f) => `${f.severity}:${f.check_name}`);

describe('000 鼎城区政府办 2023 (prose 三公, 区政府办 title)', () => {
	const r = load('000_6071d45c8067cb91.txt');
	it('identifies the department and region', () => {
		expect(r.reports).toMatchObject({
			org_name: '常德市鼎城区人民政府办公室',
			province: '湖南省',
			prefecture: '常德市',
			county: '鼎城区',
			admin_level: 'county',
			fiscal_year: 2023,
			report_kind: 'dept_self'
		});
		expect(r.org.alias).toBe('区政府办');
	});
	it('reads score, grade and headcount', () => {
		// “部门整体绩效自评分100分，为“优”等级”; “年初在职人员74人，年末人数66人”
		expect(r.reports).toMatchObject({
			score_total: 100,
			grade: '优',
			headcount_actual: 66,
			headcount_authorized: null,
			budget_initial: null,
			executed: null
		});
		expectQuote(r, 'reports', 'headcount_actual', null, '年末人数66人');
	});
	it('reads 三公 from prose, deriving the prior year', () => {
		// “2023年公务用车运行费333.14万元，对比上年减少26.97万元” → 2022: 360.11 (derived);
		// “公务接待费4.53万元，对比上年减少1.8万元” → 2022: 6.33; the 72.1万元 购置费 belongs to 机关事务服务中心.
		expectSangong(r, [
			[2023, 'vehicle_operation', 'actual', 333.14, false],
			[2022, 'vehicle_operation', 'actual', 360.11, true],
			[2023, 'reception', 'actual', 4.53, false],
			[2022, 'reception', 'actual', 6.33, true]
		]);
		expectQuote(
			r,
			'sangong',
			'amount_wan',
			'2022|vehicle_operation|actual|',
			'公务用车运行费333.14万元，对比上年减少26.97万元'
		);
		expect(r.facts.find((f) => f.row_key === '2022|vehicle_operation|actual|')?.method).toBe('derived');
	});
	it('reads spending', () => {
		// “支出总额3347.96万元…基本支出1377.69万元（人员经费1243.34万元，公用经费134.35万元），项目支出1970.27万元”
		expectSpending(r, [
			[2023, 'total', 3347.96, false],
			[2023, 'basic', 1377.69, false],
			[2023, 'personnel', 1243.34, false],
			[2023, 'public', 134.35, false],
			[2023, 'project', 1970.27, false]
		]);
	});
	it('finds the percentage that does not match its amounts', () => {
		// 1.8 / 6.33 = 28.44%, the report says 下降28.35%. 7.49% for 26.97/360.11 is right.
		expect(checks(r)).toEqual(['warning:percent_change_mismatch']);
		expect(r.findings[0].quote).toContain('下降28.35%');
	});
});

describe('001 荷塘区人民政府办公室 2022 (tab tables, project scored 100 in prose and 97 in its table)', () => {
	const r = load('001_6d257a0b0d15b354.txt');
	it('reads the report row', () => {
		// 编制数 27, 实际在职人数 40; 自评表 合计 582.71 / 737.26 / 737.26, 100%; 总分 100 | 92
		expect(r.reports).toMatchObject({
			org_name: '株洲市荷塘区人民政府办公室',
			prefecture: '株洲市',
			county: '荷塘区',
			fiscal_year: 2022,
			headcount_authorized: 27,
			headcount_actual: 40,
			budget_initial: 582.71,
			budget_full_year: 737.26,
			executed: 737.26,
			execution_rate: 1,
			execution_rate_reported: 1,
			score_total: 92
		});
		expectQuote(r, 'reports', 'budget_initial', null, '合计582.71');
	});
	it('reads 三公 by year and basis from 基础数据表', () => {
		// 三公经费 0 | 1 | 0.28 ; 公务接待 (blank) | 1 | 0.28 ; vehicle and overseas rows blank = unknown
		expectSangong(r, [
			[2021, 'total', 'actual', 0, false],
			[2022, 'total', 'budget', 1, false],
			[2022, 'total', 'actual', 0.28, false],
			[2022, 'reception', 'budget', 1, false],
			[2022, 'reception', 'actual', 0.28, false]
		]);
	});
	it('reads spending from prose and the table', () => {
		// 基本支出591.29万元 (人员经费397.46, 公用经费193.82); 项目支出 28.6 (2021决算) / 142.8; 公用经费 381.96 (2021)
		expectSpending(r, [
			[2022, 'basic', 591.29, false],
			[2022, 'personnel', 397.46, false],
			[2022, 'public', 193.82, false],
			[2022, 'project', 142.8, false],
			[2021, 'project', 28.6, false],
			[2021, 'public', 381.96, false]
		]);
	});
	it('reads the project with its table score', () => {
		expect(r.projects).toEqual([
			expect.objectContaining({
				name: '政府招商督查会议专项经费',
				budget_initial: 52,
				budget_full_year: 142.8,
				executed: 142.8,
				execution_rate: 1,
				score: 97,
				grade: '优'
			})
		]);
	});
	it('reads the indicator table', () => {
		expect(r.indicators).toHaveLength(10);
		expect(r.indicators[1]).toMatchObject({
			level1: '产出指标',
			level2: '数量指标',
			level3: '缩减2022年预算专项支出。',
			target: '20%',
			actual: '100%',
			weight: 5,
			score: 5
		});
		expect(r.indicators[9]).toMatchObject({ level1: '满意度指标', level2: '服务对象', weight: 10, score: 9 });
	});
	it('finds the report’s inconsistencies', () => {
		// prose 100 vs table 97; 397.46 + 193.82 = 591.28 ≠ 591.29; scores 79 ≠ 92; weights 85 ≠ 100; 产出 (50分) has 35
		expect(checks(r).sort()).toEqual(
			[
				'error:prose_table_mismatch',
				'info:basic_equals_personnel_public',
				'error:score_total_mismatch',
				'warning:weights_sum',
				'warning:group_weight_sum'
			].sort()
		);
		// The report: “总分 100 97” (cells split by tabs) in the project table, “得分为100分” in the prose. The message
		// names the column in Chinese (it said “score”).
		const f = r.findings.find((x) => x.check_name === 'prose_table_mismatch');
		expect(f?.message).toMatch(
			/^项目“政府招商督查会议专项经费”自评得分：表格为 97（“总分\s+100\s+97”），但正文为 100/
		);
	});
});

describe('002 中共邵阳市北塔区委办公室 2023 (one cell per line, 394.50 vs 594.67, copy-paste row)', () => {
	const r = load('002_39c952c7f1c00a81.txt');
	it('reads the report row, publishing the table’s 年初预算 and flagging the prose', () => {
		expect(r.reports).toMatchObject({
			org_name: '中共邵阳市北塔区委办公室',
			prefecture: '邵阳市',
			county: '北塔区',
			fiscal_year: 2023,
			score_total: 97,
			grade: '优',
			headcount_authorized: 20,
			headcount_actual: 20,
			budget_initial: 394.5,
			budget_full_year: 594.67,
			executed: 594.67,
			execution_rate_reported: 1
		});
		const f = r.findings.find((x) => x.check_name === 'prose_table_mismatch');
		expect(f?.message).toContain('594.67');
		expect(f?.severity).toBe('error');
	});
	it('reads 三公 from the cell-per-line table, zeros included', () => {
		expectSangong(r, [
			[2022, 'total', 'actual', 5.41, false],
			[2022, 'vehicle_total', 'actual', 5.41, false],
			[2022, 'vehicle_purchase', 'actual', 0, false],
			[2022, 'vehicle_operation', 'actual', 0, false],
			[2022, 'overseas', 'actual', 0, false],
			[2022, 'reception', 'actual', 5.41, false],
			[2023, 'total', 'budget', 0, false],
			[2023, 'vehicle_total', 'budget', 0, false],
			[2023, 'vehicle_purchase', 'budget', 0, false],
			[2023, 'vehicle_operation', 'budget', 0, false],
			[2023, 'overseas', 'budget', 0, false],
			[2023, 'reception', 'budget', 0, false],
			[2023, 'total', 'actual', 0.1, false],
			[2023, 'vehicle_total', 'actual', 0, false],
			[2023, 'vehicle_purchase', 'actual', 0, false],
			[2023, 'vehicle_operation', 'actual', 0, false],
			[2023, 'overseas', 'actual', 0, false],
			[2023, 'reception', 'actual', 0.1, false]
		]);
	});
	it('derives 2022 spending from “比上年增加/减少”', () => {
		// 594.67 −9.52 = 585.15; 594.67 −157.89 = 436.78; 0 +148.58; 387.97 −68.84 = 319.13; 206.7 −89.05 = 117.65 (table states 117.65, 148.58)
		expectSpending(r, [
			[2023, 'total', 594.67, false],
			[2023, 'basic', 594.67, false],
			[2023, 'project', 0, false],
			[2023, 'personnel', 387.97, false],
			[2023, 'public', 206.7, false],
			[2022, 'total', 585.15, true],
			[2022, 'basic', 436.78, true],
			[2022, 'project', 148.58, false],
			[2022, 'personnel', 319.13, true],
			[2022, 'public', 117.65, false]
		]);
	});
	it('finds the copy-paste row, the broken sums and the weights', () => {
		expect(checks(r).sort()).toEqual(
			[
				'error:duplicate_row_value',
				'error:prose_table_mismatch',
				'error:sangong_vehicle_sum',
				'error:sangong_items_sum',
				'error:total_equals_basic_project',
				'warning:weights_sum',
				'warning:group_weight_sum',
				'warning:group_weight_sum'
			].sort()
		);
	});
});

describe('003 湘西自治州人民政府办公室 2022 (元 amounts, sub-units, two names)', () => {
	const r = load('003_b21f9ed3680f3343.txt');
	it('resolves 湘西自治州 to 湘西土家族苗族自治州 at prefecture level', () => {
		expect(r.reports).toMatchObject({
			org_name: '湘西土家族苗族自治州人民政府办公室',
			prefecture: '湘西土家族苗族自治州',
			county: null,
			admin_level: 'prefecture',
			report_kind: 'unit_self',
			fiscal_year: 2022
		});
	});
	it('keeps every source decimal of 元 amounts', () => {
		// 年初预算34,128,169.00元，全年预算数93,324,318.17元，预算执行数81,727,339.46元，预算执行率87.57%
		expect(r.reports).toMatchObject({
			budget_initial: 3412.8169,
			budget_full_year: 9332.431817,
			executed: 8172.733946,
			execution_rate_reported: 0.8757,
			score_total: 95,
			grade: '优',
			headcount_authorized: 146,
			headcount_actual: 127
		});
		expect(r.reports.execution_rate).toBeCloseTo(0.875735, 6);
		expectQuote(r, 'reports', 'budget_initial', null, '年初预算34,128,169.00元');
	});
	it('reads 三公 for the department and each sub-unit', () => {
		const units = [
			'州政府办本级',
			'州政府驻长沙办事处',
			'州政府驻北京联络处',
			'州政府驻上海联络处',
			'州政府驻深圳办事处'
		];
		const rows: [string, number, number, number, number, number][] = [
			['', 258.48016, 22.23, 150.74, 85.51, 0],
			[units[0], 174.39, 5.59, 110.49, 58.31, 0],
			[units[1], 19.92, 4.16, 15.76, 0, 0],
			[units[2], 13.72, 1.71, 12.01, 0, 0],
			[units[3], 11.74, 2.5, 9.24, 0, 0],
			[units[4], 38.71, 8.27, 3.24, 27.2, 0]
		];
		const expected: SG[] = rows.flatMap(([u, total, rec, op, pur, ov]) => {
			const unit = u || undefined;
			return [
				[2022, 'total', 'actual', total, false, unit],
				[2022, 'reception', 'actual', rec, false, unit],
				[2022, 'vehicle_operation', 'actual', op, false, unit],
				[2022, 'vehicle_purchase', 'actual', pur, false, unit],
				[2022, 'overseas', 'actual', ov, false, unit]
			] as SG[];
		});
		// “较上年3,381,318.25元” (stated) and “全年预算数4,039,364.85元”
		expected.push([2021, 'total', 'actual', 338.131825, false], [2022, 'total', 'budget', 403.936485, false]);
		expectSangong(r, expected);
	});
	it('reads spending, preferring the precise prose figure over the rounded table cell', () => {
		// 基本支出决算数48,701,473.00元; 项目支出决算数26,678,795.66元; 实际公用经费支出为11,057,310.29元; 人员支出 3764.42; 支出合计 10246.65
		expectSpending(r, [
			[2022, 'basic', 4870.1473, false],
			[2022, 'project', 2667.879566, false],
			[2022, 'public', 1105.731029, false],
			[2022, 'personnel', 3764.42, false],
			[2022, 'total', 10246.65, false]
		]);
	});
	it('lists the projects whose spending adds up to 项目支出', () => {
		expect(r.projects).toHaveLength(20);
		const sum = r.projects.reduce((s, p) => s + (p.executed ?? 0), 0);
		expect(sum).toBeCloseTo(2667.879566, 6);
		expect(r.projects.filter((p) => p.name === '运行协调专项经费').map((p) => p.executed)).toEqual([
			113.498122, 26.78
		]);
	});
	it('reads the score breakdown and finds the 支出合计 that includes 累计结余', () => {
		expect(r.indicators.map((i) => [i.level1, i.score])).toEqual([
			['预算执行率', 8],
			['产出绩效', 47],
			['效益绩效', 30],
			['社会满意度', 10]
		]);
		expect(checks(r)).toEqual(['error:total_equals_basic_project']);
	});
});

describe('004 邵阳市大祥区人民政府办公室 2020 (评价报告, title over two lines, no score)', () => {
	const r = load('004_47e49c525fe1296a.txt');
	it('reads what it states and leaves the rest unknown', () => {
		expect(r.reports).toMatchObject({
			org_name: '邵阳市大祥区人民政府办公室',
			county: '大祥区',
			fiscal_year: 2020,
			report_kind: 'dept_eval',
			score_total: null,
			grade: null,
			headcount_actual: 40,
			budget_initial: null
		});
		// “公务接待费支出决算0万元，因公出国（境）费支出决算1.3万元…公务用车购置费及运行维护费支出决算0万元”
		expectSangong(r, [
			[2020, 'reception', 'actual', 0, false],
			[2020, 'overseas', 'actual', 1.3, false],
			[2020, 'vehicle_total', 'actual', 0, false]
		]);
		// “与2019年相比，减少55.45万元” has no clear subject: no 2019 value is derived.
		expectSpending(r, [
			[2020, 'total', 736.91, false],
			[2020, 'basic', 678.71, false],
			[2020, 'project', 58.2, false]
		]);
		expect(r.findings).toEqual([]);
	});
});

describe('one department across spellings', () => {
	it('区政府办 in 鼎城区 and 鼎城区人民政府办公室 share an org_id', () => {
		const a = load('000_6071d45c8067cb91.txt');
		const text = '2024年度常德市鼎城区人民政府办公室部门整体支出绩效自评报告\n自评分90分。';
		const b = extractReport({ text, sourceFile: 'x.txt', sha256: 'e'.repeat(64) });
		expect(b.ok && b.org.org_id).toBe(a.org.org_id);
	});
	it('湘西自治州 and 湘西土家族苗族自治州 share an org_id', () => {
		const a = extractReport({
			text: '湘西自治州人民政府办公室2023年度整体支出绩效自评报告\n',
			sourceFile: 'a',
			sha256: 'a'.repeat(64)
		});
		const b = extractReport({
			text: '湘西土家族苗族自治州人民政府办公室2023年度整体支出绩效自评报告\n',
			sourceFile: 'b',
			sha256: 'b'.repeat(64)
		});
		expect(a.ok && b.ok && a.org.org_id === b.org.org_id).toBe(true);
	});
});
