import { describe, expect, it } from 'vitest';
import { pivotDetail, runSpans } from '../../../src/routes/sangong/pivot';

const row = (p: Partial<Parameters<typeof pivotDetail>[0][number]>) => ({
	org_id: 'o1',
	org_name: '常德市鼎城区人民政府办公室',
	year: 2023,
	item: 'vehicle_operation',
	basis: 'actual',
	amount_wan: 333.14,
	derived: false,
	flagged: false,
	...p
});

describe('三公 detail pivot', () => {
	it('one line per department, basis and item; one cell per year', () => {
		const { years, lines } = pivotDetail([
			row({}),
			row({ year: 2022, amount_wan: 360.11, derived: true }),
			row({ item: 'reception', amount_wan: 4.53 })
		]);
		expect(years).toEqual([2022, 2023]);
		// Items in contract order: reception before vehicle_operation.
		expect(lines.map((l) => l.item)).toEqual(['reception', 'vehicle_operation']);
		const op = lines[1];
		expect(op.cells.get(2022)).toMatchObject({ amount_wan: 360.11, derived: true });
		expect(op.cells.get(2023)?.amount_wan).toBe(333.14);
		expect(lines[0].cells.has(2022)).toBe(false);
	});
});

describe('row spans of the grouped columns (部门, 口径)', () => {
	it('a run of equal keys is one cell as tall as the run; the rest have none', () => {
		expect(runSpans(['a', 'a', 'a', 'b', 'c', 'c'])).toEqual([3, 0, 0, 1, 2, 0]);
		expect(runSpans([])).toEqual([]);
		// Runs are consecutive lines only: the same key later starts a new cell.
		expect(runSpans(['a', 'b', 'a'])).toEqual([1, 1, 1]);
	});
});
