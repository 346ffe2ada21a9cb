/**
 * Builds a real Word file from a seed text, the way a department's .docx would hold it: ordinary
 * lines become paragraphs, and runs of tab-separated lines become Word tables (one row per line,
 * one cell per field). A run is split where the field count changes, so no row is padded and the
 * table read back gives the very same lines.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function table(rows: string[][]): Table {
	return new Table({
		rows: rows.map(
			(cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [paragraph(c)] })) })
		)
	});
}

export async function textToDocx(text: string): Promise<Uint8Array> {
	const children: (Paragraph | Table)[] = [];
	let run: string[][] = [];
	const endRun = () => {
		if (run.length > 0) children.push(table(run));
		run = [];
	};
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		if (line.includes('\t')) {
			const cells = line.split('\t');
			if (run.length > 0 && run[0].length !== cells.length) endRun();
			run.push(cells);
		} else {
			endRun();
			children.push(paragraph(line));
		}
	}
	endRun();
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
							new TableRow({ children: [cell('一级指标'), cell('二级指标'), cell('分值', { columnSpan: 2 })] }),
							new TableRow({ children: [cell('产出指标', { rowSpan: 2 }), cell('数量指标'), cell('10'), cell('9')] }),
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
