/** Statement splitting: semicolons inside quotes and comments do not split. */
import { describe, expect, it } from 'vitest';
import { lineColumn, splitStatements } from '../../../src/lib/console/split-statements';

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

describe('splitStatements', () => {
	it('top-level semicolons split; offsets point at each statement', () => {
		const sql = 'SELECT 1;\n  SELECT 2 ;SELECT 3';
		const st = splitStatements(sql);
		expect(st.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
		for (const s of st) expect(sql.slice(s.start, s.start + s.text.length)).toBe(s.text);
	});
	it('quotes, identifiers, dollar quotes and comments keep their semicolons', () => {
		expect(texts("SELECT 'a;b', \"c;d\"; SELECT 'it''s;'")).toEqual([
			'SELECT \'a;b\', "c;d"',
			"SELECT 'it''s;'"
		]);
		expect(texts('SELECT $$x;y$$; SELECT $t$;$t$')).toEqual(['SELECT $$x;y$$', 'SELECT $t$;$t$']);
		expect(texts('SELECT 1 -- a;b\n; /* c;d */ SELECT 2')).toEqual(['SELECT 1 -- a;b', '/* c;d */ SELECT 2']);
	});
	it('empty and comment-only pieces are not statements', () => {
		expect(texts(';;  ;\n-- only a comment\n;')).toEqual([]);
		expect(texts('SELECT 1;;')).toEqual(['SELECT 1']);
	});
	it('an unterminated quote runs to the end (DuckDB reports the error)', () => {
		expect(texts("SELECT 'abc; SELECT 2")).toEqual(["SELECT 'abc; SELECT 2"]);
	});
});

describe('lineColumn', () => {
	it('1-based', () => {
		const t = 'ab\ncde\n';
		expect(lineColumn(t, 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumn(t, 4)).toEqual({ line: 2, column: 2 });
		expect(lineColumn(t, 99)).toEqual({ line: 3, column: 1 });
	});
});
