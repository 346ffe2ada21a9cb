/**
 * Split a SQL script into statements at top-level semicolons, so each one can be sent (and
 * cancelled) on its own: DuckDB-WASM's pending-query API takes exactly one statement. Quotes
 * ('…', "…", $tag$…$tag$) and comments (-- …, /* … *\/) are skipped, so a “;” inside them does
 * not split. Pure: used by the console and its unit tests.
 */

export interface Statement {
	/** The statement text, without the terminating semicolon, trimmed. */
	readonly text: string;
	/** Offset of `text` in the whole script (UTF-16 code units), to map error positions back. */
	readonly start: number;
}

/** Index just past the quoted run starting at `i` (quote char q; doubled q escapes). */
function skipQuoted(sql: string, i: number, q: string): number {
	let j = i + 1;
	while (j < sql.length) {
		if (sql[j] === q) {
			if (sql[j + 1] === q) j += 2;
			else return j + 1;
		} else j++;
	}
	return j;
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
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		if (c === "'" || c === '"') i = skipQuoted(sql, i, c);
		else if (c === '-' && sql[i + 1] === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl < 0 ? sql.length : nl + 1;
		} else if (c === '/' && sql[i + 1] === '*') {
			const close = sql.indexOf('*/', i + 2);
			i = close < 0 ? sql.length : close + 2;
		} else if (c === '$') {
			const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0];
			if (tag) {
				const close = sql.indexOf(tag, i + tag.length);
				i = close < 0 ? sql.length : close + tag.length;
			} else i++;
		} else if (c === ';') {
			push(i);
			from = i + 1;
			i++;
		} else i++;
	}
	push(sql.length);
	return out;
}

/** 0-based offset → 1-based line and column (column counted in characters of that line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const nl = before.lastIndexOf('\n');
	return { line: before.split('\n').length, column: before.length - nl };
}
