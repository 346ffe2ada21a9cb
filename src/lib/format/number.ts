/**
 * zh-CN formatters shared by charts, tables and the console. Pure: no DOM, no Node.
 *
 * Money arrives in 万元 (the contract's unit), rates as fractions (0.8757). Unknown (NULL) is
 * shown as “未披露” — never as 0.
 */

export const MISSING = '未披露';
/** A year no report of the department covers: nothing was there to disclose (not 未披露). */
export const NO_REPORT_YEAR = '—';

/** At or above this many 万元 a value is shown in 亿元. */
export const YI_THRESHOLD_WAN = 10_000;

type Maybe = number | null | undefined;

const isNum = (v: Maybe): v is number => typeof v === 'number' && Number.isFinite(v);

/** Drop binary noise (1.2345 * 100 = 123.44999…) before rounding half away from zero. */
const clean = (v: number): number => Number(v.toPrecision(12));

/**
 * One Intl.NumberFormat per (digits, grouping): `toLocaleString` with options builds a new one on
 * every call, which was most of the JavaScript time of a filter change on a table-heavy page.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number, useGrouping: boolean): Intl.NumberFormat {
	const key = `${digits}${useGrouping ? ',' : ''}`;
	let nf = formatters.get(key);
	if (!nf) {
		nf = new Intl.NumberFormat('en-US', {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits,
			useGrouping
		});
		formatters.set(key, nf);
	}
	return nf;
}

const grouped = (v: number, digits: number): string => numberFormat(digits, true).format(clean(v));

/** Like toFixed, but rounds the shortest decimal form half away from zero (87.55 → “87.6”). */
const fixed = (v: number, digits: number): string => numberFormat(digits, false).format(clean(v));

/** Strip the “-0.00” that rounding a tiny negative number produces. */
const noNegZero = (s: string): string => (/^-[0.,]+$/.test(s) ? s.slice(1) : s);

/** 333.14 → “333.14 万元”; 12345.6 → “1.23 亿元”; null → “未披露”. */
export function formatWan(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	if (Math.abs(v) >= YI_THRESHOLD_WAN) return `${noNegZero(grouped(v / YI_THRESHOLD_WAN, 2))} 亿元`;
	return `${noNegZero(grouped(v, 2))} 万元`;
}

/** Every source decimal kept (4870.1473 → “4,870.1473 万元”), for tooltips and quotes. */
export function formatWanExact(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	const digits = Math.min(decimals(v), 6);
	const wan = `${noNegZero(grouped(v, Math.max(digits, 2)))} 万元`;
	if (Math.abs(v) < YI_THRESHOLD_WAN) return wan;
	return `${formatWan(v)}（${wan}）`;
}

/** Only the number, 2 decimals, in 万元 — for table cells whose header carries the unit. */
export function formatWanNumber(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	return noNegZero(grouped(v, 2));
}

/** Signed change: +12.30 万元 / -26.97 万元. */
export function formatWanDelta(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	const s = formatWan(v);
	return v > 0 && s !== formatWan(0) ? `+${s}` : s;
}

/** 0.8757 → “87.6%”; a growth from a small base, 2410.856 → “241,085.6%”. */
export function formatPercent(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	return `${noNegZero(grouped(v * 100, 1))}%`;
}

/** Signed percent change: 0.1234 → “+12.3%”, -0.0749 → “-7.5%”. */
export function formatPercentDelta(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	const s = formatPercent(v);
	return v > 0 && s !== '0.0%' ? `+${s}` : s;
}

/** Change of a rate in percentage points: 0.012 → “+1.2 个百分点”. */
export function formatPointsDelta(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	const s = noNegZero(fixed(v * 100, 1));
	return `${v > 0 && s !== '0.0' ? '+' : ''}${s} 个百分点`;
}

/** 97 → “97 分”, 92.5 → “92.5 分”. */
export function formatScore(v: Maybe): string {
	if (!isNum(v)) return MISSING;
	return `${trimNumber(v, 2)} 分`;
}

/** Integers with grouping: 12345 → “12,345”. */
export function formatCount(v: Maybe, unit = ''): string {
	if (!isNum(v)) return MISSING;
	return `${grouped(Math.round(v), 0)}${unit ? ` ${unit}` : ''}`;
}

/** Year-on-year change as a fraction of the previous value; null when it cannot be computed. */
export function relativeChange(current: Maybe, previous: Maybe): number | null {
	if (!isNum(current) || !isNum(previous) || previous === 0) return null;
	return (current - previous) / Math.abs(previous);
}

/** Number of decimals needed to show v exactly (floating-point noise beyond 10 digits ignored). */
export function decimals(v: number): number {
	if (!Number.isFinite(v)) return 0;
	const s = String(Number(v.toFixed(10)));
	const dot = s.indexOf('.');
	if (s.includes('e')) return 0;
	return dot < 0 ? 0 : s.length - dot - 1;
}

/** Up to `max` decimals, trailing zeros removed: 92.50 → “92.5”. */
export function trimNumber(v: number, max: number): string {
	return noNegZero(String(Number(fixed(v, max))));
}
