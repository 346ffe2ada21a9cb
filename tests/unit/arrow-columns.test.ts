import { tableFromIPC } from '@uwdata/flechette';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { ArrowTableBuilder } from '../../scripts/lib/arrow-columns';
import type { TableDef } from '../../src/lib/schema/tables';
import { loadArrowInWasm } from '../helpers/duckdb-wasm';

const def: TableDef = {
	name: 't',
	zh: '测试',
	description: '',
	columns: [
		{ name: 's', type: 'VARCHAR', zh: '', description: '', nullable: true },
		{ name: 'i', type: 'INTEGER', zh: '', description: '', nullable: true },
		{ name: 'd', type: 'DOUBLE', zh: '', description: '', nullable: true },
		{ name: 'b', type: 'BOOLEAN', zh: '', description: '', nullable: true }
	]
};

const long = '公务接待费4.53万元，'.repeat(5000); // grows the UTF-8 buffer past its first size
const rows = Array.from({ length: 23 }, (_, k) => ({
	s: k % 4 === 0 ? null : k % 5 === 0 ? '' : k === 7 ? long : `第${k}行 “引号”, 逗号\n换行 𠀀`,
	i: k % 3 === 0 ? null : k * 1000 - 2147483647 * (k % 2),
	d: k % 6 === 0 ? null : k / 7,
	b: k % 7 === 0 ? null : k % 2 === 0
}));

describe('ArrowTableBuilder', () => {
	it.each([1, 3, 8, 1000])('round-trips rows across batches of %i rows', async (batchRows) => {
		const b = new ArrowTableBuilder(def, batchRows);
		for (const r of rows) b.append(r);
		const bytes = b.toIPC();
		expect(tableFromIPC(bytes).getChildAt(0)!.data.length).toBe(Math.ceil(rows.length / batchRows));
		expect(aq.fromArrow(bytes).objects()).toEqual(rows);
		expect((await loadArrowInWasm('t', bytes)).rows).toEqual(rows);
	});

	it('writes an empty table as one empty batch with the declared types', async () => {
		const bytes = new ArrowTableBuilder(def).toIPC();
		const { types, rows: got } = await loadArrowInWasm('empty', bytes);
		expect(types).toEqual([
			['s', 'VARCHAR'],
			['i', 'INTEGER'],
			['d', 'DOUBLE'],
			['b', 'BOOLEAN']
		]);
		expect(got).toEqual([]);
	});

	it('keeps the declared types for all-NULL columns', async () => {
		const b = new ArrowTableBuilder(def);
		b.append({ s: null, i: null, d: null, b: null });
		const { types, rows: got } = await loadArrowInWasm('nulls', b.toIPC());
		expect(types.map((t) => t[1])).toEqual(['VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN']);
		expect(got).toEqual([{ s: null, i: null, d: null, b: null }]);
	});
});
