/** A failed query, with the SQL that failed (mosaic's QueryError). */
export class QueryError extends Error {
	readonly sql: string;
	constructor(cause: unknown, sql: string) {
		super(cause instanceof Error ? cause.message : String(cause), { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}
