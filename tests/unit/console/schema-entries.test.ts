/** Completion entries come from the contract and match Chinese labels, meanings and value labels. */
import { describe, expect, it } from 'vitest';
import { SCHEMA_ENTRIES, matchEntries, unitOfColumn } from '../../../src/lib/console/schema-entries';
import { TABLES } from '../../../src/lib/schema/tables';

const names = (typed: string) => matchEntries(typed).map((e) => `${e.kind}:${e.name}`);

describe('entries are generated from the contract', () => {
	it('every table and every column name is offered', () => {
		for (const t of TABLES) {
			expect(SCHEMA_ENTRIES.some((e) => e.kind === 'table' && e.name === t.name)).toBe(true);
			for (const c of t.columns)
				expect(
					SCHEMA_ENTRIES.some((e) => e.kind === 'column' && e.name === c.name && e.tables.includes(t.name))
				).toBe(true);
		}
	});
	it('a column shared by several tables with one meaning is one entry listing them', () => {
		const orgId = SCHEMA_ENTRIES.filter((e) => e.kind === 'column' && e.name === 'org_id');
		expect(orgId).toHaveLength(1);
		expect(orgId[0].tables).toEqual(expect.arrayContaining(['reports', 'orgs', 'sangong', 'spending']));
	});
});

describe('matchEntries', () => {
	it('接待 offers the 三公 item column (its values include 公务接待费) and the value reception', () => {
		const got = names('接待');
		expect(got).toContain('column:item');
		expect(got).toContain("value:'reception'");
	});
	it('a Chinese label finds its column first', () => {
		expect(names('自评得分').slice(0, 2)).toEqual(expect.arrayContaining(['column:score_total']));
		expect(names('执行率')).toEqual(expect.arrayContaining(['column:execution_rate']));
		expect(names('原文')[0]).toBe('column:quote');
		expect(names('三公')[0]).toBe('table:sangong');
	});
	it('latin input matches names by prefix before substring', () => {
		const got = names('exec');
		expect(got[0]).toBe('column:executed');
		expect(got).toContain('column:execution_rate');
		expect(names('rate')).toContain('column:execution_rate_reported');
	});
	it('nothing typed, nothing offered; no match, nothing offered', () => {
		expect(names('  ')).toEqual([]);
		expect(names('量子')).toEqual([]);
	});
});

describe('unitOfColumn', () => {
	it('contract columns', () => {
		expect(unitOfColumn('amount_wan')).toBe('万元');
		expect(unitOfColumn('execution_rate')).toBe('比率');
		expect(unitOfColumn('score_total')).toBe('分');
		expect(unitOfColumn('org_name')).toBeUndefined();
	});
	it('the naming convention for computed columns', () => {
		expect(unitOfColumn('change_wan')).toBe('万元');
		expect(unitOfColumn('change_rate')).toBe('比率');
		expect(unitOfColumn('range')).toBeUndefined();
	});
});
