/** 自评得分 named queries: distribution by year, grades, score vs execution rate. */
import type { Filters } from '../../filters/filters';
import type { Connector, SqlParam } from '../connector';
import { withCtes } from './base';
import { LOW_RATE, execCtes } from './execution';

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
	scored: number;
}

export const SCORES_LIMITS = { points: 1000, highLow: 50 } as const;

/**
 * `sc`: department-years in range with score, grade and execution rate — read from `ex` alone:
 * joining `rep` a second time made DuckDB-WASM 1.4.3 return no rows for ORDER BY … LIMIT
 * (tests/sql/engines-agree.test.ts).
 */
function scoreCtes(f: Filters) {
	return [
		...execCtes(f),
		[
			'sc',
			`SELECT org_id, org_name, year, score, grade, rate,
			   flagged OR EXISTS (SELECT 1 FROM flag_facts ff WHERE ff.report_id = ex.report_id
			     AND ff.table_name = 'reports' AND ff.column_name IN ('score_total', 'grade')) AS flagged
			 FROM ex`
		]
	] as [string, string][];
}

const binExpr = `CASE WHEN score < ${SCORE_BINS[0]} THEN 0
	${SCORE_BINS.slice(0, -1)
		.map((lo, i) => `WHEN score < ${SCORE_BINS[i + 1]} THEN ${lo}`)
		.join(' ')}
	ELSE ${SCORE_BINS[SCORE_BINS.length - 2]} END`;

export const scoreBinsSql = (f: Filters) =>
	withCtes(
		scoreCtes(f),
		`SELECT year, ${binExpr} AS bin, count(*)::INTEGER AS n FROM sc WHERE score IS NOT NULL
		 GROUP BY ALL ORDER BY year, bin`
	);

export async function loadScoresView(db: Connector, f: Filters): Promise<ScoresView> {
	const q = <T extends object>(p: { sql: string; params: readonly SqlParam[] }) =>
		db.query<T>(p.sql, p.params);
	const s = (body: string) => withCtes(scoreCtes(f), body);
	const PT = `org_id, org_name, year, score::DOUBLE AS score, grade, rate::DOUBLE AS rate, flagged`;
	const [box, bins, grades, points, pointsCount, highLow, scored] = await Promise.all([
		q<ScoreBoxRow>(
			s(`SELECT year, count(*)::INTEGER AS n, min(score)::DOUBLE AS min,
			     quantile_cont(score, 0.25)::DOUBLE AS q1, median(score)::DOUBLE AS median,
			     quantile_cont(score, 0.75)::DOUBLE AS q3, max(score)::DOUBLE AS max
			   FROM sc WHERE score IS NOT NULL GROUP BY year ORDER BY year`)
		),
		q<ScoreBinRow>(scoreBinsSql(f)),
		q<GradeRow>(
			s(`SELECT year, grade, count(*)::INTEGER AS n FROM sc GROUP BY ALL ORDER BY year, grade NULLS LAST`)
		),
		q<ScorePointRow>(
			s(`SELECT ${PT} FROM sc WHERE score IS NOT NULL AND rate IS NOT NULL
			   ORDER BY (score >= ${HIGH_SCORE} AND rate < ${LOW_RATE}) DESC, rate, org_name
			   LIMIT ${SCORES_LIMITS.points}`)
		),
		q<{ n: number }>(s(`SELECT count(*)::INTEGER AS n FROM sc WHERE score IS NOT NULL AND rate IS NOT NULL`)),
		q<ScorePointRow>(
			s(`SELECT ${PT} FROM sc WHERE score >= ${HIGH_SCORE} AND rate < ${LOW_RATE}
			   ORDER BY rate, score DESC, org_name LIMIT ${SCORES_LIMITS.highLow}`)
		),
		q<{ n: number }>(s(`SELECT count(*)::INTEGER AS n FROM sc WHERE score IS NOT NULL`))
	]);
	return {
		box,
		bins,
		grades,
		points,
		pointsCount: pointsCount[0]?.n ?? 0,
		highLow,
		scored: scored[0]?.n ?? 0
	};
}
