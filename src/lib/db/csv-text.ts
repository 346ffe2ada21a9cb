/** Plain rows → RFC 4180 CSV text (no BOM: machine-read by DuckDB's CSV reader). */
import type { PlainRow } from './connector';

const cell = (v: unknown): string => {
	if (v == null) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function tableToCsvText(columns: readonly string[], rows: readonly PlainRow[]): string {
	const lines = [columns.join(',')];
	for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
	return `${lines.join('\n')}\n`;
}
