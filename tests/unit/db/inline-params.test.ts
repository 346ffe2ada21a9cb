import { describe, expect, test } from 'vitest';
import { inlineParams, sqlLiteral } from '../../../src/lib/db/inline-params';

describe('sqlLiteral', () => {
	test('strings are single-quoted with quotes doubled; backslashes stay literal', () => {
		expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
		expect(sqlLiteral("x'); DROP TABLE reports; --")).toBe("'x''); DROP TABLE reports; --'");
		expect(sqlLiteral('a\\')).toBe("'a\\'");
	});
	test('numbers in parentheses, non-integers as DOUBLE; NULL and booleans as keywords', () => {
		expect(sqlLiteral(2023)).toBe('(2023)');
		expect(sqlLiteral(-5)).toBe('(-5)');
		expect(sqlLiteral(0.9)).toBe('(0.9::DOUBLE)');
		expect(sqlLiteral(null)).toBe('NULL');
		expect(sqlLiteral(true)).toBe('TRUE');
		expect(() => sqlLiteral(Number.NaN)).toThrow();
	});
});

describe('inlineParams', () => {
	test('replaces placeholders in order, not inside quotes or comments', () => {
		const sql = `SELECT '?' AS q, "a?" FROM t -- why?
			WHERE x >= ?::INTEGER /* ? */ AND name ILIKE ? AND y = $$?$$ AND z-?`;
		expect(inlineParams(sql, [2022, '%湘西%', -1])).toBe(
			`SELECT '?' AS q, "a?" FROM t -- why?
			WHERE x >= (2022)::INTEGER /* ? */ AND name ILIKE '%湘西%' AND y = $$?$$ AND z-(-1)`
		);
	});
	test('a count mismatch is an error, not a silently wrong query', () => {
		expect(() => inlineParams('SELECT ? + ?', [1])).toThrow(/2 个参数占位符/);
		expect(() => inlineParams('SELECT 1', [1])).toThrow();
	});
});
