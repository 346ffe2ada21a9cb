/** A chart's data table → CSV text (UTF-8 with BOM so Excel opens it): raw values, marks as columns. */
import type { PlainValue } from '../db/connector';
import type { DataTable } from './spec';

/** One CSV field: quoted when it holds a separator, quote or line break, or could start a formula. */
export const csvCell = (v: PlainValue): string => {
	if (v == null) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function tableToCsv(t: DataTable): string {
	const hasDerived = t.rows.some((r) => r.derived?.length);
	const hasFlagged = t.rows.some((r) => r.flagged?.length);
	const label = (key: string) => t.columns.find((c) => c.key === key)?.label ?? key;
	const header = [
		...t.columns.map((c) => c.label),
		...(hasDerived ? ['推算值'] : []),
		...(hasFlagged ? ['涉及核查发现'] : [])
	];
	const lines = [header.map(csvCell).join(',')];
	for (const r of t.rows) {
		const values = t.columns.map((c) => csvCell(r.values[c.key] ?? null));
		if (hasDerived) values.push(csvCell((r.derived ?? []).map(label).join('；')));
		if (hasFlagged) values.push(csvCell((r.flagged ?? []).map(label).join('；')));
		lines.push(values.join(','));
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
