import { describe, expect, it } from 'vitest';
import { mentions } from '../../../src/lib/db/mentions';

describe('mentions: does a SQL text name one of these words', () => {
	const deferred = mentions(['facts', 'dash_findings']);

	it('finds a table named anywhere in the text', () => {
		expect(deferred('SELECT * FROM facts')).toBe(true);
		expect(deferred('SELECT count(*) FROM dash_findings WHERE year = 2023')).toBe(true);
		expect(deferred('SELECT f.value FROM reports r JOIN facts f USING (report_id)')).toBe(true);
		expect(deferred('SELECT * FROM "facts"')).toBe(true);
		expect(deferred('SELECT * FROM main.facts;')).toBe(true);
	});

	it('matches whole words only', () => {
		expect(deferred('SELECT * FROM facts_x')).toBe(false);
		expect(deferred('SELECT * FROM my_facts')).toBe(false);
		expect(deferred('SELECT * FROM dash_findings2')).toBe(false);
		// `findings` alone is not `dash_findings`.
		expect(deferred('SELECT * FROM findings')).toBe(false);
		expect(deferred('SELECT * FROM reports')).toBe(false);
	});

	it('ignores case, as DuckDB does for identifiers and keywords', () => {
		expect(deferred('select * from FACTS')).toBe(true);
		expect(deferred('SELECT * FROM Dash_Findings')).toBe(true);
	});

	it('reads a trailing * as a prefix', () => {
		const catalog = mentions(['duckdb_*', 'show']);
		expect(catalog('SELECT * FROM duckdb_tables()')).toBe(true);
		expect(catalog('SELECT * FROM DuckDB_Columns()')).toBe(true);
		expect(catalog('SHOW TABLES')).toBe(true);
		expect(catalog('SELECT * FROM my_duckdb_tables')).toBe(false);
		expect(catalog('SELECT shown FROM t')).toBe(false);
	});

	it('takes the words literally, not as patterns', () => {
		const dotted = mentions(['a.b']);
		expect(dotted('SELECT * FROM a.b')).toBe(true);
		expect(dotted('SELECT * FROM axb')).toBe(false);
	});
});
