/**
 * Tables whose cells were run together with spaces (text copied from a PDF: no TAB, no pipe).
 * Which text belongs to which column is lost, so only one shape is read: the 基础数据表's
 * “经费控制情况（万元） 2021年决算数 2022年预算数 2022年决算数” header, then lines of a label
 * and numbers. A line gets its numbers only when it has exactly one per column (“——” counts as
 * an empty cell); with fewer (“3、公务接待 1 0.28” under three years) nobody can tell which
 * column is empty, and the line gives nothing.
 */
import { type Line, splitLines } from './lines';
import type { Cell, Table, TableRow } from './tables';

/** A year column: “2021年决算数”, “2022 年 预算数”, “2022年度实际数”. */
const YEAR_COLUMN = /20\d\d\s*年\s*(?:度\s*)?(?:决\s*算|预\s*算|实\s*际|执\s*行)\s*数?/g;
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

/** The header's cells: what precedes the first year column, then one cell per year column. */
function headerCells(text: string, start: number, line: string): Cell[] | null {
	const cols = [...line.matchAll(YEAR_COLUMN)];
	if (cols.length < 2) return null;
	// Nothing but spaces between and after the year columns: a sentence naming two years is not a header.
	const rest = line.slice(cols[0].index).replace(YEAR_COLUMN, '');
	if (rest.trim() !== '') return null;
	const lead = line.slice(0, cols[0].index).trim();
	if (lead.length > MAX_LABEL) return null;
	return [
		cell(text, start, start + lead.length),
		...cols.map((m) => cell(text, start + m.index, start + m.index + m[0].length))
	];
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
		if (rows && rows.length > 1) tables.push({ title: '', rows });
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
