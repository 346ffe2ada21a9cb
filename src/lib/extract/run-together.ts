/**
 * Tables whose cells were run together with spaces (text copied from a PDF: no TAB, no pipe).
 * Which text belongs to which column is lost, so only two shapes are read, each a header of known
 * columns then lines of a label and numbers:
 *  - the 基础数据表's “经费控制情况（万元） 2021年决算数 2022年预算数 2022年决算数”;
 *  - the 自评表's 资金 rows, “资金情况（万元） 年度资金总额 年初预算数 全年预算数 全年执行数 分值
 *    执行率 得分”.
 * A line gets its numbers only when it has exactly one per column (“——” counts as an empty
 * cell); with fewer (“3、公务接待 1 0.28” under three years) nobody can tell which column is
 * empty, and the line gives nothing. The tables come back `loose`, titled by the caller.
 */
import { type Line, splitLines } from './lines';
import type { Cell, Table, TableRow } from './tables';

/** A year column: “2021年决算数”, “2022 年 预算数”, “2022年度实际数”. */
const YEAR_COLUMN = /20\d\d\s*年\s*(?:度\s*)?(?:决\s*算|预\s*算|实\s*际|执\s*行)\s*数?/g;
/** A 资金 column of the 自评表; the parenthesis of “得分（分值×执行率）” belongs to its column. */
const FUND_COLUMN =
	/年\s*初\s*预\s*算\s*数?|全\s*年\s*预\s*算\s*数?|全\s*年\s*执\s*行\s*数?|分\s*值|执\s*行\s*率|得\s*分(?:\s*[(（][^)）]*[)）])?/g;
/**
 * The header shapes read, and what makes a line one: two or more years, or all three amounts.
 * `maybe` is a cheap test every such line passes (a 年 per year column; 初, 全 and 执 for the
 * amounts): most lines fail it, and running the column patterns over every line of prose was 8 %
 * of the extractor's time.
 */
const HEADERS: { column: RegExp; maybe: (line: string) => boolean; enough: (labels: string[]) => boolean }[] =
	[
		{
			column: YEAR_COLUMN,
			maybe: (line) => line.indexOf('年') !== line.lastIndexOf('年'),
			enough: (labels) => labels.length >= 2
		},
		{
			column: FUND_COLUMN,
			maybe: (line) => line.includes('初') && line.includes('全') && line.includes('执'),
			enough: (labels) =>
				[/^年初预算/, /^全年预算/, /^全年执行/].every((re) => labels.some((l) => re.test(l)))
		}
	];
const VALUE = /^(?:-?\d[\d,]*(?:\.\d+)?%?|—+|-{1,2})$/;
/** A number right after a Chinese character, a colon or a closing bracket, ending a token. */
const GLUED = /[\u3400-\u9fff）)：:](-?\d[\d,]*(?:\.\d+)?%?)$/;
/** A label, not a sentence: longer text under the header is prose, and ends the block. */
const MAX_LABEL = 40;

const cell = (text: string, start: number, end: number): Cell => ({
	start,
	end,
	label: text.slice(start, end).replace(/\s+/g, '')
});

/** The header's cells: what precedes the first column, then one cell per column. */
function headerCells(text: string, start: number, line: string): Cell[] | null {
	for (const { column, maybe, enough } of HEADERS) {
		if (!maybe(line)) continue;
		const cols = [...line.matchAll(column)];
		if (cols.length === 0) continue;
		// Nothing but spaces between and after the columns: a sentence naming two years is not a header.
		const rest = line.slice(cols[0].index).replace(column, '');
		if (rest.trim() !== '') continue;
		const lead = line.slice(0, cols[0].index).trim();
		const cells = cols.map((m) => cell(text, start + m.index, start + m.index + m[0].length));
		if (lead.length > MAX_LABEL || !enough(cells.map((c) => c.label))) continue;
		return [cell(text, start, start + lead.length), ...cells];
	}
	return null;
}

/** A data line: its label and, when it holds exactly `width` values, one cell for each. */
function dataRow(text: string, start: number, line: string, width: number): TableRow | null {
	const tokens = [...line.matchAll(/\S+/g)].map((m) => ({ at: m.index, text: m[0] }));
	let k = tokens.length;
	while (k > 0 && VALUE.test(tokens[k - 1].text)) k--;
	// The text's normalization drops a space after Chinese (“三公经费 0 1” is “三公经费0 1”): the
	// first value may be glued to its label.
	const glued = k > 0 ? GLUED.exec(tokens[k - 1].text) : null;
	if (glued) {
		const { at, text: t } = tokens[k - 1];
		tokens.splice(
			k - 1,
			1,
			{ at, text: t.slice(0, glued.index + 1) },
			{ at: at + glued.index + 1, text: glued[1] }
		);
	}
	const labelEnd = k > 0 ? tokens[k - 1].at + tokens[k - 1].text.length : 0;
	const label = cell(text, start, start + labelEnd);
	if (label.label === '' || label.label.length > MAX_LABEL || /[。；]$/.test(label.label)) return null;
	const values = tokens.slice(k);
	const cells =
		values.length === width
			? [label, ...values.map((v) => cell(text, start + v.at, start + v.at + v.text.length))]
			: [label];
	return { cells, start, end: start + line.length };
}

/** `lines`: the text's lines, when the caller has split it already. */
export function runTogetherTables(text: string, lines: readonly Line[] = splitLines(text)): Table[] {
	const tables: Table[] = [];
	let rows: TableRow[] | null = null;
	let width = 0;
	// A header with no line of values under it is no table.
	const close = () => {
		if (rows && rows.length > 1) tables.push({ title: '', rows, loose: true });
		rows = null;
	};
	for (const { text: line, start } of lines) {
		const plain = !line.includes('\t') && !line.includes('|');
		const header = plain ? headerCells(text, start, line) : null;
		if (header) {
			close();
			rows = [{ cells: header, start, end: start + line.length }];
			width = header.length - 1;
			continue;
		}
		const row = rows && plain ? dataRow(text, start, line, width) : null;
		if (rows && row) rows.push(row);
		else close();
	}
	close();
	return tables;
}
