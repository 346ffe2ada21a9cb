/**
 * The console's example queries on the browser's engine (DuckDB-WASM in Node, seed datasets):
 * each returns the real rows it promises. Expected values are read from the seed reports
 * (data/reports/), not produced by the queries: 鼎城区 2023 公务用车运行费333.14万元，对比上年减少26.97万元
 * (000_…), 湘西州 2022 全年预算数 9332.431817 / 执行数 8172.733946 = 87.57% (003_…).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/lib/console/examples';
import type { Connector, PlainRow } from '../../src/lib/db/connector';
import { wasmDatabase } from './wasm-database';

const sqlOf = (id: string) => EXAMPLES.find((e) => e.id === id)!.sql;

describe('console examples (DuckDB-WASM, seed reports)', () => {
	let db: Connector;
	const run = (id: string) => db.query<PlainRow>(sqlOf(id));
	// Instantiating the wasm engine takes seconds on a busy machine (the default hook timeout is 10 s).
	beforeAll(async () => {
		db = await wasmDatabase();
	}, 120_000);

	it('三公 year-on-year: 鼎城区 公务用车运行维护费 333.14 vs 360.11 (−26.97)', async () => {
		const rows = await run('sangong-yoy');
		const r = rows.find((x) => String(x.org_name).includes('鼎城区') && x.item === 'vehicle_operation')!;
		expect([r.year, r.amount_wan, r.prev_amount_wan, r.uses_derived]).toEqual([2023, 333.14, 360.11, true]);
		expect(r.change_wan as number).toBeCloseTo(-26.97, 9);
		expect(r.change_rate as number).toBeCloseTo(-26.97 / 360.11, 9);
	});

	it('execution rate below 90%: only 湘西州 2022 (87.57%)', async () => {
		const rows = await run('low-execution');
		expect(rows.map((r) => [r.org_name, r.fiscal_year])).toEqual([
			['湘西土家族苗族自治州人民政府办公室', 2022]
		]);
		expect(rows[0].execution_rate as number).toBeCloseTo(8172.733946 / 9332.431817, 6);
	});

	it('score vs execution rate: every scored report, 鼎城区 100 分 with no rate (NULL, not 0)', async () => {
		const rows = await run('score-vs-rate');
		expect(rows.map((r) => r.score_total)).toEqual([100, 97, 95, 92]);
		expect(rows[0].execution_rate).toBeNull();
	});

	it('findings per department: the counts add up to the findings table', async () => {
		const rows = await run('findings-per-org');
		const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM findings');
		expect(rows.reduce((s, r) => s + (r.findings as number), 0)).toBe(n);
		for (const r of rows)
			expect((r.errors as number) + (r.warnings as number) + (r.infos as number)).toBe(r.findings);
	});

	it('the sentence behind a number: 333.14 quoted from the report, 360.11 derived from the change', async () => {
		const rows = await run('quote-behind-number');
		expect(rows.map((r) => [r.year, r.amount_wan, r.method, r.quote])).toEqual([
			[2023, 333.14, 'prose', '公务用车运行费333.14万元'],
			[2022, 360.11, 'derived', '公务用车运行费333.14万元，对比上年减少26.97万元']
		]);
	});
});
