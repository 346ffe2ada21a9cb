/** Row keys tie a published value to its facts row (facts.row_key). */
import type { Basis, SangongItem, SpendingCategory } from '../schema/tables';

export const sangongKey = (year: number, item: SangongItem, basis: Basis, unit: string | null) =>
	`${year}|${item}|${basis}|${unit ?? ''}`;
export const spendingKey = (year: number, category: SpendingCategory) => `${year}|${category}`;

export function parseSangongKey(key: string) {
	const [year, item, basis, unit] = key.split('|');
	return { year: Number(year), item: item as SangongItem, basis: basis as Basis, unit: unit || null };
}
export function parseSpendingKey(key: string) {
	const [year, category] = key.split('|');
	return { year: Number(year), category: category as SpendingCategory };
}
