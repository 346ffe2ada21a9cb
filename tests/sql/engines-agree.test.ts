/**
 * The WASM side has only the tables the browser's dashboard pages have (orgs + derived): /compare/
 * once counted `reports`, which the browser never loads, and failed on every filter change.
 *
 * Regression (found in the browser: /scores/?q=北塔 drew an empty scatter): DuckDB-WASM 1.4.3
 * returned no rows for a prepared query with ORDER BY … LIMIT over a CTE referenced twice, where
 * DuckDB 1.5 (Node API) returned one. Every view, for several filter sets, must come out the
 * same from both engines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { loadCompareView, loadPickerView } from '../../src/lib/db/queries/compare';
import { loadExecutionView } from '../../src/lib/db/queries/execution';
import { loadOverviewView } from '../../src/lib/db/queries/overview';
import { loadSangongView } from '../../src/lib/db/queries/sangong';
import { loadScoresView } from '../../src/lib/db/queries/scores';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/filters/filters';
import { buildDatabase } from '../../src/lib/server/datasets';
import { wasmDatabase } from './wasm-database';

let node: Connector;
let wasm: Connector;
let ids: string[];
beforeAll(async () => {
	[node, wasm] = await Promise.all([buildDatabase(), wasmDatabase({ dashboardOnly: true })]);
	ids = (await node.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY org_id')).map(
		(r) => r.org_id
	);
});

const FILTERS: [string, Partial<Filters>][] = [
	['default', {}],
	['search 北塔', { q: '北塔' }],
	['prefecture 邵阳市', { prefecture: '邵阳市' }],
	['county level 2022–2023', { level: 'county', from: 2022, to: 2023 }],
	['year 2022', { from: 2022, to: 2022 }],
	['nothing matches', { q: '不存在的部门' }],
	// The browser writes values into the SQL text (inline-params.ts): quotes stay data.
	['search with SQL quotes', { q: "湘西' OR '1'='1" }],
	['search with a quoted name', { q: "'湘西'" }]
];

/** Numbers equal to 1e-9 relative (the engines may sum in a different order). */
function round(x: unknown): unknown {
	if (typeof x === 'number') return Number(x.toPrecision(10));
	if (Array.isArray(x)) return x.map(round);
	if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]));
	return x;
}

describe.each(FILTERS)('%s', (_name, patch) => {
	const f: Filters = { ...DEFAULT_FILTERS, ...patch };
	it.each([
		['overview', (db: Connector) => loadOverviewView(db, f)],
		['sangong', (db: Connector) => loadSangongView(db, f)],
		['execution', (db: Connector) => loadExecutionView(db, f)],
		['scores', (db: Connector) => loadScoresView(db, f)],
		['compare', (db: Connector) => loadCompareView(db, f, ids.slice(0, 3))],
		['compare picker', (db: Connector) => loadPickerView(db, f, '政府')]
	])('%s', async (_view, load) => {
		const [a, b] = await Promise.all([load(node), load(wasm)]);
		expect(round(b)).toEqual(round(a));
	});
});
