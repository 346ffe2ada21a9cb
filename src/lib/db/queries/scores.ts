/** 自评得分 named queries: distribution by year, grades, score vs execution rate. */
import type { Filters } from '../../filters/filters';
import type { Connector } from '../connector';
import { orgIn, run, sql } from './base';
import { type Counted, type Plan, settle, splitCounted } from './plan';
import { LOW_RATE } from './execution';
import { type SqlPart, yearCondition } from './filter-sql';

/** At or above this self-evaluation score a department counts as “high”. */
export const HIGH_SCORE = 90;
/** Histogram bins: [lo, hi) in points; scores below the first bin go to “< 60”. */
export const SCORE_BINS = [60, 70, 80, 85, 90, 95, 100] as const;

export interface ScoreBoxRow {
	year: number;
	n: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}
export interface ScoreBinRow {
	year: number;
	/** Lower bound of the bin (0 = below 60). */
	bin: number;
	n: number;
}
export interface GradeRow {
	year: number;
	grade: string | null;
	n: number;
}
export interface ScorePointRow {
	org_id: string;
	org_name: string;
	year: number;
	score: number;
	grade: string | null;
	rate: number;
	flagged: boolean;
}
export interface ScoresView {
	box: ScoreBoxRow[];
	bins: ScoreBinRow[];
	grades: GradeRow[];
	points: ScorePointRow[];
	pointsCount: number;
	/** High score, low execution: the departments to ask questions about. */
	highLow: ScorePointRow[];
	/** All high-score, low-execution department-years, before the table's LIMIT. */
	highLowCount: number;
	scored: number;
}

export const SCORES_LIMITS = { points: 1000, highLow: 50 } as const;

const inRange = (f: Filters) => sql`${orgIn(f, 'r')} AND ${yearCondition(f, 'r.year')}`;

const binExpr = `CASE WHEN score < ${SCORE_BINS[0]} THEN 0
	${SCORE_BINS.slice(0, -1)
		.map((lo, i) => `WHEN score < ${SCORE_BINS[i + 1]} THEN ${lo}`)
		.join(' ')}
	ELSE ${SCORE_BINS[SCORE_BINS.length - 2]} END`;

export const scoreBinsSql = (f: Filters): SqlPart => sql`
	SELECT year, (${binExpr})::INTEGER AS bin, count(*)::INTEGER AS n FROM dash_rep r
	WHERE score IS NOT NULL AND ${inRange(f)} GROUP BY ALL ORDER BY year, bin`;

const POINT = `org_id, org_name, year, score, grade, rate, (rate_flagged OR score_flagged) AS flagged`;

export function scoresPlan(db: Connector, f: Filters): Plan<ScoresView> {
	const q = run(db);
	const bins = q<ScoreBinRow>(scoreBinsSql(f));
	const box = q<ScoreBoxRow>(sql`
		SELECT year, count(*)::INTEGER AS n, min(score) AS min, quantile_cont(score, 0.25)::DOUBLE AS q1,
		  median(score)::DOUBLE AS median, quantile_cont(score, 0.75)::DOUBLE AS q3, max(score) AS max
		FROM dash_rep r WHERE score IS NOT NULL AND ${inRange(f)} GROUP BY year ORDER BY year`);
	// The count before LIMIT as a scalar subquery, not `count(*) OVER ()` (see `rows` in execution.ts).
	const scatter = sql`score IS NOT NULL AND rate IS NOT NULL AND ${inRange(f)}`;
	const points = splitCounted(
		q<Counted<ScorePointRow>>(sql`
		SELECT ${POINT}, (SELECT count(*) FROM dash_rep r WHERE ${scatter})::INTEGER AS total FROM dash_rep r
		WHERE ${scatter}
		ORDER BY (score >= ${HIGH_SCORE} AND rate < ${LOW_RATE}) DESC, rate, org_name, year
		LIMIT ${SCORES_LIMITS.points}`)
	);
	const grades = q<GradeRow>(sql`
		SELECT year, grade, count(*)::INTEGER AS n FROM dash_rep r WHERE ${inRange(f)}
		GROUP BY ALL ORDER BY year, grade NULLS LAST`);
	const highLowCond = sql`score >= ${HIGH_SCORE} AND rate < ${LOW_RATE} AND ${inRange(f)}`;
	const highLow = splitCounted(
		q<Counted<ScorePointRow>>(sql`
		SELECT ${POINT}, (SELECT count(*) FROM dash_rep r WHERE ${highLowCond})::INTEGER AS total
		FROM dash_rep r WHERE ${highLowCond}
		ORDER BY rate, score DESC, org_name, year LIMIT ${SCORES_LIMITS.highLow}`)
	);
	return {
		box,
		bins,
		grades,
		points: points.rows,
		pointsCount: points.total,
		highLow: highLow.rows,
		highLowCount: highLow.total,
		scored: box.then((b) => b.reduce((s, x) => s + x.n, 0))
	};
}

export const loadScoresView = (db: Connector, f: Filters): Promise<ScoresView> => settle(scoresPlan(db, f));
