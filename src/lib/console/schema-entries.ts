/**
 * What the console knows about the tables, generated from the one contract (schema/tables.ts):
 * completion entries for tables, columns and coded values, matched by name or — for analysts who
 * think in Chinese — by the Chinese label, meaning or value label (typing 接待 finds the column
 * `item` whose values include reception 公务接待费, and the value 'reception' itself). Pure.
 */
import {
	ADMIN_LEVELS,
	BASIS,
	METHODS,
	REPORT_KINDS,
	SANGONG_ITEMS,
	SEVERITIES,
	SPENDING_CATEGORIES,
	TABLES,
	type ColumnDef
} from '../schema/tables';

export interface SchemaEntry {
	readonly kind: 'table' | 'column' | 'value';
	/** What is inserted: a table or column name, or a quoted value literal. */
	readonly name: string;
	/** Chinese label (table zh, column zh, or the value's label). */
	readonly zh: string;
	/** Tables it belongs to (columns shared by several tables are one entry). */
	readonly tables: readonly string[];
	readonly type?: string;
	readonly unit?: string;
	readonly description: string;
}

/** Coded columns and the contract's label list for their values. */
const CODED: readonly { columns: readonly string[]; labels: Readonly<Record<string, string>> }[] = [
	{ columns: ['sangong.item'], labels: SANGONG_ITEMS },
	{ columns: ['spending.category'], labels: SPENDING_CATEGORIES },
	{ columns: ['sangong.basis'], labels: BASIS },
	{ columns: ['reports.report_kind'], labels: REPORT_KINDS },
	{ columns: ['reports.admin_level', 'orgs.admin_level'], labels: ADMIN_LEVELS },
	{ columns: ['findings.severity'], labels: SEVERITIES },
	{ columns: ['facts.method'], labels: METHODS }
];

function buildEntries(): SchemaEntry[] {
	const out: SchemaEntry[] = TABLES.map((t) => ({
		kind: 'table' as const,
		name: t.name,
		zh: t.zh,
		tables: [t.name],
		description: t.description
	}));
	const columns = new Map<string, { def: ColumnDef; tables: string[] }>();
	for (const t of TABLES)
		for (const c of t.columns as readonly ColumnDef[]) {
			const seen = columns.get(c.name);
			// Same name, same meaning across tables (report_id, org_id, amount_wan …): one entry.
			if (seen && seen.def.zh === c.zh) seen.tables.push(t.name);
			else if (!seen) columns.set(c.name, { def: c, tables: [t.name] });
			else columns.set(`${c.name}@${t.name}`, { def: c, tables: [t.name] });
		}
	for (const { def, tables } of columns.values())
		out.push({
			kind: 'column',
			name: def.name,
			zh: def.zh,
			tables,
			type: def.type,
			unit: def.unit,
			description: def.description
		});
	for (const { columns: cols, labels } of CODED)
		for (const [code, label] of Object.entries(labels))
			out.push({
				kind: 'value',
				name: `'${code}'`,
				zh: label,
				tables: cols.map((c) => c.split('.')[0]),
				description: `${cols.join('、')} 的取值`
			});
	return out;
}

export const SCHEMA_ENTRIES: readonly SchemaEntry[] = buildEntries();

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasCjk = (s: string): boolean => CJK.test(s);

/**
 * Entries matching what the user typed, best first. Latin input matches names by prefix (then
 * substring); Chinese input matches the label (exact, prefix, substring), then the meaning.
 */
export function matchEntries(typed: string, entries: readonly SchemaEntry[] = SCHEMA_ENTRIES): SchemaEntry[] {
	const q = typed.trim().toLowerCase();
	if (!q) return [];
	const rank = (e: SchemaEntry): number => {
		if (hasCjk(q)) {
			if (e.zh === q) return 0;
			if (e.zh.startsWith(q)) return 1;
			if (e.zh.includes(q)) return 2;
			if (e.description.includes(q)) return 3;
			return -1;
		}
		const name = e.name.replace(/^'|'$/g, '').toLowerCase();
		if (name === q) return 0;
		if (name.startsWith(q)) return 1;
		if (name.includes(q)) return 2;
		return -1;
	};
	const order = { table: 0, column: 1, value: 2 } as const;
	return entries
		.map((e) => ({ e, r: rank(e) }))
		.filter((x) => x.r >= 0)
		.sort((a, b) => a.r - b.r || order[a.e.kind] - order[b.e.kind] || a.e.name.localeCompare(b.e.name))
		.map((x) => x.e);
}

/**
 * The unit of a result column: the contract's, when the name is a contract column (with the same
 * unit wherever it occurs); else the contract's naming convention — `…_wan` is 万元 (amount_wan),
 * `…_rate` a fraction (execution_rate) — so `sum(amount_wan) AS total_wan` reads as money too.
 */
export function unitOfColumn(name: string): string | undefined {
	const units = new Set<string | undefined>();
	for (const t of TABLES)
		for (const c of t.columns as readonly ColumnDef[]) if (c.name === name) units.add(c.unit);
	if (units.size > 0) return units.size === 1 ? [...units][0] : undefined;
	if (name.endsWith('_wan')) return '万元';
	if (name.endsWith('_rate')) return '比率';
	return undefined;
}
