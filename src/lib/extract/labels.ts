/** What a table cell's label means: 三公 items and spending categories. */
import type { SangongItem, SpendingCategory } from '../schema/tables';
import { stripEnumerator } from './tables';

const SANGONG_CELLS: [RegExp, SangongItem][] = [
	[/^[“"]?三公[”"]?经费(合计|支出|总额)?$/, 'total'],
	[
		/^公务用车购置(费)?(和|及|与)(运行)?(维护|维修)?经?费$|^公务用车购置及运行(维护)?费$|^公务用车(费用|经费)$/,
		'vehicle_total'
	],
	[/^(公务用车|公车|车辆)购置(费)?$/, 'vehicle_purchase'],
	[/^(公务用车|公车)(运行(维护|维修)?|运维)(费)?$/, 'vehicle_operation'],
	[/^(因公)?出国(（境）|\(境\)|出境|境)?经?费$/, 'overseas'],
	[/^公务接待(费|经费)?$/, 'reception']
];

const SPENDING_CELLS: [RegExp, SpendingCategory][] = [
	[/^(支出合计|支出总额|总支出|本年支出合计)$/, 'total'],
	[/^基本支出$/, 'basic'],
	[/^(人员经费|人员支出)$/, 'personnel'],
	[/^(公用经费|公用支出)$/, 'public'],
	[/^项目支出$/, 'project']
];

export function sangongItemOf(label: string): SangongItem | null {
	const l = stripEnumerator(label);
	return SANGONG_CELLS.find(([re]) => re.test(l))?.[1] ?? null;
}

export function spendingCategoryOf(label: string): SpendingCategory | null {
	const l = stripEnumerator(label);
	return SPENDING_CELLS.find(([re]) => re.test(l))?.[1] ?? null;
}

/** “2021 年决算数” → {year, basis}. */
export function yearBasisOf(label: string): { year: number; basis: 'actual' | 'budget' } | null {
	const m = /^(20\d\d)年度?(决算|预算|实际|执行)/.exec(label);
	if (!m) return null;
	return { year: Number(m[1]), basis: m[2] === '预算' ? 'budget' : 'actual' };
}

/** Money unit announced in a caption or header cell: “（万元）”, “单位：元”. */
export function unitMarker(label: string): '万元' | '元' | null {
	if (/[(（]万元[)）]|单位[:：]?万元/.test(label)) return '万元';
	if (/[(（]元[)）]|单位[:：]?元$/.test(label)) return '元';
	return null;
}

/** Normalize a grade word: 优秀 → 优. */
export function normalizeGrade(word: string): string | null {
	const map: Record<string, string> = {
		优秀: '优',
		优: '优',
		良好: '良',
		良: '良',
		中等: '中',
		中: '中',
		较差: '差',
		差: '差'
	};
	return map[word] ?? null;
}
