/** Min / median / max of a benchmark's samples. */
export interface Stats {
	min: number;
	median: number;
	max: number;
	n: number;
}

export function stats(xs: readonly number[]): Stats {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
	return { min: s[0], median, max: s[s.length - 1], n: s.length };
}
