import { describe, expect, it } from 'vitest';
import {
	adminLevelLabel,
	columnLabel,
	columnUnit,
	itemLabel,
	yearLabel
} from '../../../src/lib/format/labels';
import { MISSING } from '../../../src/lib/format/number';

describe('labels come from the contract', () => {
	it('item codes', () => {
		expect(itemLabel('vehicle_operation')).toBe('公务用车运行维护费');
		expect(itemLabel('reception')).toBe('公务接待费');
		expect(itemLabel(null)).toBe(MISSING);
		expect(itemLabel('unknown_code')).toBe('unknown_code');
	});
	it('admin levels', () => expect(adminLevelLabel('county')).toBe('县区级'));
	it('columns', () => {
		expect(columnLabel('reports', 'score_total')).toBe('自评得分');
		expect(columnUnit('sangong', 'amount_wan')).toBe('万元');
		expect(columnUnit('reports', 'org_name')).toBeUndefined();
	});
	it('years', () => {
		expect(yearLabel(2023)).toBe('2023年');
		expect(yearLabel(null)).toBe(MISSING);
	});
});
