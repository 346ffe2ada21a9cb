/**
 * Split a SQL script into statements at top-level semicolons, so each one can be sent (and
 * cancelled) on its own: DuckDB-WASM's pending-query API takes exactly one statement. A “;”
 * inside quotes or comments does not split (see sql-scan.ts). Pure: used by the console and its unit tests.
 */
import { forEachCodeChar } from '../db/sql-scan';

export interface Statement {
	/** The statement text, without the terminating semicolon, trimmed. */
	readonly text: string;
	/** Offset of `text` in the whole script (UTF-16 code units), to map error positions back. */
	readonly start: number;
}

/** A statement that is only comments and whitespace is not a statement. */
const hasCode = (s: string): boolean =>
	s
		.replace(/--[^\n]*/g, '')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.trim().length > 0;

export function splitStatements(sql: string): Statement[] {
	const out: Statement[] = [];
	let from = 0;
	const push = (end: number) => {
		const raw = sql.slice(from, end);
		const lead = raw.length - raw.trimStart().length;
		const text = raw.trim();
		if (hasCode(text)) out.push({ text, start: from + lead });
	};
	forEachCodeChar(sql, (i) => {
		if (sql[i] !== ';') return;
		push(i);
		from = i + 1;
	});
	push(sql.length);
	return out;
}

/** 0-based offset → 1-based line and column (column counted in characters of that line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const nl = before.lastIndexOf('\n');
	return { line: before.split('\n').length, column: before.length - nl };
}
