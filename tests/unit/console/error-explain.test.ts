/**
 * Error explanation, fed with messages DuckDB-WASM 1.32 (DuckDB 1.4.3) actually printed for these
 * statements (captured from the engine, see tests/sql/console-examples.test.ts for the live check).
 */
import { describe, expect, it } from 'vitest';
import { closestColumns, explainError, refuseStatement } from '../../../src/lib/console/error-explain';

const one = (sql: string) => ({ text: sql, start: 0 });

describe('explainError: location', () => {
	it('LINE 1 caret → line 1, column of the unknown name', () => {
		const sql = 'SELECT scor_total FROM reports';
		const msg =
			'Binder Error: Referenced column "scor_total" not found in FROM clause!\nCandidate bindings: "score_total", "source_file"\n\nLINE 1: SELECT scor_total FROM reports\n               ^';
		const e = explainError(msg, sql, one(sql));
		expect([e.line, e.column]).toEqual([1, 8]);
		expect(e.suggestions[0]).toBe('score_total');
		expect(e.hint).toContain('score_total');
	});

	it('a later statement of the script: position is in the whole editor text', () => {
		const script = 'SELECT 1;\n\nSELECT report_id,\n  得分\nFROM reports';
		const start = script.indexOf('SELECT report_id');
		const stmt = { text: script.slice(start), start };
		const msg =
			'Binder Error: Referenced column "得分" not found in FROM clause!\nCandidate bindings: "execution_rate"\n\nLINE 2:   得分\n          ^';
		const e = explainError(msg, script, stmt);
		expect([e.line, e.column]).toEqual([4, 3]);
		// The Chinese label 得分 names contract columns: those are suggested.
		expect(e.suggestions).toContain('score_total');
	});

	it('wide characters before the error count two columns in DuckDB’s caret line', () => {
		const sql = "SELECT '中文中文', foo FROM reports";
		const msg =
			'Binder Error: Referenced column "foo" not found in FROM clause!\nCandidate bindings: "report_id"\n\nLINE 1: SELECT \'中文中文\', foo FROM reports\n                           ^';
		const e = explainError(msg, sql, one(sql));
		expect(e.column).toBe(sql.indexOf('foo') + 1);
	});

	it('a line DuckDB cut to a window (…) is found again in the statement', () => {
		const sql =
			'SELECT report_id, score_total, execution_rate, report_id, score_total, execution_rate, report_id, score_total, execution_rate, nonexistent_col_x FROM reports';
		const msg =
			'Binder Error: Referenced column "nonexistent_col_x" not found in FROM clause!\nCandidate bindings: "execution_rate", "score_total"\n\nLINE 1: ..., execution_rate, report_id, score_total, execution_rate, nonexistent_col_x FROM reports\n                                                                     ^';
		const e = explainError(msg, sql, one(sql));
		expect(e.column).toBe(sql.indexOf('nonexistent_col_x') + 1);
	});

	it('syntax error at end of input points at the end of the statement', () => {
		const script = 'SELECT 1 +';
		const e = explainError('Parser Error: syntax error at end of input', script, one(script));
		expect([e.line, e.column]).toEqual([1, 11]);
		expect(e.hint).toContain('语法');
	});

	it('no position in the message → none invented', () => {
		const e = explainError('Invalid Input Error: something', 'SELECT 1', one('SELECT 1'));
		expect(e.line).toBeUndefined();
		expect(e.column).toBeUndefined();
		expect(e.hint).toBeUndefined();
	});
});

describe('explainError: plain words for common cases', () => {
	it('read_parquet is not available offline; the loaded tables are named', () => {
		const sql = "SELECT * FROM read_parquet('x.parquet')";
		const msg =
			'Catalog Error: Table Function with name "read_parquet" is not in the catalog, but it exists in the parquet extension.\n\nPlease try installing and loading the parquet extension by running:\nINSTALL parquet;';
		const e = explainError(msg, sql, one(sql), ['reports', 'facts']);
		expect(e.hint).toContain('read_parquet');
		expect(e.hint).toContain('离线');
		expect(e.hint).toContain('reports、facts');
	});

	it('read_json likewise', () => {
		const sql = "SELECT * FROM read_json('x.json')";
		const msg =
			'Catalog Error: Table Function with name "read_json" is not in the catalog, but it exists in the json extension.';
		expect(explainError(msg, sql, one(sql)).hint).toContain('read_json');
	});

	it('unknown table → the loaded tables, closest first', () => {
		const sql = 'SELECT * FROM reprts';
		const msg =
			'Catalog Error: Table with name reprts does not exist!\nDid you mean "reports"?\n\nLINE 1: SELECT * FROM reprts\n                      ^';
		const e = explainError(msg, sql, one(sql));
		expect(e.suggestions[0]).toBe('reports');
		expect(e.hint).toContain('已加载的表');
		expect(e.column).toBe(15);
	});

	it('conversion error', () => {
		const sql = "SELECT amount_wan FROM sangong WHERE year > 'x'";
		const msg =
			"Conversion Error: Could not convert string 'x' to INT32\n\nLINE 1: SELECT amount_wan FROM sangong WHERE year > 'x'\n                                                    ^";
		const e = explainError(msg, sql, one(sql));
		expect(e.hint).toContain('类型转换');
		expect(e.column).toBe(sql.indexOf("'x'") + 1);
	});

	it('GROUP BY', () => {
		const sql = 'SELECT report_id, count(*) FROM reports';
		const msg =
			'Binder Error: column "report_id" must appear in the GROUP BY clause or must be part of an aggregate function.\n\nLINE 1: SELECT report_id, count(*) FROM reports\n               ^';
		expect(explainError(msg, sql, one(sql)).hint).toContain('GROUP BY');
	});
});

describe('closestColumns', () => {
	it('spelling, scoped to the tables the query names', () => {
		expect(closestColumns('amount', 'SELECT amount FROM sangong')[0]).toBe('amount_wan');
		expect(closestColumns('fiscalyear', 'SELECT fiscalyear FROM reports')).toEqual(['fiscal_year']);
	});
	it('Chinese label', () => {
		expect(closestColumns('执行率', 'SELECT 执行率 FROM projects')).toEqual(['execution_rate']);
	});
	it('nothing close → nothing', () => {
		expect(closestColumns('zzzzzzzzzz', 'SELECT zzzzzzzzzz FROM orgs')).toEqual([]);
	});
});

describe('refuseStatement: nothing leaves the site', () => {
	it.each([
		"SELECT * FROM 'https://example.com/a.csv'",
		"SELECT * FROM read_csv('http://10.0.0.1/x.csv')",
		"SELECT * FROM read_csv('s3://bucket/x.csv')",
		'INSTALL httpfs',
		'load parquet',
		'SET autoinstall_known_extensions = true',
		'  set global autoload_known_extensions=1'
	])('%s', (sql) => {
		const why = refuseStatement(sql, ['reports']);
		expect(why).toContain('不允许向其他网站发送任何请求');
		expect(why).toContain('reports');
	});
	it.each([
		'SELECT 1',
		"SELECT quote FROM facts WHERE quote LIKE '%http%'",
		'-- see https://example.com\nSELECT 1',
		'SET threads = 1'
	])('allowed: %s', (sql) => expect(refuseStatement(sql)).toBeNull());
});
