/**
 * extractReport: one report's text → rows of every table in the contract, a facts row for every
 * published value and the findings of the consistency checks. Pure: no Node, no DOM.
 */
import type { Row } from '../schema/tables';
import { SANGONG_ITEMS, SPENDING_CATEGORIES } from '../schema/tables';
import { columnLabel } from '../format/labels';
import {
	checkExecution,
	checkRanges,
	checkSangong,
	checkScores,
	checkSpending,
	type Finding,
	type SpanOf
} from '../validate/checks';
import { Collector, factRow, slotKey, type Candidate, type Resolved } from './collect';
import { parseSangongKey, parseSpendingKey } from './keys';
import {
	notAReport,
	proseExecutionRate,
	proseHeadcount,
	proseScore,
	proseScoreBreakdown,
	readTitle,
	type ScorePart
} from './meta';
import { normalizeText } from './normalize';
import { isTraditional, toSimplified } from './traditional';
import { resolveOrg } from './org';
import { extractProseMoney } from './prose-money';
import { extractProseProjects } from './prose-projects';
import { extractTables, type IndicatorDraft } from './table-rules';
import { parseTables } from './tables';
import type { ExtractInput, ExtractResult } from './types';

export type { ExtractInput, ExtractResult } from './types';
export { normalizeText } from './normalize';

function labelOf(c: Candidate): string {
	if (c.table === 'reports') return columnLabel('reports', c.column);
	if (c.table === 'sangong' && c.rowKey) {
		const k = parseSangongKey(c.rowKey);
		return `${k.year}年${SANGONG_ITEMS[k.item]}${k.basis === 'budget' ? '预算' : '决算'}${k.unit ? `（${k.unit}）` : ''}`;
	}
	if (c.table === 'spending' && c.rowKey) {
		const k = parseSpendingKey(c.rowKey);
		return `${k.year}年${SPENDING_CATEGORIES[k.category]}`;
	}
	// Projects: the project's name, then the column's label from the contract.
	return `项目“${c.rowKey}”${columnLabel(c.table, c.column)}`;
}

export function extractReport(input: ExtractInput): ExtractResult {
	const traditional = isTraditional(input.text);
	const text = normalizeText(traditional ? toSimplified(input.text) : input.text);
	const reason = notAReport(text);
	if (reason) return { ok: false, text, reason };
	const title = readTitle(text);
	const org = resolveOrg(title.names, text);
	if (!org) return { ok: false, text, reason: '未能识别报告所属部门名称' };
	const report_id = input.sha256.slice(0, 16);
	const fy = title.fiscalYear;

	const c = new Collector(text);
	const tables = extractTables(c, parseTables(text), fy);
	proseScore(c);
	proseHeadcount(c);
	proseExecutionRate(c);
	extractProseMoney(c, fy);
	extractProseProjects(c, tables.projectNames);
	const resolved = c.resolve(labelOf);

	const facts: Row<'facts'>[] = [];
	const get = (table: Candidate['table'], column: string, rowKey: string | null): Resolved | undefined =>
		resolved.get(slotKey(table, column, rowKey));
	const publish = (r: Resolved | undefined) => {
		if (!r) return null;
		facts.push(factRow(report_id, r.chosen, r.value, text));
		return r.value;
	};
	const num = (table: Candidate['table'], column: string, rowKey: string | null) =>
		publish(get(table, column, rowKey)) as number | null;

	const base = { report_id, org_id: org.org_id };
	const budget_full_year = num('reports', 'budget_full_year', null);
	const executed = num('reports', 'executed', null);
	const execution_rate = computedRate(executed, budget_full_year);
	if (execution_rate !== null)
		facts.push(
			derivedFact(
				report_id,
				'reports',
				'execution_rate',
				null,
				execution_rate,
				[get('reports', 'executed', null)!, get('reports', 'budget_full_year', null)!],
				text
			)
		);

	const report: Row<'reports'> = {
		report_id,
		source_file: input.sourceFile,
		sha256: input.sha256,
		org_id: org.org_id,
		org_name: org.org_name,
		province: org.province,
		prefecture: org.prefecture,
		county: org.county,
		admin_level: org.admin_level,
		fiscal_year: fy,
		report_kind: title.kind,
		score_total: num('reports', 'score_total', null),
		grade: publish(get('reports', 'grade', null)) as string | null,
		headcount_authorized: num('reports', 'headcount_authorized', null),
		headcount_actual: num('reports', 'headcount_actual', null),
		budget_initial: num('reports', 'budget_initial', null),
		budget_full_year,
		executed,
		execution_rate,
		execution_rate_reported: num('reports', 'execution_rate_reported', null)
	};

	const sangong: Row<'sangong'>[] = [];
	const spending: Row<'spending'>[] = [];
	const projectKeys = new Set<string>();
	for (const [, r] of resolved) {
		const ch = r.chosen;
		if (ch.table === 'sangong' && ch.rowKey) {
			const k = parseSangongKey(ch.rowKey);
			sangong.push({
				...base,
				year: k.year,
				item: k.item,
				basis: k.basis,
				amount_wan: publish(r) as number,
				derived: ch.method === 'derived',
				unit: k.unit
			});
		} else if (ch.table === 'spending' && ch.rowKey) {
			const k = parseSpendingKey(ch.rowKey);
			spending.push({
				...base,
				year: k.year,
				category: k.category,
				amount_wan: publish(r) as number,
				derived: ch.method === 'derived'
			});
		} else if (ch.table === 'projects' && ch.rowKey) projectKeys.add(ch.rowKey);
	}
	sangong.sort(
		(a, b) =>
			a.year - b.year || cmp(a.item, b.item) || cmp(a.basis, b.basis) || cmp(a.unit ?? '', b.unit ?? '')
	);
	spending.sort((a, b) => a.year - b.year || cmp(a.category, b.category));

	const projects: Row<'projects'>[] = [...projectKeys].map((key) => {
		const full = num('projects', 'budget_full_year', key);
		const ex = num('projects', 'executed', key);
		const stated = num('projects', 'execution_rate', key);
		let rate = stated;
		if (rate === null && computedRate(ex, full) !== null) {
			rate = computedRate(ex, full);
			facts.push(
				derivedFact(
					report_id,
					'projects',
					'execution_rate',
					key,
					rate!,
					[get('projects', 'executed', key)!, get('projects', 'budget_full_year', key)!],
					text
				)
			);
		}
		return {
			...base,
			name: key.replace(/#\d+$/, ''),
			budget_initial: num('projects', 'budget_initial', key),
			budget_full_year: full,
			executed: ex,
			execution_rate: rate,
			score: num('projects', 'score', key),
			grade: publish(get('projects', 'grade', key)) as string | null
		};
	});

	const drafts = tables.indicators.length ? tables.indicators : proseScoreBreakdown(text).map(breakdownDraft);
	const indicators = drafts.map((d, i) => indicatorRow(d, i, base, facts, text));
	const groupWeights = new Map(
		drafts.filter((d) => d.groupWeight !== null).map((d) => [d.level1Text!, d.groupWeight!])
	);

	const spanIndex = new Map(
		facts.map((f) => [
			`${f.table_name}|${f.column_name}|${f.row_key ?? ''}`,
			{ start: f.span_start, end: f.span_end }
		])
	);
	const spanOf: SpanOf = (t, col, key) => spanIndex.get(`${t}|${col}|${key ?? ''}`);
	const checks: Finding[] = [
		...(traditional ? [TRADITIONAL_NOTICE] : []),
		...c.findings.map((f) => ({ ...f, numbers: f.numbers ?? {} })),
		...checkSangong(sangong, spanOf),
		...checkSpending(spending, spanOf),
		...checkExecution(report, spanOf),
		...checkScores(report, { indicators, groupWeights, totalWeight: tables.totalWeight }, spanOf),
		...checkRanges(report, sangong, spending, projects, spanOf)
	];
	const findings: Row<'findings'>[] = checks.map((f) => ({
		report_id,
		severity: f.severity,
		check_name: f.check,
		message: f.message,
		numbers: JSON.stringify(f.numbers),
		span_start: f.start ?? null,
		span_end: f.end ?? null,
		quote: f.start !== undefined && f.end !== undefined ? text.slice(f.start, f.end) : null
	}));
	return { ok: true, text, reports: report, org, sangong, spending, indicators, projects, facts, findings };
}

const TRADITIONAL_NOTICE: Finding = {
	severity: 'info',
	check: 'traditional_script',
	message: '原文为繁体字，已按 OpenCC 繁简对照转为简体后读取；引文与规范化文本均为转换后的文字。',
	numbers: {}
};

/** Code-point order: stable output without the cost of locale collation. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function computedRate(executed: number | null, full: number | null): number | null {
	return executed !== null && full !== null && full > 0 ? Math.round((executed / full) * 1e6) / 1e6 : null;
}

/** A computed value's fact quotes the text spanning its operands. */
function derivedFact(
	report_id: string,
	table: Candidate['table'],
	column: string,
	rowKey: string | null,
	value: number,
	from: Resolved[],
	text: string
): Row<'facts'> {
	const start = Math.min(...from.map((r) => r.chosen.start));
	const end = Math.max(...from.map((r) => r.chosen.end));
	return factRow(
		report_id,
		{ table, column, rowKey, value, start, end, method: 'derived', rule: 'computed_rate' },
		value,
		text
	);
}

function indicatorRow(
	d: IndicatorDraft,
	i: number,
	base: { report_id: string; org_id: string },
	facts: Row<'facts'>[],
	text: string
): Row<'indicators'> {
	const key = String(i + 1);
	const cellFact = (
		column: string,
		cell: { start: number; end: number } | null,
		value: string | number | null
	) => {
		if (value === null || !cell) return value;
		facts.push(
			factRow(
				base.report_id,
				{
					table: 'indicators',
					column,
					rowKey: key,
					value,
					start: cell.start,
					end: cell.end,
					method: 'table',
					rule: 'table_indicators'
				},
				value,
				text
			)
		);
		return value;
	};
	const textOf = (cell: { start: number; end: number; label: string } | null) => (cell ? cell.label : null);
	return {
		...base,
		level1: d.level1
			? (cellFact('level1', d.level1, d.level1Text) as string)
			: d.level1Text
				? (cellFact('level1', d.row, d.level1Text), d.level1Text)
				: null,
		level2: cellFact('level2', d.level2, textOf(d.level2)) as string | null,
		level3: cellFact('level3', d.level3, textOf(d.level3)) as string | null,
		target: cellFact('target', d.target, textOf(d.target)) as string | null,
		actual: cellFact('actual', d.actual, textOf(d.actual)) as string | null,
		weight: cellFact('weight', d.weight?.cell ?? null, d.weight?.value ?? null) as number | null,
		score: cellFact('score', d.score?.cell ?? null, d.score?.value ?? null) as number | null
	};
}

/** A level-1 score stated in prose becomes an indicator row with only level1 and score. */
function breakdownDraft(p: ScorePart): IndicatorDraft {
	const cell = { start: p.start, end: p.end, label: p.name };
	const row = { cells: [cell], start: p.start, end: p.end };
	return {
		level1: cell,
		level1Text: p.name,
		groupWeight: null,
		level2: null,
		level3: null,
		target: null,
		actual: null,
		weight: null,
		score: { cell, value: p.score },
		row
	};
}
