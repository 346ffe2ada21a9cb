import { describe, expect, it } from 'vitest';
import { docxHtmlToText, gridRows } from '../../src/lib/read/docx-to-text';

const cell = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });

describe('gridRows', () => {
	it.each([
		{
			why: 'plain rows pass through',
			rows: [
				[cell('a'), cell('b')],
				[cell('c'), cell('d')]
			],
			want: [
				['a', 'b'],
				['c', 'd']
			]
		},
		{
			why: 'colspan=n is followed by n-1 empty cells',
			rows: [[cell('分值', 3)], [cell('a'), cell('b'), cell('c')]],
			want: [
				['分值', '', ''],
				['a', 'b', 'c']
			]
		},
		{
			why: 'a rowspan leaves an empty cell at its position below',
			rows: [[cell('产出指标', 1, 3), cell('数量')], [cell('质量')], [cell('时效')]],
			want: [
				['产出指标', '数量'],
				['', '质量'],
				['', '时效']
			]
		},
		{
			why: 'a rowspan in a middle column',
			rows: [
				[cell('a'), cell('m', 1, 2), cell('b')],
				[cell('c'), cell('d')]
			],
			want: [
				['a', 'm', 'b'],
				['c', '', 'd']
			]
		},
		{
			why: 'a cell spanning rows and columns covers its whole block',
			rows: [[cell('x', 2, 2), cell('1')], [cell('2')], [cell('a'), cell('b'), cell('c')]],
			want: [
				['x', '', '1'],
				['', '', '2'],
				['a', 'b', 'c']
			]
		},
		{
			why: 'a rowspan in the last column covers a row that ends early',
			rows: [[cell('a'), cell('z', 1, 2)], [cell('b')]],
			want: [
				['a', 'z'],
				['b', '']
			]
		},
		{
			why: 'ragged rows are padded to the grid width',
			rows: [[cell('a')], [cell('b'), cell('c'), cell('d')]],
			want: [
				['a', '', ''],
				['b', 'c', 'd']
			]
		}
	])('$why', ({ rows, want }) => {
		expect(gridRows(rows)).toEqual(want);
	});
});

describe('docxHtmlToText', () => {
	it('gives one line per paragraph, heading and list item', () => {
		const html = '<h1>标题</h1><p>第一段</p><p></p><ul><li>一</li><li>二</li></ul><p>尾</p>';
		expect(docxHtmlToText(html)).toBe('标题\n第一段\n\n一\n二\n尾\n');
	});

	it('keeps tabs and decodes entities in paragraphs; a <br> starts a new line', () => {
		expect(docxHtmlToText('<p>a\tb &amp; c<br />d</p>')).toBe('a\tb & c\nd\n');
	});

	it('writes a table as TSV rows with a blank line before and after', () => {
		const html =
			'<p>前</p><table><thead><tr><th><p>项目</p></th><th><p>金额</p></th></tr></thead>' +
			'<tbody><tr><td><p>公务接待费</p></td><td><p>4.53</p></td></tr></tbody></table><p>后</p>';
		expect(docxHtmlToText(html)).toBe('前\n\n项目\t金额\n公务接待费\t4.53\n\n后\n');
	});

	it("joins a cell's paragraphs with one space and turns tabs/breaks inside a cell into spaces", () => {
		const html = '<table><tr><td><p>部门整体</p><p>支出</p></td><td><p>a\tb<br />c </p></td></tr></table>';
		expect(docxHtmlToText(html)).toBe('部门整体 支出\ta b c\n');
	});

	it('expands colspan and rowspan as mammoth writes them', () => {
		const html =
			'<table><tr><td><p>一级指标</p></td><td><p>二级指标</p></td><td colspan="2"><p>分值</p></td></tr>' +
			'<tr><td rowspan="2"><p>产出指标</p></td><td><p>数量指标</p></td><td><p>10</p></td><td><p>9</p></td></tr>' +
			'<tr><td><p>质量指标</p></td><td><p>10</p></td><td><p>10</p></td></tr></table>';
		expect(docxHtmlToText(html)).toBe(
			'一级指标\t二级指标\t分值\t\n产出指标\t数量指标\t10\t9\n\t质量指标\t10\t10\n'
		);
	});

	it("flattens a nested table into its outer cell's text", () => {
		const html =
			'<table><tr><td><p>外</p><table><tr><td><p>内1</p></td><td><p>内2</p></td></tr></table></td><td><p>右</p></td></tr></table>';
		expect(docxHtmlToText(html)).toBe('外 内1 内2\t右\n');
	});

	it('keeps the rows of a table left unclosed', () => {
		expect(docxHtmlToText('<p>x</p><table><tr><td>a</td><td>b</td>')).toBe('x\n\na\tb\n');
	});

	it('returns an empty string for an empty document', () => {
		expect(docxHtmlToText('')).toBe('');
	});
});
