/**
 * Content types of the files a build holds, as a portal's server should send them (README:
 * “MIME types and caching”); the benchmarks' and the portal tests' servers send them (static-file.ts).
 */
export const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.parquet': 'application/vnd.apache.parquet',
	'.duckdb': 'application/octet-stream'
};
