/**
 * Does a SQL text name one of some tables (or keywords)? The deferred tables load after the
 * page is ready, so a query naming one must wait for it first.
 *
 * Whole words only (`facts` is not in `facts_x` or `dash_facts`), in any case: DuckDB reads
 * `FROM Facts` as `facts`. A word ending in `*` is a prefix (`duckdb_*`: every `duckdb_…`).
 * No parsing: a name inside a comment or a string counts too, which costs only a wait.
 */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function mentions(words: readonly string[]): (sql: string) => boolean {
	const alternatives = words.map((w) => (w.endsWith('*') ? `${escapeRe(w.slice(0, -1))}\\w*` : escapeRe(w)));
	const re = new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
	return (sql) => re.test(sql);
}
