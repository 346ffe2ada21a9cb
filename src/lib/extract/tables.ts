/**
 * Recovers table rows from text exports. Two layouts occur in the wild:
 *  - tab-separated: one row per line, cells split by TAB;
 *  - one cell per line: each cell line starts with a TAB, a line without a TAB continues the
 *    cell above (Word cells with several paragraphs), and a blank line followed by a TAB line
 *    starts the next row.
 * Spans are offsets into the normalized text. Cells run together with spaces (PDF copies) are
 * read in one narrow shape only: see run-together.ts.
 */
import { type Line, splitLines } from './lines';
import { runTogetherTables } from './run-together';

export interface Cell {
	readonly start: number;
	readonly end: number;
	/** The cell's text with whitespace removed: what labels are matched against. */
	readonly label: string;
}

export interface TableRow {
	readonly cells: Cell[];
	readonly start: number;
	readonly end: number;
}

export interface Table {
	/** The nearest title line above the table (e.g. “部门整体支出绩效自评表”), compacted. */
	readonly title: string;
	readonly rows: TableRow[];
	/**
	 * Cells told apart by spaces only (run-together.ts): the rules take from such a table only
	 * what its title places beyond doubt.
	 */
	readonly loose?: boolean;
}

/**
 * Whitespace removed (Word wraps cell text anywhere: “数量\n指标” is 数量指标), except between two
 * digits, where it stays one space: “97\n0” are two numbers, never 970.
 */
const compact = (s: string) =>
	s.replace(/\s+/g, (ws, i: number) =>
		/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + ws.length] ?? '') ? ' ' : ''
	);

function cellOf(text: string, start: number, end: number): Cell {
	return { start, end, label: compact(text.slice(start, end)) };
}

/** Cells of a row split by `sep`, every one: a pipe row's outer pipes are judged per table. */
function tsvCells(line: Line, sep = '\t'): Cell[] {
	const cells: Cell[] = [];
	let from = 0;
	for (let i = 0; i <= line.text.length; i++) {
		if (i === line.text.length || line.text[i] === sep) {
			cells.push(cellOf(line.text, from, i));
			from = i + 1;
		}
	}
	return cells.map((c) => ({ ...c, start: c.start + line.start, end: c.end + line.start }));
}

/**
 * “| a | b |” (Markdown, some PDF converters): the outer pipes are borders, not empty cells, when
 * every pipe row of the table has them. When only some rows start with a pipe, that pipe follows
 * an empty first cell (“| 27 | 40 |” under “编制数 | 实有人数”, a TAB export turned into pipes):
 * dropping it would shift every value one column left, under the wrong header.
 */
function dropPipeBorders(rows: TableRow[], pipeRows: ReadonlySet<TableRow>, text: string): TableRow[] {
	const pipes = rows.filter((r) => pipeRows.has(r));
	if (pipes.length === 0) return rows;
	const left = pipes.every((r) => text[r.start] === '|');
	const right = pipes.every((r) => text[r.end - 1] === '|');
	if (!left && !right) return rows;
	return rows.map((r) =>
		pipeRows.has(r) ? { ...r, cells: r.cells.slice(left ? 1 : 0, right ? -1 : undefined) } : r
	);
}

/** “| 三公经费 | 5.41 |” rows from PDF or Markdown exports; “|---|---|” rules carry nothing. */
const isPipeRow = (t: string) => (t.match(/\|/g)?.length ?? 0) >= 2 && !t.includes('\t');
const isPipeRule = (t: string) => /^\|?[\s:|-]+\|?$/.test(t) && t.includes('-');

const isTitle = (label: string) => /表[)）:：]?$/.test(label) && label.length <= 40;
/** Lines that cannot be inside a cell: a table title, the notes under a table, a report title. */
const endsTable = (label: string) =>
	isTitle(label) ||
	/^(说明|填表人|填报单位|备注|附件|注)[:：]/.test(label) ||
	/绩效(自评|评价)报告$/.test(label);

export function parseTables(text: string): Table[] {
	const lines = splitLines(text);
	const tables: Table[] = [];
	let current: TableRow[] | null = null;
	let title = '';
	let lastTitle = '';
	/** Every title line, in text order: the run-together tables take theirs from it. */
	const titles: { start: number; label: string }[] = [];
	let cellRow: { cells: { start: number; end: number }[] } | null = null;
	let sawBlank = false;
	const pipeRows = new Set<TableRow>();

	const closeCellRow = () => {
		if (!cellRow || !current) return;
		const cells = cellRow.cells.map((c) => cellOf(text, c.start, c.end));
		current.push({ cells, start: cells[0].start - 1, end: cells[cells.length - 1].end });
		cellRow = null;
	};
	const closeTable = () => {
		closeCellRow();
		if (current && current.length > 0) tables.push({ title, rows: dropPipeBorders(current, pipeRows, text) });
		current = null;
	};
	const openTable = () => {
		if (!current) {
			current = [];
			title = lastTitle;
		}
	};

	for (const line of lines) {
		const t = line.text;
		let tabCount = 0;
		for (let i = t.indexOf('\t'); i >= 0; i = t.indexOf('\t', i + 1)) tabCount++;
		if (t.trim() === '' && tabCount === 0) {
			sawBlank = true;
			continue;
		}
		const isCellLine = t.startsWith('\t') && tabCount === 1;
		if (isCellLine) {
			openTable();
			if (cellRow && sawBlank) closeCellRow();
			if (!cellRow) cellRow = { cells: [] };
			cellRow.cells.push({ start: line.start + 1, end: line.start + t.length });
		} else if (isPipeRow(t)) {
			closeCellRow();
			if (isPipeRule(t)) continue;
			openTable();
			const row = { cells: tsvCells(line, '|'), start: line.start, end: line.start + t.length };
			pipeRows.add(row);
			current!.push(row);
		} else if (tabCount > 0) {
			closeCellRow();
			openTable();
			const cells = tsvCells(line);
			current!.push({ cells, start: line.start, end: line.start + t.length });
		} else if (cellRow && !endsTable(compact(t))) {
			// A paragraph continuing the current cell.
			const last = cellRow.cells[cellRow.cells.length - 1];
			last.end = line.start + t.length;
		} else {
			closeTable();
			const label = compact(t);
			if (isTitle(label)) {
				lastTitle = label;
				titles.push({ start: line.start, label });
			}
		}
		sawBlank = false;
	}
	closeTable();
	const titleAt = (start: number) => titles.findLast((x) => x.start < start)?.label ?? '';
	const loose = runTogetherTables(text, lines).map((t) => ({ ...t, title: titleAt(t.rows[0].start) }));
	return [...tables, ...loose];
}

export const rowLabels = (row: TableRow) => row.cells.map((c) => c.label);

/** Strip enumerators and “其中：” from a row label: “3、公务接待” → “公务接待”. */
export function stripEnumerator(label: string): string {
	return label
		.replace(/^(其中[:：]?)/, '')
		.replace(/^([(（]?[一二三四五六七八九十\d]+[)）、.．]|\d+[、.．])/, '')
		.replace(/^(其中[:：]?)/, '')
		.replace(/[:：]$/, '');
}

/**
 * Column labels for a block of header rows above data rows of `width` cells. Word flattens a
 * horizontally merged cell into one, so an upper row can be shorter than the grid; a “其中”
 * cell spans the labelled columns below it. Returns, per column, the deepest non-empty label.
 */
export function resolveHeader(headerRows: readonly string[][], width: number): string[] {
	const grid: string[][] = [];
	for (let r = headerRows.length - 1; r >= 0; r--) {
		const row = headerRows[r];
		const below = grid[0];
		if (row.length >= width || !below) {
			grid.unshift(row.slice(0, width).concat(Array(Math.max(0, width - row.length)).fill('')));
			continue;
		}
		const out: string[] = [];
		for (let i = 0; i < row.length; i++) {
			const remaining = row.length - i - 1;
			let span = 1;
			if (/^其中[:：]?$/.test(row[i])) {
				let run = 0;
				while (out.length + run < width && below[out.length + run] !== '') run++;
				span = Math.max(1, Math.min(run, width - out.length - remaining));
			}
			for (let k = 0; k < span; k++) out.push(row[i]);
		}
		while (out.length < width) out.push('');
		grid.unshift(out);
	}
	const labels: string[] = [];
	for (let c = 0; c < width; c++) {
		let label = '';
		for (const row of grid) if (row[c] && !/^其中[:：]?$/.test(row[c])) label = row[c];
		labels.push(label);
	}
	return labels;
}
