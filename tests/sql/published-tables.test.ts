/**
 * The browser's published tables (src/lib/db/published.ts) in DuckDB-WASM: the files the build
 * writes attach and read back as the build's tables; importing local reports swaps the views for
 * in-memory copies and rebuilds the derived tables there, in the browser's engine, to exactly
 * the published files; restoring makes every name a view of its file again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toPlainRow } from '../../src/lib/db/connector';
import { PUBLISHED_TABLES, dropViews, toTables, toViews } from '../../src/lib/db/published';
import { SHIPPED_DERIVED, rebuildDerivedSql } from '../../src/lib/db/queries/derived';
import { TABLES_FOR_LOCAL } from '../../src/lib/db/local-reports';
import { buildDatabase } from '../../src/lib/server/datasets';
import { openWasm } from './wasm-database';

type Conn = Awaited<ReturnType<typeof openWasm>>['conn'];
const rows = (conn: Conn, sql: string) =>
	conn
		.query(sql)
		.toArray()
		.map((r) => toPlainRow(r.toJSON()));
const kinds = (conn: Conn) =>
	Object.fromEntries(
		rows(
			conn,
			`SELECT view_name AS name, 'view' AS kind FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal
			 UNION ALL SELECT table_name, 'table' FROM duckdb_tables() WHERE database_name = 'memory'`
		).map((r) => [r.name, r.kind])
	);
/** Rows of a in b's table and not in a's, both ways (bags): 0 and 0 when equal. */
const difference = (conn: Conn, a: string, b: string) =>
	rows(
		conn,
		`SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))::INTEGER AS extra,
		   (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}))::INTEGER AS missing`
	)[0];

describe('published tables in DuckDB-WASM', () => {
	let conn: Conn;
	beforeAll(async () => {
		({ conn } = await openWasm(PUBLISHED_TABLES));
	});

	it('every table is a view of its file, with the rows and types the build has', async () => {
		const node = await buildDatabase();
		expect(kinds(conn)).toEqual(Object.fromEntries(PUBLISHED_TABLES.map((n) => [n, 'view'])));
		for (const name of PUBLISHED_TABLES) {
			const types = (sql: string) => sql.replace(/\s+/g, ' ');
			const wasmCols = rows(conn, `DESCRIBE "${name}"`).map(
				(r) => `${r.column_name} ${types(String(r.column_type))}`
			);
			const nodeCols = (
				await node.query<{ column_name: string; column_type: string }>(`DESCRIBE "${name}"`)
			).map((r) => `${r.column_name} ${types(r.column_type)}`);
			expect(wasmCols, name).toEqual(nodeCols);
			const [{ n }] = await node.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM "${name}"`);
			expect(rows(conn, `SELECT count(*)::INTEGER AS n FROM "${name}"`)[0].n, name).toBe(n);
		}
	});

	it('local import: in-memory copies, derived tables rebuilt in wasm equal the published files; restore', async () => {
		await toTables(conn, TABLES_FOR_LOCAL);
		await dropViews(conn, SHIPPED_DERIVED);
		for (const statement of rebuildDerivedSql()) conn.query(statement);
		const k = kinds(conn);
		for (const name of [...TABLES_FOR_LOCAL, ...SHIPPED_DERIVED]) expect(k[name], name).toBe('table');
		for (const name of TABLES_FOR_LOCAL)
			expect(difference(conn, `"${name}"`, `published_${name}."${name}"`), name).toEqual({
				extra: 0,
				missing: 0
			});
		for (const name of SHIPPED_DERIVED)
			expect(difference(conn, `"${name}"`, `published_${name}."${name}"`), name).toEqual({
				extra: 0,
				missing: 0
			});

		// A row added locally is in the copy only, and restoring drops it with the copy.
		conn.query(`INSERT INTO orgs SELECT * REPLACE ('local-test-org' AS org_id) FROM orgs LIMIT 1`);
		expect(rows(conn, `SELECT count(*)::INTEGER AS n FROM orgs WHERE org_id = 'local-test-org'`)[0].n).toBe(
			1
		);
		await toViews(conn, [...TABLES_FOR_LOCAL, ...SHIPPED_DERIVED]);
		expect(rows(conn, `SELECT count(*)::INTEGER AS n FROM orgs WHERE org_id = 'local-test-org'`)[0].n).toBe(
			0
		);
		const after = kinds(conn);
		for (const name of PUBLISHED_TABLES) expect(after[name], name).toBe('view');
	});
});
