/**
 * Reports imported in this browser (/import/) inside DuckDB-WASM: their rows go into the very
 * contract tables the published data fills (so the dashboard, the comparison and the SQL console
 * see them; in-memory copies of the published files from then on, see published.ts), each listed
 * in `local_reports`; the derived dashboard tables are then rebuilt with the same SQL the build
 * ran (queries/derived.ts), which marks local rows. Removing them restores the published files.
 *
 * Collisions never overwrite published data: a file whose bytes are already published (same
 * report_id) is not added again; a report for a department and year the published data already
 * covers is added with a `duplicate_org_year` finding, and the dashboard keeps the published one.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { ExtractedRows } from '../extract/types';
import { OrgsTable } from '../extract/orgs-table';
import { TABLES, type TableName } from '../schema/tables';
import { duplicateOrgYear } from '../validate/duplicate-org-year';
import { toPlainRow } from './connector';
import { changeTables } from './duckdb';
import { sqlLiteral } from './inline-params';
import { PUBLISHED_TABLES, dropViews, toTables, toViews } from './published';
import { LOCAL_REPORTS_TABLE, SHIPPED_DERIVED, rebuildDerivedSql } from './queries/derived';
import { rowsToArrowIPC } from './rows-arrow';
import { type TableShape, createTableIfMissingSql, ident, insertFromSql } from './tables-sql';

/** A parsed report as the import page keeps it (IndexedDB), never the file itself. */
export interface LocalReport {
	readonly file_name: string;
	/** ISO time it was added. */
	readonly imported_at: string;
	readonly rows: ExtractedRows;
}

/** Contract tables with a report_id: where a local report's rows go (orgs is handled apart). */
export const LOCAL_TABLES = [
	'reports',
	'sangong',
	'spending',
	'indicators',
	'projects',
	'facts',
	'findings'
] as const;
/** Every table the local rows touch or the derived SQL reads. */
export const TABLES_FOR_LOCAL: readonly TableName[] = [...LOCAL_TABLES, 'orgs'];

export interface LocalOutcome {
	readonly report_id: string;
	readonly org_id: string;
	readonly file_name: string;
	/** added: in the tables; already: these bytes are published (or were added before). */
	readonly status: 'added' | 'already';
	/** Findings added here (e.g. duplicate_org_year), already in the findings table. */
	readonly notes: readonly string[];
	/** The department exists only through local reports (no prerendered /org/ page). */
	readonly newOrg: boolean;
}

const contract = (name: TableName): TableShape => TABLES.find((t) => t.name === name)!;

async function insertRows(conn: AsyncDuckDBConnection, t: TableShape, rows: readonly object[]) {
	if (rows.length === 0) return;
	const staging = ident(`_local_${t.name}`);
	await conn.insertArrowFromIPCStream(rowsToArrowIPC(t.columns, rows as Record<string, unknown>[]), {
		name: `_local_${t.name}`,
		create: true
	});
	try {
		await conn.query(insertFromSql(t, staging));
	} finally {
		await conn.query(`DROP TABLE IF EXISTS ${staging}`);
	}
}

async function rows<T>(conn: AsyncDuckDBConnection, sql: string): Promise<T[]> {
	return (await conn.query(sql)).toArray().map((r) => toPlainRow(r.toJSON()) as T);
}

/**
 * Adds reports to the loaded contract tables (call after they are loaded) and rebuilds the derived
 * tables. Reports already present are reported, not added twice.
 */
export async function insertLocalReports(
	db: AsyncDuckDB,
	reports: readonly LocalReport[]
): Promise<LocalOutcome[]> {
	return changeTables(db, async (conn) => {
		await conn.query(createTableIfMissingSql(LOCAL_REPORTS_TABLE));
		const ids = reports.map((r) => sqlLiteral(r.rows.reports.report_id)).join(', ') || 'NULL';
		const orgIds = reports.map((r) => sqlLiteral(r.rows.org.org_id)).join(', ') || 'NULL';
		const present = new Set(
			(
				await rows<{ report_id: string }>(conn, `SELECT report_id FROM reports WHERE report_id IN (${ids})`)
			).map((r) => r.report_id)
		);
		const knownOrgs = new Set(
			(await rows<{ org_id: string }>(conn, `SELECT org_id FROM orgs WHERE org_id IN (${orgIds})`)).map(
				(r) => r.org_id
			)
		);
		/** org_id|year → files already covering it (published or added earlier). */
		const covering = new Map<string, string[]>();
		for (const r of await rows<{ org_id: string; fiscal_year: number; source_file: string }>(
			conn,
			`SELECT org_id, fiscal_year, source_file FROM reports WHERE org_id IN (${orgIds}) AND fiscal_year IS NOT NULL`
		)) {
			const k = `${r.org_id}|${r.fiscal_year}`;
			covering.set(k, [...(covering.get(k) ?? []), r.source_file]);
		}

		const out: LocalOutcome[] = [];
		const batch = new Map<string, object[]>(LOCAL_TABLES.map((t) => [t, []]));
		const newOrgs = new OrgsTable();
		const listed: { report_id: string; file_name: string; imported_at: string; new_org: boolean }[] = [];
		for (const r of reports) {
			const rep = r.rows.reports;
			if (present.has(rep.report_id)) {
				out.push({
					report_id: rep.report_id,
					org_id: rep.org_id,
					file_name: r.file_name,
					status: 'already',
					notes: [],
					newOrg: false
				});
				continue;
			}
			present.add(rep.report_id);
			const newOrg = !knownOrgs.has(rep.org_id);
			if (newOrg) newOrgs.add(r.rows.org);
			const key = rep.fiscal_year === null ? null : `${rep.org_id}|${rep.fiscal_year}`;
			const earlier = key ? (covering.get(key) ?? []) : [];
			const extra =
				earlier.length > 0
					? [duplicateOrgYear(rep, earlier, '看板仍显示已有报告的数值；本报告的数值见导入页和 SQL 查询')]
					: [];
			if (key) covering.set(key, [...earlier, r.file_name]);
			for (const t of LOCAL_TABLES) {
				const list = t === 'reports' ? [rep] : t === 'findings' ? [...r.rows.findings, ...extra] : r.rows[t];
				batch.get(t)!.push(...list);
			}
			listed.push({
				report_id: rep.report_id,
				file_name: r.file_name,
				imported_at: r.imported_at,
				new_org: newOrg
			});
			out.push({
				report_id: rep.report_id,
				org_id: rep.org_id,
				file_name: r.file_name,
				status: 'added',
				notes: extra.map((f) => f.message),
				newOrg
			});
		}
		if (listed.length > 0) {
			// Rows go into in-memory copies of the published tables, and the derived tables are
			// rebuilt under their own names (see published.ts).
			await toTables(conn, TABLES_FOR_LOCAL);
			await dropViews(conn, SHIPPED_DERIVED);
			for (const t of LOCAL_TABLES) await insertRows(conn, contract(t), batch.get(t)!);
			await insertRows(conn, contract('orgs'), newOrgs.rows());
			await insertRows(conn, LOCAL_REPORTS_TABLE, listed);
			for (const statement of rebuildDerivedSql()) await conn.query(statement);
		}
		return out;
	});
}

/** Back to the published state: every table copied for local rows is its published file again. */
export async function restorePublished(db: AsyncDuckDB): Promise<void> {
	await changeTables(db, async (conn) => {
		await toViews(conn, PUBLISHED_TABLES);
		await conn.query('DROP TABLE IF EXISTS dash_flags');
		await conn.query(createTableIfMissingSql(LOCAL_REPORTS_TABLE));
		await conn.query('DELETE FROM local_reports');
	});
}
