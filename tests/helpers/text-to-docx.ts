/**
 * Builds a real Word file from a seed text, the way the department's .docx held it before it was
 * exported to text. Ordinary lines become paragraphs. The two table layouts of text exports become
 * Word tables again:
 * - tab-separated rows (`a\tb\tc`): one table row per line, one cell per field; a run of rows is
 *   split where the field count changes, so no row is padded;
 * - one cell per line (`\tcell`, rows separated by a blank line): one table row per block; an
 *   untabbed line continues the cell above (a cell of several paragraphs), also after a blank
 *   line when cell lines follow it.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** A cell's text may hold several paragraphs, separated by newlines. */
function table(rows: string[][]): Table {
	return new Table({
		rows: rows.map(
			(cells) =>
				new TableRow({
					children: cells.map((c) => new TableCell({ children: c.split('\n').map(paragraph) }))
				})
		)
	});
}

/** `\tcell`: a single field after one leading tab. */
const isCellLine = (line: string) => line.startsWith('\t') && line.indexOf('\t', 1) === -1;

export async function textToDocx(text: string): Promise<Uint8Array> {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const children: (Paragraph | Table)[] = [];
	let i = 0;
	while (i < lines.length) {
		const line = lines[i];
		if (isCellLine(line)) {
			// One cell per line: blocks of cell lines, separated by blank lines, are the rows.
			const rows: string[][] = [];
			let row: string[] = [];
			for (; i < lines.length; i++) {
				if (isCellLine(lines[i])) row.push(lines[i].slice(1));
				// A line without the tab right under a cell is that cell's next paragraph.
				else if (lines[i].trim() !== '' && !lines[i].includes('\t') && row.length > 0)
					row[row.length - 1] += '\n' + lines[i];
				else if (lines[i].trim() === '' && i + 1 < lines.length && isCellLine(lines[i + 1])) {
					rows.push(row);
					row = [];
				} else if (
					lines[i].trim() === '' &&
					i + 2 < lines.length &&
					lines[i + 1].trim() !== '' &&
					!lines[i + 1].includes('\t') &&
					isCellLine(lines[i + 2])
				) {
					// "三公经费\n\n合计" with cells following: still the same cell, as the extractor reads it.
					if (row.length > 0) row[row.length - 1] += '\n' + lines[++i];
					else row.push(lines[++i]);
				} else break;
			}
			rows.push(row);
			children.push(table(rows.filter((r) => r.length > 0)));
		} else if (line.includes('\t')) {
			const rows: string[][] = [];
			const width = line.split('\t').length;
			for (; i < lines.length && lines[i].includes('\t') && !isCellLine(lines[i]); i++) {
				const cells = lines[i].split('\t');
				if (cells.length !== width) break;
				rows.push(cells);
			}
			children.push(table(rows));
		} else {
			children.push(paragraph(line));
			i++;
		}
	}
	const doc = new Document({ sections: [{ children }] });
	return new Uint8Array(await Packer.toBuffer(doc));
}

/** A table with merged cells, for checking the grid expansion through mammoth. */
export async function mergedCellsDocx(): Promise<Uint8Array> {
	const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
		new TableCell({ children: [paragraph(text)], ...opts });
	const doc = new Document({
		sections: [
			{
				children: [
					paragraph('表前'),
					new Table({
						rows: [
							new TableRow({
								children: [cell('一级指标'), cell('二级指标'), cell('分值', { columnSpan: 2 })]
							}),
							new TableRow({
								children: [cell('产出指标', { rowSpan: 2 }), cell('数量指标'), cell('10'), cell('9')]
							}),
							new TableRow({ children: [cell('质量指标'), cell('10'), cell('10')] })
						]
					}),
					paragraph('表后')
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
