/** Report-level facts from prose: title, year, kind, the names a report gives itself, score, grade, headcount. */
import type { ReportKind } from '../schema/tables';
import type { Collector } from './collect';
import { normalizeGrade } from './labels';
import { decimalsOf, shiftDecimal } from './numbers';
import { sentenceStart } from './text-scan';

/** A report field stated in prose: the whole match is its quote. */
function addProse(
	c: Collector,
	m: RegExpExecArray,
	column: string,
	value: number | string,
	rule: string,
	decimals?: number
): void {
	c.add({
		table: 'reports',
		column,
		rowKey: null,
		value,
		start: m.index,
		end: m.index + m[0].length,
		method: 'prose',
		rule,
		...(decimals === undefined ? {} : { decimals })
	});
}

const TITLE = /(部门|单位)?整体支出(?:绩效)?(自评|评价)(?:报告)?/;

export interface Title {
	readonly fiscalYear: number | null;
	readonly kind: ReportKind;
	/** Names the report gives itself, most explicit first. */
	readonly names: string[];
}

/** Is this a 整体支出绩效自评/评价 report at all? Returns the reason when not. */
export function notAReport(text: string): string | null {
	if (text.trim().length === 0) return '文件为空';
	if (!TITLE.test(text.slice(0, 3000)) && !/绩效自评/.test(text))
		return '未找到“整体支出绩效自评/评价报告”字样，不是部门整体支出绩效自评报告';
	return null;
}

export function readTitle(text: string): Title {
	const head = text.slice(0, 3000);
	const m = TITLE.exec(head);
	let fiscalYear: number | null = null;
	let kind: ReportKind = 'dept_self';
	const names: string[] = [];
	// Explicit fields first: 单位名称（盖章）：X, 部门名称 | X, 预算单位名称 | X, 填报单位：X.
	for (const f of text.matchAll(
		/(?:单位名称|部门名称|预算单位名称|填报单位)(?:[(（]盖章[)）])?[:：\t\n]+([^\t\n]{2,40})/g
	)) {
		const name = cleanName(f[1]);
		if (name) names.push(name);
	}
	if (m) {
		kind = m[2] === '评价' ? 'dept_eval' : m[1] === '单位' ? 'unit_self' : 'dept_self';
		// The title may run over two lines (“2020年度X部门\n整体支出绩效评价报告”) or sit under the name.
		const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
		const prevLineStart = text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
		const titleText = text
			.slice(m.index - lineStart < 2 ? prevLineStart : lineStart, m.index)
			.replace(/\n/g, '');
		const y =
			/(20\d\d)年度?/.exec(titleText) ??
			/(20\d\d)年度?/.exec(text.slice(Math.max(0, m.index - 200), m.index + 60));
		if (y) fiscalYear = Number(y[1]);
		const nameInTitle = cleanName(titleText.replace(/^附件\d*[:：]?/, '').replace(/(20\d\d)年度?/, ''));
		if (nameInTitle) names.push(nameInTitle);
		if (!nameInTitle || nameInTitle.length < 4) {
			// A name on the line above the title (湘西) or in the body (“对2023年度鼎城区政府办部门整体支出进行了绩效自评”).
			const above = text.slice(prevLineStart, lineStart).trim();
			if (above && !/\d/.test(above)) names.push(cleanName(above) ?? '');
		}
	}
	for (const b of text.matchAll(/(?:20\d\d)年度?([^\d，。、\n“”]{2,30}?)(?:部门|单位)整体支出/g)) {
		const name = cleanName(b[1]);
		if (name) names.push(name);
	}
	return { fiscalYear, kind, names: [...new Set(names.filter((n) => n.length >= 2))] };
}

function cleanName(s: string): string | null {
	const n = s
		.replace(/\s+/g, '')
		.replace(/^(对|我们对|关于)/, '')
		.replace(/(部门|单位)$/, '')
		.replace(/[，。：:（(].*$/, '');
	return n.length >= 2 && /(办|室|局|委|院|部|处|会|中心|所|站|队|馆|厅|政府|公司|办公室)$/.test(n)
		? n
		: null;
}

const SCORE =
	/(?:自评(?:得)?分(?:数)?|综合得分|总绩效|总得分|评价得分|整体得分)(?:为|是|[:：])?(\d+(?:\.\d+)?)分/g;
const GRADE =
	/(?:等级|等次)(?:为|是|[:：])?[“"]?(优秀|优|良好|良|中等|中|较差|差)[”"]?|为[“"](优秀|优|良好|良|中等|中|较差|差)[”"]等级/g;
const PROJECT_CONTEXT = /项目(?:绩效|自评|得分)/;

export function proseScore(c: Collector): void {
	const text = c.text;
	for (const m of text.matchAll(SCORE)) {
		if (
			PROJECT_CONTEXT.test(
				text.slice(Math.max(sentenceStart(text, m.index), m.index - 12), m.index + m[0].length)
			)
		)
			continue;
		addProse(c, m, 'score_total', Number(m[1]), 'prose_score', decimalsOf(m[1]));
	}
	for (const m of text.matchAll(GRADE)) {
		if (PROJECT_CONTEXT.test(text.slice(Math.max(sentenceStart(text, m.index), m.index - 12), m.index)))
			continue;
		const grade = normalizeGrade(m[1] ?? m[2]);
		if (grade) addProse(c, m, 'grade', grade, 'prose_grade');
	}
}

const HEAD_ACTUAL =
	/(?:实有人数|年末(?:实际)?在职(?:人员|人数)|年末人数|实际在职(?:人员|人数)|在职人员|在职人数)(?:为|共|是)?(\d+)(?:人|名)|共有(\d+)名在职人员/g;
const HEAD_AUTH = /(?:编制(?:人)?数|核定编制|核定的编制人数|人员编制)(?:为|共|是)?(\d+)(?:人|名)/g;

export function proseHeadcount(c: Collector): void {
	const text = c.text;
	for (const m of text.matchAll(HEAD_ACTUAL)) {
		const before = text.slice(Math.max(0, m.index - 4), m.index);
		// “其中：在职人员28人” is a breakdown; “年初在职人员74人” is not the year's figure.
		if (/其中[:：]?$|年初$/.test(before)) continue;
		addProse(c, m, 'headcount_actual', Number(m[1] ?? m[2]), 'prose_headcount', 0);
	}
	for (const m of text.matchAll(HEAD_AUTH)) {
		addProse(c, m, 'headcount_authorized', Number(m[1]), 'prose_headcount', 0);
	}
}

const RATE = /预算执行率(?:为|是|达)?(\d+(?:\.\d+)?)%/g;
const BREAKDOWN = /([^\s，。、：:；\d]{2,12}?)为(\d+(?:\.\d+)?)分/g;

/** “预算执行率87.57%” (not a project's). */
export function proseExecutionRate(c: Collector): void {
	const text = c.text;
	for (const m of text.matchAll(RATE)) {
		if (/项目/.test(text.slice(sentenceStart(text, m.index), m.index))) continue;
		addProse(
			c,
			m,
			'execution_rate_reported',
			shiftDecimal(m[1], -2),
			'prose_execution_rate',
			decimalsOf(m[1]) + 2
		);
	}
}

export interface ScorePart {
	readonly name: string;
	readonly score: number;
	readonly start: number;
	readonly end: number;
}

/** “得分是：预算执行率为8分、产出绩效为47分、…，总绩效为95分”: level-1 scores stated in prose. */
export function proseScoreBreakdown(text: string): ScorePart[] {
	const total = /总(?:绩效|得分|分)为\d+(?:\.\d+)?分/.exec(text);
	if (!total) return [];
	const from = sentenceStart(text, total.index);
	const parts: ScorePart[] = [];
	for (const m of text.slice(from, total.index).matchAll(BREAKDOWN)) {
		const name = m[1].replace(/^(得分是|得分为|其中)/, '');
		parts.push({
			name,
			score: Number(m[2]),
			start: from + m.index + (m[1].length - name.length),
			end: from + m.index + m[0].length
		});
	}
	return parts.length >= 2 ? parts : [];
}
