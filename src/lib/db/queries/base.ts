/**
 * Shared CTEs for the dashboard's named queries. Every query starts from `sel` (the departments
 * the global filters keep) and reads one report per department and year, and one 三公 value per
 * department, year, item and basis — preferring a stated value over a derived one, and the
 * report about that year over a later report that restates it.
 */
import type { Filters } from '../../filters/filters';
import type { SqlParam } from '../connector';
import { type SqlPart, selectedOrgs } from './filter-sql';

/** Assemble `WITH a AS (…), b AS (…) SELECT …`, keeping the parameters in text order. */
export function withCtes(ctes: [string, SqlPart | string][], body: SqlPart | string): SqlPart {
	const parts = ctes.map(([, p]) => (typeof p === 'string' ? { sql: p, params: [] } : p));
	const b = typeof body === 'string' ? { sql: body, params: [] } : body;
	const params: SqlParam[] = [...parts.flatMap((p) => p.params), ...b.params];
	const sql = `WITH ${ctes.map(([name], i) => `${name} AS (${parts[i].sql})`).join(',\n')}\n${b.sql}`;
	return { sql, params };
}

/** `rep`: one report per department and fiscal year (the first by id when two claim it). */
export const REP = `
	SELECT r.*, o.org_name AS org_label
	FROM reports r JOIN orgs o ON o.org_id = r.org_id
	WHERE r.org_id IN (SELECT org_id FROM sel)
	QUALIFY row_number() OVER (PARTITION BY r.org_id, r.fiscal_year ORDER BY r.report_id) = 1`;

/**
 * The `flag_facts` table: (report_id, table_name, column_name, row_key) of published values
 * whose quoted span overlaps an error or warning finding's span — shown with a finding mark.
 * Computed once at build time from facts × findings (facts is by far the largest table, which
 * the dashboard therefore never has to load into the browser) and shipped as
 * `derived/value-flags.csv`.
 */
export const FLAG_FACTS_SQL = `
	SELECT DISTINCT fa.report_id, fa.table_name, fa.column_name, coalesce(fa.row_key, '') AS row_key
	FROM facts fa JOIN findings fi
	  ON fi.report_id = fa.report_id AND fi.span_start IS NOT NULL AND fi.span_end IS NOT NULL
	 AND fi.span_start < fa.span_end AND fi.span_end > fa.span_start
	WHERE fi.severity IN ('error', 'warning')
	ORDER BY ALL`;

export const FLAG_FACTS_COLUMNS = ['report_id', 'table_name', 'column_name', 'row_key'] as const;

/**
 * `sg_best`: department-level 三公 (unit IS NULL), one row per org/year/item/basis, with
 * `has_split` (vehicle split into purchase + operation), `has_items` (any item besides total)
 * and `flagged` (its fact overlaps a finding).
 */
export const SG_BEST = `
	SELECT b.*,
	  bool_or(b.item IN ('vehicle_purchase', 'vehicle_operation')) OVER w AS has_split,
	  bool_or(b.item <> 'total') OVER w AS has_items
	FROM (
	  SELECT s.org_id, s.year, s.item, s.basis, s.amount_wan, s.derived, s.report_id,
	    EXISTS (SELECT 1 FROM flag_facts ff WHERE ff.report_id = s.report_id AND ff.table_name = 'sangong'
	      AND ff.row_key = s.year || '|' || s.item || '|' || s.basis || '|') AS flagged
	  FROM sangong s JOIN reports r ON r.report_id = s.report_id
	  WHERE s.unit IS NULL AND s.amount_wan IS NOT NULL AND s.org_id IN (SELECT org_id FROM sel)
	  QUALIFY row_number() OVER (
	    PARTITION BY s.org_id, s.year, s.item, s.basis
	    ORDER BY s.derived, (r.fiscal_year = s.year) DESC, r.fiscal_year DESC, s.report_id) = 1
	) b
	WINDOW w AS (PARTITION BY b.org_id, b.year, b.basis)`;

/**
 * `sg_total`: one 三公 total per org/year/basis — the stated total, else the sum of the stated
 * items (`computed`, never a silent 0: no items → no row).
 */
export const SG_TOTAL = `
	SELECT org_id, year, basis,
	  CASE WHEN bool_or(item = 'total') THEN max(amount_wan) FILTER (WHERE item = 'total')
	       ELSE sum(amount_wan) FILTER (WHERE item <> 'total' AND NOT (item = 'vehicle_total' AND has_split)) END AS amount_wan,
	  CASE WHEN bool_or(item = 'total') THEN bool_or(derived) FILTER (WHERE item = 'total')
	       ELSE bool_or(derived) END AS derived,
	  NOT bool_or(item = 'total') AS computed,
	  bool_or(flagged) AS flagged
	FROM sg_best GROUP BY org_id, year, basis`;

/** The ctes every query needs. */
export function baseCtes(f: Filters): [string, SqlPart | string][] {
	return [['sel', selectedOrgs(f)]];
}
