import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { oneAtATime } from '../../../src/lib/db/one-at-a-time';

/** A connector whose queries finish only when the test says so; it logs starts and ends. */
function manual() {
	const log: string[] = [];
	const finish = new Map<string, () => void>();
	const db: Connector = {
		query<T extends object>(sql: string) {
			log.push(`start ${sql}`);
			return new Promise<T[]>((resolve) =>
				finish.set(sql, () => {
					log.push(`end ${sql}`);
					resolve([{ sql } as T]);
				})
			);
		}
	};
	return { db, log, finish: (sql: string) => finish.get(sql)!() };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('oneAtATime', () => {
	it('starts each query only after the one before it finished, and keeps their results', async () => {
		const m = manual();
		const db = oneAtATime(m.db, () => false);
		const a = db.query('a');
		const b = db.query('b');
		await flush();
		expect(m.log).toEqual(['start a']);
		m.finish('a');
		await flush();
		expect(m.log).toEqual(['start a', 'end a', 'start b']);
		m.finish('b');
		expect(await a).toEqual([{ sql: 'a' }]);
		expect(await b).toEqual([{ sql: 'b' }]);
	});

	it('sends nothing more once stop() holds: the waiting queries resolve to no rows', async () => {
		const m = manual();
		let stopped = false;
		const db = oneAtATime(m.db, () => stopped);
		const a = db.query('a');
		const b = db.query('b');
		await flush();
		stopped = true;
		m.finish('a');
		expect(await a).toEqual([{ sql: 'a' }]); // the one under way ends as usual
		expect(await b).toEqual([]);
		expect(m.log).toEqual(['start a', 'end a']);
	});

	it('a failed query does not hold up the next one', async () => {
		const failing: Connector = {
			query: <T extends object>(sql: string) =>
				sql === 'bad' ? Promise.reject(new Error('no such table')) : Promise.resolve([{ sql }] as T[])
		};
		const db = oneAtATime(failing, () => false);
		const bad = db.query('bad');
		const good = db.query('good');
		await expect(bad).rejects.toThrow('no such table');
		expect(await good).toEqual([{ sql: 'good' }]);
	});
});
