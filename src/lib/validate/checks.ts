/**
 * Consistency checks on one report's published rows. A problem in a report is data: each
 * check returns findings with the numbers involved and where in the text they stand.
 */
import type { Row, SangongItem, Severity } from '../schema/tables';
import { SANGONG_ITEMS, SPENDING_CATEGORIES } from '../schema/tables';
import type { CheckName } from './check-docs';

export interface Finding {
	readonly severity: Severity;
	readonly check: CheckName;
	readonly message: string;
	readonly numbers: Record<string, number | string | null | (number | null)[]>;
	readonly start?: number;
	readonly end?: number;
}

/** Where a published value was read: facts span for (table, column, row_key). */
export type SpanOf = (
	table: string,
	column: string,
	rowKey: string | null
) => { start: number; end: number } | undefined;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const fmt = (x: number) => String(r6(x));

/** Rounding each of n 2-decimal figures can move a sum by up to n × 0.005. */
function sumFinding(
	check: CheckName,
	label: string,
	total: number,
	parts: readonly (readonly [string, number])[],
	span: { start: number; end: number } | undefined,
	decimals = 2
): Finding | null {
	const sum = r6(parts.reduce((s, [, v]) => s + v, 0));
	const diff = r6(total - sum);
	// Below the reports' own precision (0.01 万元) a difference is our added decimals, not theirs.
	if (Math.abs(diff) < 0.005) return null;
	const tol = (parts.length + 1) * 0.5 * 10 ** -decimals;
	const severity: Severity = Math.abs(diff) <= tol + 1e-9 ? 'info' : 'error';
	const terms = parts.map(([k, v]) => `${k} ${fmt(v)}`).join(' + ');
	return {
		severity,
		check,
		message: `${label}：${terms} = ${fmt(sum)} 万元，报告合计为 ${fmt(total)} 万元，相差 ${fmt(diff)} 万元${severity === 'info' ? '（在四舍五入范围内）' : ''}。`,
		numbers: { total, sum, diff, ...Object.fromEntries(parts) },
		...span
	};
}

export function checkSangong(rows: readonly Row<'sangong'>[], spanOf: SpanOf): Finding[] {
	const out: Finding[] = [];
	const groups = new Map<string, Map<SangongItem, Row<'sangong'>>>();
	for (const r of rows) {
		if (r.amount_wan === null) continue;
		const k = `${r.year}|${r.basis}|${r.unit ?? ''}`;
		if (!groups.has(k)) groups.set(k, new Map());
		groups.get(k)!.set(r.item as SangongItem, r);
	}
	for (const [k, g] of groups) {
		const [year, basis, unit] = k.split('|');
		const label = `${year}年三公经费${basis === 'budget' ? '预算' : '决算'}${unit ? `（${unit}）` : ''}`;
		const v = (i: SangongItem) => g.get(i)?.amount_wan ?? null;
		const span = (i: SangongItem) => {
			const r = g.get(i);
			return r
				? spanOf('sangong', 'amount_wan', `${r.year}|${r.item}|${r.basis}|${r.unit ?? ''}`)
				: undefined;
		};
		const vehicle =
			v('vehicle_total') ??
			(v('vehicle_purchase') !== null && v('vehicle_operation') !== null
				? v('vehicle_purchase')! + v('vehicle_operation')!
				: null);
		const total = v('total');
		if (v('vehicle_total') !== null && v('vehicle_purchase') !== null && v('vehicle_operation') !== null) {
			const f = sumFinding(
				'sangong_vehicle_sum',
				`${label}公务用车`,
				v('vehicle_total')!,
				[
					[SANGONG_ITEMS.vehicle_purchase, v('vehicle_purchase')!],
					[SANGONG_ITEMS.vehicle_operation, v('vehicle_operation')!]
				],
				span('vehicle_total')
			);
			if (f) out.push(f);
		}
		if (total === null) continue;
		const parts: [string, number | null][] = [
			[SANGONG_ITEMS.reception, v('reception')],
			[v('vehicle_total') !== null ? SANGONG_ITEMS.vehicle_total : '公务用车购置费 + 运行维护费', vehicle],
			[SANGONG_ITEMS.overseas, v('overseas')]
		];
		const known = parts.filter((p): p is [string, number] => p[1] !== null);
		if (known.length === 3) {
			const f = sumFinding('sangong_items_sum', label, total, known, span('total'));
			if (f) out.push(f);
		} else if (known.length > 0) {
			const sum = r6(known.reduce((s, [, x]) => s + x, 0));
			if (sum > total + 0.015)
				out.push({
					severity: 'error',
					check: 'sangong_items_sum',
					message: `${label}：已披露分项之和 ${fmt(sum)} 万元已超过合计 ${fmt(total)} 万元。`,
					numbers: { total, sum },
					...span('total')
				});
		}
	}
	return out;
}

/** Spending identities: a total and the categories it must equal the sum of. */
const SPENDING_SUMS = [
	{
		check: 'basic_equals_personnel_public',
		total: 'basic',
		label: '基本支出',
		parts: ['personnel', 'public']
	},
	{ check: 'total_equals_basic_project', total: 'total', label: '支出合计', parts: ['basic', 'project'] }
] as const;

export function checkSpending(rows: readonly Row<'spending'>[], spanOf: SpanOf): Finding[] {
	const out: Finding[] = [];
	const years = new Set(rows.map((r) => r.year));
	for (const year of years) {
		const v = (c: string) => rows.find((r) => r.year === year && r.category === c)?.amount_wan ?? null;
		for (const { check, total, label, parts } of SPENDING_SUMS) {
			const stated = v(total);
			const known = parts.map((p): readonly [string, number | null] => [SPENDING_CATEGORIES[p], v(p)]);
			if (stated === null || !known.every((k): k is readonly [string, number] => k[1] !== null)) continue;
			const span = spanOf('spending', 'amount_wan', `${year}|${total}`);
			const f = sumFinding(check, `${year}年${label}`, stated, known, span);
			if (f) out.push(f);
		}
	}
	return out;
}

export function checkExecution(report: Row<'reports'>, spanOf: SpanOf): Finding[] {
	const out: Finding[] = [];
	const { execution_rate: computed, execution_rate_reported: reported } = report;
	if (computed !== null && reported !== null && Math.abs(computed - reported) > 0.0005 + 1e-9) {
		out.push({
			severity: Math.abs(computed - reported) > 0.01 ? 'error' : 'warning',
			check: 'execution_rate_mismatch',
			message: `预算执行率报告为 ${(reported * 100).toFixed(2)}%，按执行数 ${report.executed} ÷ 全年预算数 ${report.budget_full_year} 计算为 ${(computed * 100).toFixed(2)}%。`,
			numbers: { reported, computed, executed: report.executed, budget_full_year: report.budget_full_year },
			...spanOf('reports', 'execution_rate_reported', null)
		});
	}
	return out;
}

export interface ScoreInputs {
	readonly indicators: readonly Row<'indicators'>[];
	/** Declared weights of level-1 groups (“产出指标（50分）”). */
	readonly groupWeights: ReadonlyMap<string, number>;
	/** The weight column of the 总分 row, when the table states one. */
	readonly totalWeight: number | null;
}

export function checkScores(report: Row<'reports'>, s: ScoreInputs, spanOf: SpanOf): Finding[] {
	const out: Finding[] = [];
	const scored = s.indicators.filter((i) => i.score !== null);
	const span = spanOf('reports', 'score_total', null);
	if (report.score_total !== null && scored.length > 0) {
		const sum = r6(scored.reduce((a, i) => a + i.score!, 0));
		if (Math.abs(sum - report.score_total) > 0.05)
			out.push({
				severity: 'error',
				check: 'score_total_mismatch',
				message: `自评总分为 ${report.score_total} 分，各指标得分之和为 ${sum} 分。`,
				numbers: { score_total: report.score_total, sum },
				...span
			});
	}
	const weighted = s.indicators.filter((i) => i.weight !== null);
	if (weighted.length > 0) {
		const sum = r6(weighted.reduce((a, i) => a + i.weight!, 0));
		const expected = s.totalWeight ?? 100;
		if (Math.abs(sum - 100) > 0.05 || Math.abs(expected - 100) > 0.05)
			out.push({
				severity: 'warning',
				check: 'weights_sum',
				message: `各指标分值之和为 ${sum} 分，应为 100 分${s.totalWeight !== null ? `（总分行写 ${s.totalWeight} 分）` : ''}。`,
				numbers: { sum, stated: s.totalWeight },
				...span
			});
		for (const [group, declared] of s.groupWeights) {
			const g = r6(weighted.filter((i) => i.level1 === group).reduce((a, i) => a + i.weight!, 0));
			if (Math.abs(g - declared) > 0.05)
				out.push({
					severity: 'warning',
					check: 'group_weight_sum',
					message: `${group}标明 ${declared} 分，其下指标分值之和为 ${g} 分。`,
					numbers: { declared, sum: g }
				});
		}
	}
	for (const i of s.indicators) {
		if (i.weight !== null && i.score !== null && i.score > i.weight + 1e-9)
			out.push({
				severity: 'error',
				check: 'indicator_score_over_weight',
				message: `指标“${i.level3 ?? i.level2 ?? i.level1}”得分 ${i.score} 超过分值 ${i.weight}。`,
				numbers: { score: i.score, weight: i.weight }
			});
	}
	return out;
}

export function checkRanges(
	report: Row<'reports'>,
	sangong: readonly Row<'sangong'>[],
	spending: readonly Row<'spending'>[],
	projects: readonly Row<'projects'>[],
	spanOf: SpanOf
): Finding[] {
	const out: Finding[] = [];
	const bad = (
		check: CheckName,
		message: string,
		numbers: Finding['numbers'],
		span?: { start: number; end: number }
	) => out.push({ severity: 'error', check, message, numbers, ...span });
	if (report.score_total !== null && (report.score_total > 100 || report.score_total < 0))
		bad(
			'score_out_of_range',
			`自评得分 ${report.score_total} 超出 0–100。`,
			{ score_total: report.score_total },
			spanOf('reports', 'score_total', null)
		);
	for (const col of ['execution_rate', 'execution_rate_reported'] as const) {
		const v = report[col];
		if (v !== null && (v > 1.5 || v < 0))
			bad(
				'rate_out_of_range',
				`预算执行率 ${(v * 100).toFixed(1)}% 超出合理范围（0–150%）。`,
				{ [col]: v },
				spanOf('reports', col, null)
			);
	}
	for (const col of ['budget_initial', 'budget_full_year', 'executed'] as const) {
		const v = report[col];
		if (v !== null && v < 0)
			bad('negative_money', `${col} 为负数（${v} 万元）。`, { [col]: v }, spanOf('reports', col, null));
	}
	for (const r of [...sangong, ...spending]) {
		if (r.amount_wan !== null && r.amount_wan < 0)
			bad(
				'negative_money',
				`${r.year}年 ${'item' in r ? r.item : r.category} 金额为负（${r.amount_wan} 万元）。`,
				{ amount_wan: r.amount_wan }
			);
	}
	for (const p of projects) {
		if (p.score !== null && (p.score > 100 || p.score < 0))
			bad('score_out_of_range', `项目“${p.name}”得分 ${p.score} 超出 0–100。`, { score: p.score });
		if (p.execution_rate !== null && p.execution_rate > 1.5)
			bad('rate_out_of_range', `项目“${p.name}”执行率 ${(p.execution_rate * 100).toFixed(1)}% 超过 150%。`, {
				execution_rate: p.execution_rate
			});
	}
	return out;
}
