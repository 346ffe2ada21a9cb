/**
 * Walks SQL text the way DuckDB's lexer sees it, skipping quotes ('…', "…", $tag$…$tag$) and
 * comments (-- …, /* … *\/): a “;” or “?” inside them is not syntax. Pure; used to split console
 * scripts into statements and to find parameter placeholders.
 */

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

/** Calls `visit(i)` for every character of `sql` that is code (outside quotes and comments). */
export function forEachCodeChar(sql: string, visit: (i: number) => void): void {
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
			} else visit(i++);
		} else visit(i++);
	}
}
