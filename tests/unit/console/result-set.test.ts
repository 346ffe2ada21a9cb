/** Result formatting, sorting and CSV / TSV / JSON, written by hand from the rules. */
import { describe, expect, it } from 'vitest';
import {
	type ResultSet,
	displayValue,
	resultColumn,
	sortOrder,
	toCsv,
	toJson,
	toTsv
} from '../../../src/lib/console/result-set';

const rs: ResultSet = {
	columns: [
		resultColumn('org_name', 'Utf8', false),
		resultColumn('amount_wan', 'Float64', true),
		resultColumn('execution_rate', 'Float64', true),
		resultColumn('n', 'Int32', true)
	],
	values: [
		['鼎城区', 'a "quoted", name', '=cmd', null],
		[333.14, 4.53, null, 12345.6],
		[0.875735, 1, null, 0],
		[3, 1, 2, 4]
	],
	rowCount: 4
};

describe('displayValue', () => {
	it('money, rates and plain numbers', () => {
		expect(displayValue(rs.columns[1], 333.14, true)).toBe('333.14 万元');
		expect(displayValue(rs.columns[1], 12345.6, true)).toBe('1.23 亿元（12,345.60 万元）');
		expect(displayValue(rs.columns[2], 0.875735, true)).toBe('87.6%');
		expect(displayValue(rs.columns[3], 12345, true)).toBe('12345');
	});
	it('raw mode shows the stored value; NULL stays null (never 0)', () => {
		expect(displayValue(rs.columns[1], 333.14, false)).toBe('333.14');
		expect(displayValue(rs.columns[1], null, true)).toBeNull();
		expect(displayValue(rs.columns[0], '<b>x</b>', true)).toBe('<b>x</b>');
	});
});

describe('sortOrder', () => {
	it('numbers ascending and descending, NULLs last both ways, stable', () => {
		expect([...sortOrder(rs, 1, 'asc')]).toEqual([1, 0, 3, 2]);
		expect([...sortOrder(rs, 1, 'desc')]).toEqual([3, 0, 1, 2]);
		expect([...sortOrder(rs, 0, 'asc')]).toEqual([2, 1, 0, 3]);
	});
});

describe('serializations', () => {
	it('CSV: BOM, CRLF, quoted fields, empty = NULL, raw numbers, in the given order', () => {
		expect(toCsv(rs)).toBe(
			'\uFEFForg_name,amount_wan,execution_rate,n\r\n' +
				'鼎城区,333.14,0.875735,3\r\n' +
				'"a ""quoted"", name",4.53,1,1\r\n' +
				'"=cmd",,,2\r\n' +
				',12345.6,0,4\r\n'
		);
		expect(toCsv(rs, sortOrder(rs, 3, 'desc')).split('\r\n')[1]).toBe(',12345.6,0,4');
	});
	it('TSV for Excel: tabs, no BOM, quotes only when needed', () => {
		const t: ResultSet = {
			columns: [resultColumn('a', 'Utf8', false), resultColumn('b', 'Utf8', false)],
			values: [
				['x\ty', 'plain'],
				['line\nbreak', null]
			],
			rowCount: 2
		};
		expect(toTsv(t)).toBe('a\tb\r\n"x\ty"\t"line\nbreak"\r\nplain\t\r\n');
	});
	it('JSON: row objects, null for NULL', () => {
		expect(JSON.parse(toJson(rs))[3]).toEqual({
			org_name: null,
			amount_wan: 12345.6,
			execution_rate: 0,
			n: 4
		});
	});
});
