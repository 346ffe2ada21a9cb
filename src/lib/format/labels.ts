/** Chinese labels for coded values, read from the one schema contract. */
import {
	ADMIN_LEVELS,
	BASIS,
	METHODS,
	SANGONG_ITEMS,
	SEVERITIES,
	SPENDING_CATEGORIES,
	type TableName,
	tableDef
} from '../schema/tables';
import { MISSING } from './number';

const lookup =
	<T extends Record<string, string>>(map: T) =>
	(code: string | null | undefined): string =>
		code == null ? MISSING : ((map as Record<string, string>)[code] ?? code);

export const itemLabel = lookup(SANGONG_ITEMS);
export const categoryLabel = lookup(SPENDING_CATEGORIES);
export const basisLabel = lookup(BASIS);
export const adminLevelLabel = lookup(ADMIN_LEVELS);
export const severityLabel = lookup(SEVERITIES);
export const methodLabel = lookup(METHODS);

/** The zh label of a column in the contract, e.g. ('reports', 'score_total') → “自评得分”. */
export function columnLabel(table: TableName, column: string): string {
	return tableDef(table).columns.find((c) => c.name === column)?.zh ?? column;
}

/** The unit of a column in the contract (万元, 分, 比率 …), if any. */
export function columnUnit(table: TableName, column: string): string | undefined {
	return tableDef(table).columns.find((c) => c.name === column)?.unit;
}

/** “2023年”. */
export const yearLabel = (y: number | null | undefined): string => (y == null ? MISSING : `${y}年`);
