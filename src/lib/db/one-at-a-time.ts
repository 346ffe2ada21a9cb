import type { Connector, SqlParam } from './connector';

/**
 * Sends queries to `db` one after another, and none once `stop()` holds (they resolve to no
 * rows): work that must not keep a user's query waiting behind more than one of its own.
 */
export function oneAtATime(db: Connector, stop: () => boolean): Connector {
	let last: Promise<unknown> = Promise.resolve();
	return {
		query<T extends object>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
			const run = last.then(() => (stop() ? [] : db.query<T>(sql, params)));
			last = run.catch(() => {});
			return run;
		}
	};
}
