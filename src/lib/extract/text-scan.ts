/** Sentence and clause boundaries, money and year hits in normalized text. */
import { MONEY, cleanLiteral, normalizeMoneyUnit, toWan, wanDecimals, type MoneyUnit } from './numbers';

export interface MoneyHit {
	readonly literal: string;
	readonly unit: MoneyUnit;
	readonly wan: number;
	readonly decimals: number;
	readonly start: number;
	readonly end: number;
}

export function moneyHits(text: string): MoneyHit[] {
	const out: MoneyHit[] = [];
	const re = new RegExp(MONEY, 'g');
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const literal = cleanLiteral(m[1]);
		const unit = normalizeMoneyUnit(m[2]);
		if (literal === null || unit === null) continue;
		// "2022年" or part of a longer token (e.g. a code) is not money.
		const prev = text[m.index - 1] ?? '';
		if (/[\d.]/.test(prev)) continue;
		out.push({
			literal,
			unit,
			wan: toWan(literal, unit),
			decimals: wanDecimals(literal, unit),
			start: m.index,
			end: m.index + m[0].length
		});
	}
	return out;
}

const SENTENCE_END = /[。！？!?\n]/;
/** The same set as SENTENCE_END, by char code: scanning a whole text with a regex per char is slow. */
const isSentenceEnd = (c: number) =>
	c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
/** Clause ends at Chinese punctuation, or an ASCII comma that is not a thousands separator. */
const isClauseBreak = (text: string, i: number) => {
	const ch = text[i];
	if (SENTENCE_END.test(ch) || /[，；;、：:]/.test(ch)) return true;
	return ch === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
};

/** Sentence-end positions of the last text asked about: rules ask about the same text many times. */
let cached: { text: string; ends: number[] } | null = null;

function sentenceEnds(text: string): number[] {
	if (cached?.text !== text) {
		const ends: number[] = [];
		for (let i = 0; i < text.length; i++) if (isSentenceEnd(text.charCodeAt(i))) ends.push(i);
		cached = { text, ends };
	}
	return cached.ends;
}

/** Index in `ends` of the first sentence end at or after `pos`. */
function firstEndFrom(ends: number[], pos: number): number {
	let lo = 0;
	let hi = ends.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ends[mid] < pos) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function sentenceStart(text: string, pos: number): number {
	const ends = sentenceEnds(text);
	const i = firstEndFrom(ends, pos);
	return i === 0 ? 0 : ends[i - 1] + 1;
}

export function sentenceEnd(text: string, pos: number): number {
	const ends = sentenceEnds(text);
	const i = firstEndFrom(ends, pos);
	return i < ends.length ? ends[i] : text.length;
}

export function clauseStart(text: string, pos: number): number {
	let i = pos - 1;
	while (i >= 0 && !isClauseBreak(text, i)) i--;
	return i + 1;
}

/** The year named closest before `pos` in the same sentence (“2023年…”), if any. */
export function yearBefore(text: string, pos: number): number | null {
	const s = text.slice(sentenceStart(text, pos), pos);
	const all = [...s.matchAll(/(20\d\d)年/g)];
	return all.length ? Number(all[all.length - 1][1]) : null;
}
