/** A failed query, with the SQL that failed (mosaic's QueryError). */
import { errorMessage } from '../error-message';
export class QueryError extends Error {
	readonly sql: string;
	constructor(cause: unknown, sql: string) {
		super(errorMessage(cause), { cause });
		this.name = 'QueryError';
		this.sql = sql;
	}
}
