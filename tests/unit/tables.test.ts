import { describe, expect, it } from 'vitest';
import { parseTables, resolveHeader, stripEnumerator } from '../../src/lib/extract/tables';
import { runTogetherTables } from '../../src/lib/extract/run-together';

const labels = (text: string) =>
	parseTables(text).map((t) => ({ title: t.title, rows: t.rows.map((r) => r.cells.map((c) => c.label)) }));

describe('parseTables', () => {
	it('reads tab-separated rows and the title above them', () => {
		const text =
			'2022年度部门整体支出绩效评价基础数据表\n\n经费控制情况（万元）\t2021年决算数\t2022年预算数\n三公经费\t0\t1\n3、公务接待\t\t1\n正文\n';
		expect(labels(text)).toEqual([
			{
				title: '2022年度部门整体支出绩效评价基础数据表',
				rows: [
					['经费控制情况（万元）', '2021年决算数', '2022年预算数'],
					['三公经费', '0', '1'],
					['3、公务接待', '', '1']
				]
			}
		]);
	});
	it('reads one cell per line, multi-line cells and blank-line row breaks', () => {
		const text = '\t年度预\n算申请\n（万元）\n\t\n\t年初\n预算数\n\n\t\n\t年度资金总额\n\t394.50\n';
		expect(labels(text)[0].rows).toEqual([
			['年度预算申请（万元）', '', '年初预算数'],
			['', '年度资金总额', '394.50']
		]);
	});
	it('keeps paragraphs inside a cell until the next row', () => {
		const text = '\t职能\n\t第一段。\n\n第二段。\n\n\t人员编制\n\t146\n';
		expect(labels(text)[0].rows).toEqual([
			['职能', '第一段。第二段。'],
			['人员编制', '146']
		]);
	});
	it('ends a cell-per-line table at the next table title', () => {
		const text =
			'\t厉行节约保障措施\n\t无\n\n\n说明：填报说明\n整体支出绩效自评表\n\t预算单位名称\n\tX办公室\n';
		const t = labels(text);
		expect(t.map((x) => x.title)).toEqual(['', '整体支出绩效自评表']);
		expect(t[1].rows[0]).toEqual(['预算单位名称', 'X办公室']);
	});
	it('reads pipe-separated rows and skips their rule lines', () => {
		const text = '| 经费控制情况（万元） | 2022年决算数 |\n|---|---|\n| 三公经费 | 5.41 |\n';
		expect(labels(text)[0].rows).toEqual([
			['经费控制情况（万元）', '2022年决算数'],
			['三公经费', '5.41']
		]);
	});
	it('spans refer to the text', () => {
		const text = 'a\tbc\n';
		const cell = parseTables(text)[0].rows[0].cells[1];
		expect(text.slice(cell.start, cell.end)).toBe('bc');
	});
});

describe('resolveHeader', () => {
	it('spreads a “其中” cell over the labelled columns below it (Word merged cells)', () => {
		const rows = [
			['机构名称', '支出合计', '其中：', '结余'],
			['', '', '基本支出', '其中：', '项目支出', '当年结余', '累计结余'],
			['', '', '', '人员支出', '公用支出', '', '', '']
		];
		expect(resolveHeader(rows, 8)).toEqual([
			'机构名称',
			'支出合计',
			'基本支出',
			'人员支出',
			'公用支出',
			'项目支出',
			'当年结余',
			'累计结余'
		]);
	});
	it('lets the last “其中” take the remaining columns', () => {
		const rows = [
			['机构名称', '三公经费合计', '其中：'],
			['', '', '公务接待费', '公务用车运维费', '公务用车购置费', '因公出国出境费']
		];
		expect(resolveHeader(rows, 6)).toEqual([
			'机构名称',
			'三公经费合计',
			'公务接待费',
			'公务用车运维费',
			'公务用车购置费',
			'因公出国出境费'
		]);
	});
});

describe('stripEnumerator', () => {
	it.each([
		['3、公务接待', '公务接待'],
		['其中：公车购置', '公车购置'],
		['项目支出：', '项目支出'],
		['（一）基本支出', '基本支出']
	])('%s', (a, b) => {
		expect(stripEnumerator(a)).toBe(b);
	});
});

describe('cells run together with spaces (no TAB, no pipe)', () => {
	const rows = (text: string) =>
		runTogetherTables(text).map((t) => t.rows.map((r) => r.cells.map((c) => c.label)));
	it('reads a year-column header and the lines under it; a line gets values only with one per column', () => {
		const text =
			'经费控制情况（万元） 2021 年决算数 2022 年预算数 2022 年决算数\n三公经费0 1 0.28\n3、公务接待1 0.28\n政府采购金额 —— 33.5 130.7\n\n正文。\n';
		expect(rows(text)).toEqual([
			[
				['经费控制情况（万元）', '2021年决算数', '2022年预算数', '2022年决算数'],
				['三公经费', '0', '1', '0.28'],
				['3、公务接待'],
				['政府采购金额', '——', '33.5', '130.7']
			]
		]);
	});
	it('spans refer to the text', () => {
		const text = '经费控制情况 2021年决算数 2022年决算数\n三公经费5.41 0.1\n';
		const cell = runTogetherTables(text)[0].rows[1].cells[1];
		expect(text.slice(cell.start, cell.end)).toBe('5.41');
	});
	it('a sentence naming two years is not a header', () => {
		expect(rows('2022年预算数为594.67万元，2022年决算数为594.67万元。\n三公经费 1 2\n')).toEqual([]);
	});
	it('a table of TAB or pipe cells is left to the other parsers', () => {
		expect(rows('经费控制情况\t2021年决算数\t2022年决算数\n三公经费\t1\t2\n')).toEqual([]);
	});
});
