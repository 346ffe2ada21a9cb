/**
 * Turns the HTML that mammoth makes from a .docx into the plain-text layout the extractor reads:
 * one line per paragraph / heading / list item, and one line per table row with the cells joined
 * by TABs. Merged cells are expanded to the table's grid (mammoth writes `colspan` from
 * w:gridSpan and `rowspan` from w:vMerge, dropping the covered cells), so every row of a table
 * has the same number of cells and a column index means the same column in every row.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is one line of text. */
const BLOCKS = new Set([
	'p',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'dt',
	'dd',
	'div',
	'blockquote',
	'pre'
]);

interface Cell {
	text: string;
	colspan: number;
	rowspan: number;
}

interface TableState {
	rows: Cell[][];
	row: Cell[] | null;
	/** Paragraphs of the cell being read; null outside a cell. */
	cell: { paras: string[]; colspan: number; rowspan: number } | null;
}

const span = (value: string | undefined): number => {
	const n = Number.parseInt(value ?? '', 10);
	// A bogus span must not blow the grid up: Word caps tables at 63 columns.
	return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

/** Lays out rows on the table grid: colspan → trailing empty cells, rowspan → empty cells below. */
export function gridRows(rows: readonly (readonly Cell[])[]): string[][] {
	const out: string[][] = [];
	// pending[c] = how many more rows column c is covered by a rowspan from above.
	const pending: number[] = [];
	for (const row of rows) {
		const line: string[] = [];
		let c = 0;
		const skipCovered = () => {
			while (pending[c] > 0) {
				pending[c]--;
				line.push('');
				c++;
			}
		};
		for (const cell of row) {
			skipCovered();
			for (let k = 0; k < cell.colspan; k++) {
				line.push(k === 0 ? cell.text : '');
				pending[c + k] = cell.rowspan - 1;
			}
			c += cell.colspan;
		}
		// Rowspans reaching past this row's last cell still cover their columns.
		for (; c < pending.length; c++) {
			if (pending[c] > 0) pending[c]--;
			line.push('');
		}
		out.push(line);
	}
	const width = out.reduce((w, l) => Math.max(w, l.length), 0);
	for (const line of out) while (line.length < width) line.push('');
	return out;
}

/** Collapses what cannot live inside one TSV cell (tabs, line breaks) to single spaces. */
const cellText = (s: string): string => s.replace(/[\t\r\n\v\f]+/g, ' ').trim();

export function docxHtmlToText(html: string): string {
	const lines: string[] = [];
	/** Text of the paragraph being read outside tables. */
	let buf = '';
	let inBlock = 0;
	/** Open tables, outermost first; a nested table's text flows into the outer table's cell. */
	const tables: TableState[] = [];

	/** The blank line written after a table stands in for one empty paragraph that follows it. */
	let blankAfterTable = false;
	const flush = () => {
		if (!(buf === '' && blankAfterTable)) lines.push(buf);
		blankAfterTable = false;
		buf = '';
	};
	const blankLine = () => {
		if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
	};
	const outerCell = () => tables[0]?.cell ?? null;
	const cellAppend = (s: string) => {
		const cell = outerCell();
		if (!cell) return; // text between cells (whitespace) is not content
		if (cell.paras.length === 0) cell.paras.push('');
		cell.paras[cell.paras.length - 1] += s;
	};
	const cellBreak = () => {
		const cell = outerCell();
		if (cell && cell.paras[cell.paras.length - 1] !== '') cell.paras.push('');
	};

	const parser = new Parser(
		{
			onopentag(name, attribs) {
				if (name === 'table') {
					if (tables.length === 0) {
						if (buf !== '') flush();
					} else {
						cellBreak();
					}
					tables.push({ rows: [], row: null, cell: null });
					return;
				}
				const t = tables[tables.length - 1];
				if (t) {
					if (tables.length > 1) {
						// Nested table: its cells are read as more paragraphs of the outer cell.
						if (name === 'td' || name === 'th' || name === 'tr' || BLOCKS.has(name) || name === 'br')
							cellBreak();
						return;
					}
					if (name === 'tr') t.row = [];
					else if (name === 'td' || name === 'th') {
						t.row ??= [];
						t.cell = { paras: [], colspan: span(attribs.colspan), rowspan: span(attribs.rowspan) };
					} else if (BLOCKS.has(name) || name === 'br') cellBreak();
					return;
				}
				if (name === 'br') {
					// A manual line break inside a paragraph is a new line in the text.
					flush();
					return;
				}
				if (BLOCKS.has(name)) {
					// Nested blocks (a list inside a list item): the outer text so far is its own line.
					if (buf !== '') flush();
					inBlock++;
				}
			},
			ontext(data) {
				if (tables.length > 0) {
					cellAppend(data);
					return;
				}
				buf += data;
			},
			onclosetag(name) {
				if (name === 'table') {
					const t = tables.pop()!;
					if (tables.length === 0) {
						if (t.cell) closeCell(t);
						if (t.row) t.rows.push(t.row);
						blankLine();
						for (const row of gridRows(t.rows)) lines.push(row.join('\t'));
						lines.push('');
						blankAfterTable = true;
					} else {
						cellBreak();
					}
					return;
				}
				const t = tables[tables.length - 1];
				if (t) {
					if (tables.length > 1) return;
					if ((name === 'td' || name === 'th') && t.cell) closeCell(t);
					else if (name === 'tr' && t.row) {
						t.rows.push(t.row);
						t.row = null;
					} else if (BLOCKS.has(name)) cellBreak();
					return;
				}
				if (BLOCKS.has(name)) {
					if (inBlock > 0) {
						flush();
						inBlock--;
					}
				}
			}
		},
		{ decodeEntities: true, lowerCaseTags: true }
	);

	function closeCell(t: TableState) {
		const cell = t.cell!;
		const text = cell.paras
			.map(cellText)
			.filter((p) => p !== '')
			.join(' ');
		(t.row ??= []).push({ text, colspan: cell.colspan, rowspan: cell.rowspan });
		t.cell = null;
	}

	parser.write(html);
	// end() also closes any element left open, so a truncated table still gives its rows.
	parser.end();
	if (buf !== '') flush();
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}
