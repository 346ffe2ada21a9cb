/**
 * The derived tables with local reports (the browser rebuilds them after /import/ adds rows):
 * local rows are marked, a published value always wins over a local one for the same department,
 * year and item, a new department-year shows up marked, and so does, in 部门对比's list, a
 * department that only local reports brought.
 */
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connector, toPlainRow } from '../../src/lib/db/connector';
import { loadPickerView } from '../../src/lib/db/queries/compare';
import { LOCAL_MARK, LOCAL_REPORTS_TABLE, rebuildDerivedSql } from '../../src/lib/db/queries/derived';
import { createTableSql, insertFromSql } from '../../src/lib/db/tables-sql';
import { DEFAULT_FILTERS } from '../../src/lib/filters/filters';
import { TABLES } from '../../src/lib/schema/tables';

let conn: DuckDBConnection;
const rows = async <T>(sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
/** The named queries' view of the same tables. */
const db: Connector = {
	query: async (sql, params = []) =>
		(await conn.runAndReadAll(sql, [...params])).getRowObjectsJS().map((r) => toPlainRow(r)) as never[]
};
const NEW_ORG = 'local-only-org';
const NEW_ORG_NAME = '本地新部门';
let beita = '';

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of TABLES) {
		const file = path.resolve('static/datasets', `${t.name}.parquet`).replaceAll("'", "''");
		await conn.run(createTableSql(t));
		await conn.run(insertFromSql(t, `read_parquet('${file}')`));
	}
	// Two local copies of 北塔's report: one for the same year (a collision), one a year later. Their
	// ids sort first, so only the local-last rule keeps the published report. A third copy is the
	// report of a department the site does not publish (NEW_ORG).
	const [src] = await rows<{ report_id: string; org_id: string; fiscal_year: number }>(
		`SELECT r.report_id, r.org_id, r.fiscal_year FROM reports r JOIN orgs o USING (org_id) WHERE o.org_name LIKE '%北塔%'`
	);
	beita = src.org_id;
	for (const [id, shift, org] of [
		['0000_local_same', 0, src.org_id],
		['0000_local_next', 1, src.org_id],
		['0000_local_org', 0, NEW_ORG]
	] as const) {
		await conn.run(`INSERT INTO reports SELECT * REPLACE ('${id}' AS report_id, '${org}' AS org_id,
			fiscal_year + ${shift} AS fiscal_year, score_total - 10 AS score_total) FROM reports WHERE report_id = '${src.report_id}'`);
		await conn.run(`INSERT INTO sangong SELECT * REPLACE ('${id}' AS report_id, '${org}' AS org_id, year + ${shift} AS year,
			amount_wan + 1000 AS amount_wan) FROM sangong WHERE report_id = '${src.report_id}'`);
	}
	await conn.run(`INSERT INTO orgs SELECT * REPLACE ('${NEW_ORG}' AS org_id, '${NEW_ORG_NAME}' AS org_name)
		FROM orgs WHERE org_id = '${src.org_id}'`);
	await conn.run(createTableSql(LOCAL_REPORTS_TABLE));
	await conn.run(`INSERT INTO local_reports VALUES ('0000_local_same', 'a.txt', '2026-01-01', false),
		('0000_local_next', 'b.txt', '2026-01-01', false), ('0000_local_org', 'c.txt', '2026-01-01', true)`);
	for (const s of rebuildDerivedSql()) await conn.run(s);
});

afterAll(() => conn?.closeSync());

describe('derived tables with local reports', () => {
	it('keep the published report for a department-year a local report also claims', async () => {
		const r = await rows<{ report_id: string; local: boolean }>(
			`SELECT d.report_id, d.local FROM dash_rep d JOIN reports r ON r.report_id = d.report_id
			 WHERE d.org_id = (SELECT org_id FROM reports WHERE report_id = '0000_local_same')
			   AND d.year = (SELECT fiscal_year FROM reports WHERE report_id = '0000_local_same')`
		);
		expect(r).toHaveLength(1);
		expect(r[0].report_id).not.toBe('0000_local_same');
		expect(r[0].local).toBe(false);
		const sg = await rows<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM dash_sg WHERE report_id = '0000_local_same'`
		);
		expect(sg[0].n).toBe(0);
	});

	it('show a new department-year, marked local with the department name marked', async () => {
		const [r] = await rows<{ org_name: string; local: boolean }>(
			`SELECT org_name, local FROM dash_rep WHERE report_id = '0000_local_next'`
		);
		expect(r.local).toBe(true);
		expect(r.org_name.endsWith(LOCAL_MARK)).toBe(true);
		const sg = await rows<{ local: boolean; org_name: string }>(
			`SELECT local, org_name FROM dash_sg WHERE report_id = '0000_local_next'`
		);
		expect(sg.length).toBeGreaterThan(0);
		for (const x of sg) expect(x.local && x.org_name.endsWith(LOCAL_MARK)).toBe(true);
		const tot = await rows<{ local: boolean }>(
			`SELECT t.local FROM dash_sg_total t JOIN dash_rep r ON r.org_id = t.org_id AND r.year = t.year
			 WHERE r.report_id = '0000_local_next'`
		);
		expect(tot.every((x) => x.local)).toBe(true);
	});

	it('leave published rows unmarked', async () => {
		const marked = await rows<{ report_id: string }>(
			`SELECT report_id FROM dash_rep WHERE local OR org_name LIKE '%${LOCAL_MARK}' ORDER BY report_id`
		);
		expect(marked.map((r) => r.report_id)).toEqual(['0000_local_next', '0000_local_org']);
	});

	it('部门对比: a department only local reports brought is marked; a published one counts its local reports', async () => {
		const { options } = await loadPickerView(db, DEFAULT_FILTERS);
		expect(options.find((o) => o.org_id === NEW_ORG)).toMatchObject({
			org_name: `${NEW_ORG_NAME}${LOCAL_MARK}`,
			reports: 1,
			local_reports: 1
		});
		const published = options.find((o) => o.org_id === beita)!;
		expect(published.org_name.endsWith(LOCAL_MARK)).toBe(false);
		expect(published.local_reports).toBe(1);
		expect(published.reports).toBeGreaterThan(1);
		expect(options.filter((o) => o.local_reports > 0)).toHaveLength(2);
	});
});
