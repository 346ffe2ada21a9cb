/** Parsing numbers and money exactly: every source decimal is kept (48,701,473.00元 → 4870.1473). */

export type MoneyUnit = '元' | '万元' | '亿元';

/** Move the decimal point of a plain decimal literal by `places` (positive = ×10^places), exactly. */
export function shiftDecimal(literal: string, places: number): number {
	// Parsing “48701473.00e-4” rounds the exact decimal once, exactly like parsing “4870.1473”.
	return places === 0 ? Number(literal) : Number(`${literal}e${places}`);
}

/** A number literal as written: "48,701,473.00", "-15.66", "100". Returns the plain literal or null. */
export function cleanLiteral(raw: string): string | null {
	const s = raw.replace(/,/g, '').trim();
	return /^-?\d+(\.\d+)?$/.test(s) ? s : null;
}

export function toWan(literal: string, unit: MoneyUnit): number {
	return shiftDecimal(literal, unit === '元' ? -4 : unit === '亿元' ? 4 : 0);
}

/** Decimal places of the value in 万元 (used to judge rounding tolerance). */
export function wanDecimals(literal: string, unit: MoneyUnit): number {
	const frac = decimalsOf(literal);
	return Math.max(0, frac + (unit === '元' ? 4 : unit === '亿元' ? -4 : 0));
}

export function normalizeMoneyUnit(u: string): MoneyUnit | null {
	if (u === '元') return '元';
	if (u === '万元' || u === '万') return '万元';
	if (u === '亿元' || u === '亿') return '亿元';
	return null;
}

/** Number regex source: thousands separators allowed, optional sign and decimals. */
export const NUM = '-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?';
/** Money: a number followed by its unit. Group 1 = literal, group 2 = unit. */
export const MONEY = `(${NUM})(亿元|万元|元|万(?![人件个次项余多]))`;

/** A table cell that holds just a number (optionally with %, 万元, 分). */
export function parseCellNumber(cell: string): { literal: string; percent: boolean } | null {
	const m = /^(-?[\d,]*\d(?:\.\d+)?)\s*(%|万元|元|分)?$/.exec(cell.trim());
	if (!m) return null;
	const literal = cleanLiteral(m[1]);
	return literal === null ? null : { literal, percent: m[2] === '%' };
}

/** Round-trip safe value equality within a tolerance. */
export function near(a: number, b: number, tol: number): boolean {
	return Math.abs(a - b) <= tol + 1e-9;
}

/** Half a unit of the last decimal place: what rounding to `decimals` places can hide. */
export function roundingTol(decimals: number): number {
	return 0.5 * 10 ** -decimals;
}

export function decimalsOf(literal: string): number {
	const dot = literal.indexOf('.');
	return dot < 0 ? 0 : literal.length - dot - 1;
}

/** Sum without binary noise for values with at most ~6 decimals. */
export function exactSum(values: readonly number[]): number {
	return Math.round(values.reduce((a, b) => a + b, 0) * 1e8) / 1e8;
}
