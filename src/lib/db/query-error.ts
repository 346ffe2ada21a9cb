import { errorMessage } from '../error-message';

/** A failed query, with the SQL that failed (mosaic's QueryError). */
export class QueryError extends Error {
	readonly sql: string;
	constructor(cause: unknown, sql: string) {
		super(errorMessage(cause), { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}
