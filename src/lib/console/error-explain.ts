/**
 * DuckDB's error message → what the console shows: the message itself, where it points (line and
 * column in the editor), and a plain-Chinese hint for the common cases. Pure (schema only), so it
 * is unit-tested against real DuckDB messages.
 *
 * Also the guard that refuses, before anything is sent to the engine, statements that would make
 * the browser fetch from another site (URLs, extension installs): the site promises that no
 * request leaves its origin, and on an intranet there is nothing to fetch anyway.
 */
import { TABLES, type ColumnDef } from '../schema/tables';
import { lineColumn } from './split-statements';

export interface ExplainedError {
	/** DuckDB's own message (first line: type and text), unchanged. */
	readonly message: string;
	/** 1-based position in the whole editor text, when DuckDB gave one. */
	readonly line?: number;
	readonly column?: number;
	/** Plain-words explanation, when the case is a common one. */
	readonly hint?: string;
	/** Names the user probably meant (closest contract columns or tables). */
	readonly suggestions: readonly string[];
}

const LOADED = TABLES.map((t) => t.name);
const loadedList = (tables: readonly string[]) => tables.join('、');

/** Readers and protocols the in-browser engine does not have offline. */
const OFFLINE_FUNCTIONS =
	/\b(read_parquet|parquet_scan|parquet_metadata|parquet_schema|read_json(?:_auto|_objects(?:_auto)?)?|read_ndjson(?:_auto|_objects)?|json_scan|read_xlsx|read_blob|read_text|httpfs|iceberg_scan|delta_scan|sqlite_scan|postgres_scan|mysql_scan)\b/i;
const REMOTE_URL = /\b(?:https?|s3|s3a|s3n|gcs|gs|r2|hf|az|azure|abfss?):\/\//i;
const EXTENSION_STATEMENT =
	/^\s*(?:force\s+)?(?:install|load)\b|^\s*(?:set|reset)\s+(?:global\s+|session\s+)?(?:autoinstall_known_extensions|autoload_known_extensions|custom_extension_repository|autoinstall_extension_repository|allow_unsigned_extensions|enable_external_access)\b/i;

const offlineHint = (what: string, tables: readonly string[]) =>
	`${what}在本站不可用：浏览器内的 DuckDB 离线运行，不含 Parquet/JSON 读取器与网络访问，并且本站的安全约定不允许向其他网站发送任何请求。可以查询的是已加载的表：${loadedList(tables)}。`;

/**
 * A statement the console refuses to send (it would fetch from another site), with the reason;
 * null when it may run.
 */
export function refuseStatement(sql: string, tables: readonly string[] = LOADED): string | null {
	// Only code counts: a URL inside a comment fetches nothing.
	const code = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
	if (EXTENSION_STATEMENT.test(code)) return offlineHint('安装或加载 DuckDB 扩展', tables);
	const url = REMOTE_URL.exec(code);
	if (url) return offlineHint(`访问外部地址（${url[0]}…）`, tables);
	return null;
}

/** Levenshtein distance (small strings: column names). */
function distance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length];
}

/** Contract columns closest to `name`: by spelling, or by Chinese label when the user typed one. */
export function closestColumns(name: string, sql: string, max = 3): string[] {
	const lower = name.toLowerCase();
	const mentioned = TABLES.filter((t) => new RegExp(`\\b${t.name}\\b`, 'i').test(sql));
	const scope = mentioned.length ? mentioned : TABLES;
	const scored = new Map<string, number>();
	for (const t of scope)
		for (const c of t.columns as readonly ColumnDef[]) {
			const label = c.zh === name || c.zh.includes(name) || name.includes(c.zh) ? 0 : Infinity;
			const part = c.name.includes(lower) || lower.includes(c.name) ? 1 : Infinity;
			const d = Math.min(label, part, distance(lower, c.name));
			const key = mentioned.length > 1 ? `${t.name}.${c.name}` : c.name;
			scored.set(key, Math.min(scored.get(key) ?? Infinity, d));
		}
	const limit = Math.max(2, Math.ceil(lower.length / 2));
	return [...scored]
		.filter(([, d]) => d <= limit)
		.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
		.slice(0, max)
		.map(([k]) => k);
}

/** East Asian wide characters take two columns where DuckDB draws its caret. */
const WIDE =
	/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** How many characters of `text` fill `width` display columns. */
function charsForWidth(text: string, width: number): number {
	let w = 0;
	let i = 0;
	while (i < text.length && w < width) {
		w += WIDE.test(text[i]) ? 2 : 1;
		i++;
	}
	return i;
}

/**
 * DuckDB points at the error with “LINE n: <that line, maybe cut to a window with …>” and a caret
 * under it (counted in display columns: a Chinese character is two). The window is found again in
 * line n of the statement, so the column is exact.
 */
function locate(message: string, statement: string): number | undefined {
	const m = /^LINE (\d+): (.*)\n( *)\^/m.exec(message);
	if (!m) return undefined;
	const lineNo = Number(m[1]);
	const lines = statement.split('\n');
	const line = lines[lineNo - 1];
	if (line === undefined) return undefined;
	const lineStart = lines.slice(0, lineNo - 1).reduce((s, l) => s + l.length + 1, 0);
	const shown = m[2];
	const inShown = charsForWidth(shown, m[3].length - `LINE ${m[1]}: `.length);
	const cut = shown.startsWith('...') ? 3 : 0;
	const window = shown.slice(cut).replace(/\.\.\.$/, '');
	const at = cut ? line.indexOf(window) : 0;
	const offsetInLine = (at < 0 ? 0 : at) + inShown - cut;
	return lineStart + Math.max(0, Math.min(offsetInLine, line.length));
}

/**
 * Explain a failed statement. `statement` is the text that was sent, `start` its offset in the
 * editor text `script`, `tables` the tables loaded in the engine.
 */
export function explainError(
	rawMessage: string,
	script: string,
	statement: { text: string; start: number },
	tables: readonly string[] = LOADED
): ExplainedError {
	const message = rawMessage.trim();
	// “syntax error at end of input” has no caret: the end of the statement is the place.
	const at = /at end of input/.test(message) ? statement.text.length : locate(message, statement.text);
	const pos = at === undefined ? {} : lineColumn(script, statement.start + at);
	const first = message.split('\n')[0];
	let hint: string | undefined;
	let suggestions: string[] = [];

	const offline = OFFLINE_FUNCTIONS.exec(statement.text);
	const column = /Referenced column "([^"]+)" not found|column "([^"]+)" (?:not found|does not exist)/i.exec(
		message
	);
	const table = /Table with name ([^\s!]+) does not exist/i.exec(message);
	if (offline && /Catalog Error|extension|not (?:found|exist)|does not exist/i.test(message)) {
		hint = offlineHint(`${offline[1]}()`, tables);
	} else if (column) {
		const name = column[1] ?? column[2];
		suggestions = closestColumns(name, statement.text);
		hint = suggestions.length
			? `没有名为 ${name} 的列。最接近的列：${suggestions.join('、')}。`
			: `没有名为 ${name} 的列。左侧“表与列”列出了每张表的全部列。`;
	} else if (table) {
		const name = table[1].replace(/^"|"$/g, '');
		suggestions = tables
			.map((t) => [t, distance(name.toLowerCase(), t)] as const)
			.filter(([, d]) => d <= Math.max(2, name.length / 2))
			.sort((a, b) => a[1] - b[1])
			.map(([t]) => t);
		hint = `没有名为 ${name} 的表。已加载的表：${loadedList(tables)}。`;
	} else if (/^Parser Error/i.test(first)) {
		hint = 'SQL 语法有误：请检查标出位置附近的关键字、逗号、括号和引号。';
	} else if (/Conversion Error|Could not convert/i.test(first)) {
		hint = '类型转换失败：比较或计算时，数字列不能与文字直接混用，可用 CAST(… AS DOUBLE) 或 TRY_CAST。';
	} else if (/must appear in the GROUP BY clause|aggregate function/i.test(first)) {
		hint = '使用 GROUP BY 时，SELECT 中每一列要么出现在 GROUP BY 中，要么放在聚合函数里（如 sum、max）。';
	}
	return { message, ...pos, hint, suggestions };
}
