/**
 * Money stated in prose: 三公 items, spending categories and the department budget, with the
 * prior-year values they imply (“…333.14万元，对比上年减少26.97万元” → 2022: 360.11, derived)
 * and the stated percentage changes checked against the amounts.
 */
import type { SangongItem, SpendingCategory } from '../schema/tables';
import type { Collector } from './collect';
import { decimalsOf, exactSum, near, roundingTol } from './numbers';
import { sangongKey, spendingKey } from './keys';
import { clauseStart, moneyHits, sentenceEnd, sentenceStart, yearBefore, type MoneyHit } from './text-scan';

type Subject =
	| { kind: 'sangong'; item: SangongItem }
	| { kind: 'spending'; category: SpendingCategory }
	| { kind: 'budget'; column: 'budget_initial' | 'budget_full_year' | 'executed' };

const FILLER = '(?:支出|决算|预算|执行|数|为|是|共|合计|总额|完成|实际|全年|本年|年度|金额|达|约|[:：])*';

const SUBJECTS: { kw: string; subject: Subject; needsBarePrefix?: boolean }[] = [
	{
		kw: '公务用车购置费?(?:及|和|与)(?:运行)?(?:维护|维修)?费|公务用车购置及运行(?:维护)?费|公务用车(?:购置和维护|购置及维护)经?费',
		subject: { kind: 'sangong', item: 'vehicle_total' }
	},
	{ kw: '(?:公务用车|公车)购置费', subject: { kind: 'sangong', item: 'vehicle_purchase' } },
	{
		kw: '(?:公务用车|公车)(?:运行(?:维护|维修)?|运维)费',
		subject: { kind: 'sangong', item: 'vehicle_operation' }
	},
	{
		kw: '因公出国(?:（境）|\\(境\\)|出境|境)?经?费|出国(?:境)?经费',
		subject: { kind: 'sangong', item: 'overseas' }
	},
	{ kw: '公务接待经?费', subject: { kind: 'sangong', item: 'reception' } },
	{ kw: '[“"]?三公[”"]?经费', subject: { kind: 'sangong', item: 'total' } },
	{
		kw: '支出总额|支出合计|总支出|(?<![项目本])年度?支出|我[局办委]实际支出|本(?:单位|部门)实际支出',
		subject: { kind: 'spending', category: 'total' }
	},
	{ kw: '基本支出', subject: { kind: 'spending', category: 'basic' } },
	{ kw: '人员经费|人员支出', subject: { kind: 'spending', category: 'personnel' } },
	{ kw: '公用经费|公用支出', subject: { kind: 'spending', category: 'public' } },
	{ kw: '项目支出', subject: { kind: 'spending', category: 'project' } },
	{
		kw: '年初[^，。；、\\n]{0,14}?预算(?:支出)?数?',
		subject: { kind: 'budget', column: 'budget_initial' },
		needsBarePrefix: true
	},
	{
		kw: '全年预算数?|调整后预算数?',
		subject: { kind: 'budget', column: 'budget_full_year' },
		needsBarePrefix: true
	},
	{ kw: '(?:预算|全年)执行数', subject: { kind: 'budget', column: 'executed' }, needsBarePrefix: true }
];

const COMPILED = SUBJECTS.map((s) => ({ ...s, re: new RegExp(`(?:${s.kw})${FILLER}$`) }));
/** What may stand before a department-level budget keyword in its clause: a year, 本单位, nothing. */
const BARE_PREFIX = /^(?:20\d\d年度?|本年度?|全年|本(?:单位|部门)|我[局办委])?$/;
const DIFF =
	/^[，,]?(?:(?:比|较|对比|与|同比)(?:上年|去年|上年度)(?:同期)?(?:相比)?[，,]?)(增加|减少|下降|增长|上升|节约|节省|降低)了?$/;
const PRIOR = /^[，,]?(?:比|较|与|对比)(?:上年|去年|上年度)(?:同期)?的?$/;
const PCT =
	/^[^。；\n]{0,16}?(变动率|增长率|下降|减少|增长|增加|降低|上升)(?:了|为|幅度为|率为)?(-?\d+(?:\.\d+)?)%/;

interface Mention {
	readonly hit: MoneyHit;
	readonly subject: Subject;
	readonly basis: 'actual' | 'budget';
	readonly year: number | null;
	readonly start: number;
}

/** Budget words in the clause before the amount make it a budget figure. */
function basisOf(clause: string): 'actual' | 'budget' {
	// 一般公共预算 / 预算拨款 name a funding source, not the budget basis.
	const c = clause.replace(/一般公共预算|预算拨款|预算单位|预算执行/g, '');
	return /预算/.test(c) && !/决算|实际/.test(c) ? 'budget' : 'actual';
}

function subjectAt(text: string, hit: MoneyHit): { subject: Subject; start: number } | null {
	const cs = clauseStart(text, hit.start);
	const window = text.slice(Math.max(sentenceStart(text, hit.start), hit.start - 60), hit.start);
	let best: { subject: Subject; start: number } | null = null;
	for (const s of COMPILED) {
		const m = s.re.exec(window);
		if (!m) continue;
		const start = hit.start - window.length + m.index;
		if (start < cs && s.subject.kind !== 'budget') continue;
		if (s.needsBarePrefix && (start < cs || !BARE_PREFIX.test(text.slice(cs, start)))) continue;
		if (!best || start < best.start) best = { subject: s.subject, start };
	}
	return best;
}

/** Sentences about one project (“项目全年预算数…”, “专项…共支出…”) are not department totals. */
const projectSentence = (text: string, pos: number) =>
	/项目|专项/.test(text.slice(sentenceStart(text, pos), pos));

export function extractProseMoney(c: Collector, fiscalYear: number | null): void {
	const text = c.text;
	const hits = moneyHits(text);
	let prev: Mention | null = null;
	for (let i = 0; i < hits.length; i++) {
		const hit = hits[i];
		const between = prev ? text.slice(prev.hit.end, hit.start) : '';
		const sameSentence = prev && sentenceStart(text, hit.start) <= prev.hit.start;
		// “…比上年减少26.97万元”: a difference to the mention before it.
		const diff = sameSentence ? DIFF.exec(between) : null;
		if (prev && diff) {
			derivePrior(c, prev, hit, diff[1]);
			prev = null;
			continue;
		}
		// “较上年3,381,318.25元”: the prior year's value, stated.
		if (prev && sameSentence && PRIOR.test(between)) {
			if (prev.year !== null) {
				const year = prev.year - 1;
				record(c, { ...prev, hit, year, start: prev.start }, 'prose', 'prose_prior_stated', prev.start);
				checkPercent(c, prev.hit.wan, hit.wan, hit.end, prev);
			}
			prev = null;
			continue;
		}
		const found = subjectAt(text, hit);
		if (!found) {
			// “…全年预算数4,039,364.85元、实际支出数2,584,801.60元”: same subject, other basis.
			if (prev && sameSentence && /^[、，,]?(?:实际支出数?|决算数|预算数|全年预算数?)$/.test(between)) {
				const m: Mention = {
					hit,
					subject: prev.subject,
					basis: basisOf(between),
					year: prev.year,
					start: prev.hit.end + 1
				};
				record(c, m, 'prose', 'prose_elliptic', m.start);
				prev = m;
			} else prev = null;
			continue;
		}
		const clause = text.slice(clauseStart(text, found.start), hit.start);
		const m: Mention = {
			hit,
			subject: found.subject,
			basis: basisOf(clause),
			year: yearBefore(text, hit.start) ?? fiscalYear,
			start: found.start
		};
		if (
			!(m.subject.kind === 'spending' && m.subject.category === 'project') &&
			projectSentence(text, found.start)
		) {
			prev = null;
			continue;
		}
		record(c, m, 'prose', `prose_${m.subject.kind}`, m.start);
		prev = m;
	}

	function derivePrior(c: Collector, m: Mention, diffHit: MoneyHit, word: string) {
		const year = m.year;
		if (year === null || m.subject.kind === 'budget') return;
		const down = /减少|下降|节约|节省|降低/.test(word);
		const prior = exactSum([m.hit.wan, down ? diffHit.wan : -diffHit.wan]);
		if (prior < 0) {
			c.finding({
				severity: 'error',
				check: 'negative_derived',
				message: `按“${text.slice(m.start, diffHit.end)}”推算的上年数为负（${prior} 万元），不予发布。`,
				numbers: { current: m.hit.wan, diff: diffHit.wan, prior },
				start: m.start,
				end: diffHit.end
			});
			return;
		}
		const decimals = Math.max(m.hit.decimals, diffHit.decimals);
		const derived: Mention = { ...m, hit: { ...m.hit, wan: prior, decimals }, year: year - 1 };
		record(c, derived, 'derived', 'prose_prior_from_change', m.start, diffHit.end);
		checkPercent(c, m.hit.wan, prior, diffHit.end, m);
	}
}

function record(
	c: Collector,
	m: Mention,
	method: 'prose' | 'derived',
	rule: string,
	start: number,
	end = m.hit.end
): void {
	const year = m.year;
	const s = m.subject;
	if (s.kind === 'sangong') {
		if (year === null) return;
		c.add({
			table: 'sangong',
			column: 'amount_wan',
			rowKey: sangongKey(year, s.item, m.basis, null),
			value: m.hit.wan,
			start,
			end,
			method,
			rule,
			decimals: m.hit.decimals
		});
	} else if (s.kind === 'spending') {
		if (year === null || m.basis !== 'actual') return;
		c.add({
			table: 'spending',
			column: 'amount_wan',
			rowKey: spendingKey(year, s.category),
			value: m.hit.wan,
			start,
			end,
			method,
			rule,
			decimals: m.hit.decimals
		});
	} else if (method === 'prose') {
		c.add({
			table: 'reports',
			column: s.column,
			rowKey: null,
			value: m.hit.wan,
			start,
			end,
			method,
			rule,
			decimals: m.hit.decimals
		});
	}
}

/** Stated percentage change (“下降28.35%”) vs the amounts it describes. */
function checkPercent(c: Collector, current: number, prior: number, from: number, m: Mention): void {
	const text = c.text;
	const rest = text.slice(from, sentenceEnd(text, from));
	const p = PCT.exec(rest);
	if (!p || prior === 0) return;
	const literal = p[2];
	const stated = /下降|减少|降低/.test(p[1])
		? -Math.abs(Number(literal))
		: /增长|增加|上升/.test(p[1])
			? Math.abs(Number(literal))
			: Number(literal);
	const computed = ((current - prior) / prior) * 100;
	const tol = roundingTol(decimalsOf(literal)) + 0.005;
	if (near(computed, stated, tol)) return;
	const end = from + p.index + p[0].length;
	c.finding({
		severity: 'warning',
		check: 'percent_change_mismatch',
		message: `“${text.slice(m.start, end)}”：按金额计算变动为 ${computed.toFixed(2)}%，报告写 ${stated}%。`,
		numbers: { current, prior, stated_percent: stated, computed_percent: Math.round(computed * 100) / 100 },
		start: m.start,
		end
	});
}
