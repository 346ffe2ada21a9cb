/**
 * Every extracted value enters as a candidate with its span, quote and rule. Candidates for the
 * same slot are reconciled once: agreeing values (within rounding) publish the most precise
 * stated one; disagreeing values publish the table's and become a finding. Nothing is published
 * without a fact row.
 */
import type { Method, Row, Severity } from '../schema/tables';
import type { CheckName } from '../validate/check-docs';
import { near, roundingTol } from './numbers';

export type SlotTable = 'reports' | 'sangong' | 'spending' | 'projects' | 'indicators';

export interface Candidate {
	readonly table: SlotTable;
	readonly column: string;
	/** Identifies the row within the table; null for the report's own fields. */
	readonly rowKey: string | null;
	readonly value: number | string;
	readonly start: number;
	readonly end: number;
	readonly method: Method;
	readonly rule: string;
	/** Decimal places the source gives (numbers only): drives rounding tolerance and preference. */
	readonly decimals?: number;
}

export interface FindingInput {
	readonly severity: Severity;
	readonly check: CheckName;
	readonly message: string;
	readonly numbers?: Record<string, number | string | null | (number | null)[]>;
	readonly start?: number;
	readonly end?: number;
}

export interface Resolved {
	readonly value: number | string;
	readonly chosen: Candidate;
}

const METHOD_RANK: Record<Method, number> = { table: 0, prose: 0, derived: 1 };

export class Collector {
	readonly candidates: Candidate[] = [];
	readonly findings: FindingInput[] = [];
	constructor(readonly text: string) {}

	add(c: Candidate): void {
		if (c.start < 0 || c.end > this.text.length || c.start >= c.end)
			throw new Error(`bad span for ${c.rule}`);
		this.candidates.push(c);
	}

	finding(f: FindingInput): void {
		this.findings.push(f);
	}

	quote(start: number, end: number): string {
		return this.text.slice(start, end);
	}

	/** Reconcile all candidates: one published value per slot. */
	resolve(labelOf: (c: Candidate) => string): Map<string, Resolved> {
		const groups = new Map<string, Candidate[]>();
		for (const c of this.candidates) {
			const key = slotKey(c.table, c.column, c.rowKey);
			const group = groups.get(key);
			if (group) group.push(c);
			else groups.set(key, [c]);
		}
		const out = new Map<string, Resolved>();
		for (const [key, cands] of groups) {
			const stated = cands.filter((c) => c.method !== 'derived');
			const pool = stated.length ? stated : cands;
			// Tables first (the formal 自评表), then text order.
			const first = [...pool].sort(
				(a, b) => Number(b.method === 'table') - Number(a.method === 'table') || a.start - b.start
			)[0];
			const agrees = (c: Candidate) => sameValue(c, first);
			const agreeing = pool.filter(agrees);
			const chosen = agreeing.sort(
				(a, b) => (b.decimals ?? 0) - (a.decimals ?? 0) || METHOD_RANK[a.method] - METHOD_RANK[b.method]
			)[0];
			out.set(key, { value: chosen.value, chosen });
			const disagree = dedupe(cands.filter((c) => !sameValue(c, first)));
			if (disagree.length === 0) continue;
			const derivedOnly = disagree.every((c) => c.method === 'derived');
			const others = disagree.map(
				(c) =>
					`${c.method === 'table' ? '表格' : c.method === 'prose' ? '正文' : '推算'}为 ${c.value}（“${this.quote(c.start, c.end)}”）`
			);
			const check = derivedOnly
				? 'derived_mismatch'
				: disagree.some((c) => c.method !== first.method)
					? 'prose_table_mismatch'
					: 'conflicting_values';
			this.finding({
				severity: derivedOnly ? 'warning' : 'error',
				check,
				message: `${labelOf(first)}：${first.method === 'table' ? '表格' : '正文'}为 ${first.value}（“${this.quote(first.start, first.end)}”），但${others.join('；')}。已发布 ${chosen.value}。`,
				numbers: {
					published: chosen.value,
					others: disagree.map((c) => (typeof c.value === 'number' ? c.value : null))
				},
				start: first.start,
				end: first.end
			});
		}
		return out;
	}
}

export const slotKey = (table: SlotTable, column: string, rowKey: string | null) =>
	`${table}|${column}|${rowKey ?? ''}`;

function sameValue(a: Candidate, b: Candidate): boolean {
	if (typeof a.value === 'string' || typeof b.value === 'string') return a.value === b.value;
	const tol = Math.max(roundingTol(a.decimals ?? 2), roundingTol(b.decimals ?? 2));
	return near(a.value, b.value, tol);
}

function dedupe(cs: Candidate[]): Candidate[] {
	const seen = new Set<string>();
	return cs.filter((c) => {
		const k = `${c.value}|${c.method}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

export function factRow(reportId: string, c: Candidate, value: number | string, text: string): Row<'facts'> {
	return {
		report_id: reportId,
		table_name: c.table,
		column_name: c.column,
		row_key: c.rowKey,
		value: String(value),
		span_start: c.start,
		span_end: c.end,
		quote: text.slice(c.start, c.end),
		method: c.method,
		rule: c.rule
	};
}
