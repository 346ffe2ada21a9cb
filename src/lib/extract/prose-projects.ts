/**
 * Projects described in prose: “年初预算项目“X 52 万元。”…实际支出 142.8 万元”,
 * “X项目绩效自评综述：…得分为 100 分。项目全年预算数 142.8 万元，执行数为 142.8 万元，完成预算的 100.0%”,
 * and lists of project spending (“政府办综合协调专项经费6,505,072.11元、…”).
 */
import type { Collector } from './collect';
import {
	MONEY,
	cleanLiteral,
	decimalsOf,
	normalizeMoneyUnit,
	shiftDecimal,
	toWan,
	wanDecimals
} from './numbers';

/** Accounting words that look like list items but are not projects. */
const GENERIC = /实际支出|结余|结转|调增|调减|追加|执行数|预算数|年初预算|决算数|支出决算|项目支出/;
const ECONOMIC =
	/^(其中[:：]?)?(工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出|对企业补助|基本支出|项目支出|人员经费|公用经费)$/;

function money(
	c: Collector,
	key: string,
	column: string,
	m: RegExpExecArray,
	offset: number,
	rule: string,
	groupStart = 1
): void {
	const literal = cleanLiteral(m[groupStart]);
	const unit = normalizeMoneyUnit(m[groupStart + 1]);
	if (literal === null || unit === null) return;
	c.add({
		table: 'projects',
		column,
		rowKey: key,
		value: toWan(literal, unit),
		start: offset + m.index,
		end: offset + m.index + m[0].length,
		method: 'prose',
		rule,
		decimals: wanDecimals(literal, unit)
	});
}

function paragraphAt(text: string, pos: number): { start: number; end: number } {
	const start = text.lastIndexOf('\n', pos) + 1;
	const nl = text.indexOf('\n', pos);
	return { start, end: nl < 0 ? text.length : nl };
}

export function extractProseProjects(c: Collector, knownNames: readonly string[]): string[] {
	const text = c.text;
	const names: string[] = [];
	const keyFor = (name: string) => knownNames.find((k) => k === name) ?? name;
	const budgetRe = new RegExp(`年初预算项目[“"]([^”"\\n]{2,40}?)${MONEY}。?[”"]`, 'g');
	for (const m of text.includes('年初预算项目') ? text.matchAll(budgetRe) : []) {
		const key = keyFor(m[1]);
		names.push(key);
		const at = m.index + m[0].indexOf(m[2]);
		const mm = new RegExp(MONEY).exec(text.slice(at));
		if (mm) money(c, key, 'budget_initial', mm, at, 'prose_project_budget');
		const para = paragraphAt(text, m.index);
		const rest = text.slice(m.index + m[0].length, para.end);
		const ex = new RegExp(`实际支出${MONEY}`).exec(rest);
		if (ex) money(c, key, 'executed', ex, m.index + m[0].length, 'prose_project_budget');
	}
	// Look back from each “项目绩效自评综述” instead of trying a lazy name at every position.
	for (let at = text.indexOf('项目绩效自评综述'); at >= 0; at = text.indexOf('项目绩效自评综述', at + 1)) {
		const m = /([^\s，。：:“”]{2,40})项目绩效自评综述[:：]/.exec(text.slice(Math.max(0, at - 40), at + 9));
		if (!m) continue;
		m.index += Math.max(0, at - 40);
		const key = keyFor(m[1]);
		names.push(key);
		const para = paragraphAt(text, m.index);
		const from = m.index + m[0].length;
		const body = text.slice(from, para.end);
		const score = /得分为(\d+(?:\.\d+)?)分/.exec(body);
		if (score)
			c.add({
				table: 'projects',
				column: 'score',
				rowKey: key,
				value: Number(score[1]),
				start: from + score.index,
				end: from + score.index + score[0].length,
				method: 'prose',
				rule: 'prose_project_summary',
				decimals: decimalsOf(score[1])
			});
		const full = new RegExp(`全年预算数${MONEY}`).exec(body);
		if (full) money(c, key, 'budget_full_year', full, from, 'prose_project_summary');
		const ex = new RegExp(`执行数为?${MONEY}`).exec(body);
		if (ex) money(c, key, 'executed', ex, from, 'prose_project_summary');
		const rate = /完成预算的(\d+(?:\.\d+)?)%/.exec(body);
		if (rate)
			c.add({
				table: 'projects',
				column: 'execution_rate',
				rowKey: key,
				value: shiftDecimal(rate[1], -2),
				start: from + rate.index,
				end: from + rate.index + rate[0].length,
				method: 'prose',
				rule: 'prose_project_summary',
				decimals: decimalsOf(rate[1]) + 2
			});
	}
	names.push(...projectLists(c));
	return [...new Set(names)];
}

/** “专项资金：A 6,505,072.11元、B 3,243,800元、…” inside the 项目支出 section. */
function projectLists(c: Collector): string[] {
	const text = c.text;
	const names: string[] = [];
	const section = /项目支出(?:情况|决算)/.exec(text);
	if (!section) return names;
	const endRel = text.slice(section.index + 4).search(/\n[一二三四五六七八九十]+、/);
	const end = endRel < 0 ? text.length : section.index + 4 + endRel;
	const item = new RegExp(
		`(?:^|[、，：:；\\n])([^、，：:；。\\n\\d]{2,40}?)[，,]?(?:20\\d\\d年度?)?(?:共支出)?${MONEY}(?=[、；。，]|$)`,
		'gm'
	);
	const seen = new Map<string, number>();
	const body = text.slice(section.index, end);
	const matches = [...body.matchAll(item)]
		.map((m) => ({ m, name: m[1] }))
		.filter(({ name }) => name.length >= 2 && !ECONOMIC.test(name) && !GENERIC.test(name));
	// One stray “name + amount” is not a list.
	if (matches.length < 2) return names;
	for (const { m, name } of matches) {
		const n = (seen.get(name) ?? 0) + 1;
		seen.set(name, n);
		const key = n === 1 ? name : `${name}#${n}`;
		names.push(key);
		const literal = cleanLiteral(m[2]);
		const unit = normalizeMoneyUnit(m[3]);
		if (literal === null || unit === null) continue;
		const start = section.index + m.index + m[0].indexOf(m[1]);
		c.add({
			table: 'projects',
			column: 'executed',
			rowKey: key,
			value: toWan(literal, unit),
			start,
			end: section.index + m.index + m[0].length,
			method: 'prose',
			rule: 'prose_project_list',
			decimals: wanDecimals(literal, unit)
		});
	}
	return names;
}
