/** 总览 named queries: headline figures with year-on-year deltas, small charts, notable findings. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { orgIn, run, sql } from './base';
import { type Counted, type Plan, settle, splitCounted } from './plan';
import { type ExecutionRow, LOW_RATE, ratesSql } from './execution';
import { type SqlPart, yearCondition } from './filter-sql';
import { type SangongYearItemRow, byYearItemSql } from './sangong';
import { type ScoreBinRow, scoreBinsSql } from './scores';

export interface Headline {
	/** Latest fiscal year in the selection. */
	year: number | null;
	reports: number;
	orgs: number;
	/** 三公 (决算) total of the departments that report both this and the previous year. */
	sangong_wan: number | null;
	sangong_prev_wan: number | null;
	sangong_orgs: number;
	sangong_derived: boolean;
	median_rate: number | null;
	median_rate_prev: number | null;
	low_rate: number;
	median_score: number | null;
	median_score_prev: number | null;
	findings_error: number;
	findings_warning: number;
}

export interface FindingRow {
	report_id: string;
	org_id: string;
	org_name: string;
	year: number | null;
	severity: string;
	check_name: string;
	message: string;
}

export interface OverviewView {
	headline: Headline;
	byYearItem: SangongYearItemRow[];
	lowest: ExecutionRow[];
	lowestCount: number;
	bins: ScoreBinRow[];
	findings: FindingRow[];
}

export const OVERVIEW_LIMITS = { lowest: 8, findings: 8 } as const;

interface YearStats {
	year: number;
	reports: number;
	median_rate: number | null;
	low_rate: number;
	median_score: number | null;
}
interface SangongPair {
	year: number;
	cur: number;
	prev: number;
	n: number;
	derived: boolean;
}

const inRange = (f: Filters, alias: string, year = `${alias}.year`) =>
	sql`${orgIn(f, alias)} AND ${yearCondition(f, year)}`;

/**
 * The most notable findings, with the error and warning counts before the LIMIT. The counts come
 * from an aggregate over the same rows, not `count(*) FILTER (…) OVER ()`: DuckDB 1.5's parallel
 * window operator intermittently fails on that ("Attempted to access index 0 within vector of
 * size 0") and invalidates the database.
 */
export function findingsSql(f: Filters, limit: number): SqlPart {
	const cond = sql`severity IN ('error', 'warning') AND ${inRange(f, 'd')}`;
	return sql`
		SELECT report_id, org_id, org_name, year, severity, check_name, message, n.errors, n.warnings
		FROM dash_findings d, (
		  SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS errors,
		    count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings
		  FROM dash_findings d WHERE ${cond}
		) n
		WHERE ${cond}
		ORDER BY CASE severity WHEN 'error' THEN 0 ELSE 1 END, year DESC NULLS LAST, org_name, check_name, message
		LIMIT ${limit}`;
}

export function overviewPlan(db: Connector, f: Filters): Plan<OverviewView> {
	const q = run(db);
	const byYearItem = q<SangongYearItemRow>(byYearItemSql(f));
	const lowest = splitCounted(q<Counted<ExecutionRow>>(ratesSql(f, OVERVIEW_LIMITS.lowest)));
	const bins = q<ScoreBinRow>(scoreBinsSql(f));
	// Per year, plus one grand-total row (year NULL) for the distinct department count.
	const yearsAndTotal = q<YearStats & { orgs: number }>(sql`
		SELECT year, count(*)::INTEGER AS reports, median(rate)::DOUBLE AS median_rate,
		  count(*) FILTER (WHERE rate < ${LOW_RATE})::INTEGER AS low_rate, median(score)::DOUBLE AS median_score,
		  count(DISTINCT org_id)::INTEGER AS orgs
		FROM dash_rep r WHERE ${inRange(f, 'r')} GROUP BY GROUPING SETS ((year), ()) ORDER BY year NULLS LAST`);
	const years = yearsAndTotal.then((rows) => rows.filter((r) => r.year != null));
	const orgs = yearsAndTotal.then((rows) => [{ n: rows.find((r) => r.year == null)?.orgs ?? 0 }]);
	const pairs = q<SangongPair>(sql`
		SELECT c.year, sum(c.amount_wan)::DOUBLE AS cur, sum(p.amount_wan)::DOUBLE AS prev, count(*)::INTEGER AS n,
		  bool_or(c.derived OR p.derived OR c.computed OR p.computed) AS derived
		FROM dash_sg_total c JOIN dash_sg_total p ON p.org_id = c.org_id AND p.basis = c.basis AND p.year = c.year - 1
		WHERE c.basis = 'actual' AND ${inRange(f, 'c')} GROUP BY c.year`);
	const findingRows = q<FindingRow & { errors: number; warnings: number }>(
		findingsSql(f, OVERVIEW_LIMITS.findings)
	);
	const findings = findingRows.then((rows) => rows.map(({ errors: _e, warnings: _w, ...r }) => r));
	const severities = findingRows.then((rows) => [
		{ severity: 'error', n: rows[0]?.errors ?? 0 },
		{ severity: 'warning', n: rows[0]?.warnings ?? 0 }
	]);
	return {
		headline: Promise.all([years, orgs, pairs, severities]).then(([y, o, p, s]) =>
			headline(y, o[0]?.n ?? 0, p, s)
		),
		byYearItem,
		lowest: lowest.rows,
		lowestCount: lowest.total,
		bins,
		findings
	};
}

export const loadOverviewView = (db: Connector, f: Filters): Promise<OverviewView> =>
	settle(overviewPlan(db, f));

/** The latest year's figures against the year before, from per-year aggregates. */
export function headline(
	years: readonly YearStats[],
	orgs: number,
	pairs: readonly SangongPair[],
	severities: readonly { severity: string; n: number }[]
): Headline {
	const latest = years.at(-1) ?? null;
	const prev = latest ? years.find((y) => y.year === latest.year - 1) : undefined;
	const pair = latest ? pairs.find((p) => p.year === latest.year) : undefined;
	const sev = (s: string) => severities.find((x) => x.severity === s)?.n ?? 0;
	return {
		year: latest?.year ?? null,
		reports: years.reduce((s, y) => s + y.reports, 0),
		orgs,
		sangong_wan: pair?.cur ?? null,
		sangong_prev_wan: pair?.prev ?? null,
		sangong_orgs: pair?.n ?? 0,
		sangong_derived: pair?.derived ?? false,
		median_rate: latest?.median_rate ?? null,
		median_rate_prev: prev?.median_rate ?? null,
		low_rate: latest?.low_rate ?? 0,
		median_score: latest?.median_score ?? null,
		median_score_prev: prev?.median_score ?? null,
		findings_error: sev('error'),
		findings_warning: sev('warning')
	};
}
