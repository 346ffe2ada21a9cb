/**
 * Reports copied from mirror sites come in traditional characters (經費, 決算, 績效評價報告); every
 * label the extractor knows is simplified. Such a text is converted with OpenCC's traditional →
 * simplified tables before anything is read, and the report says so (a finding).
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/** Characters every such report is full of, traditional → simplified. */
const PAIRS =
	'績绩價价報报經经費费預预決决執执務务門门體体評评項项實实際际數数總总萬万國国車车運运護护員员級级單单區区財财縣县辦办計计劃划調调標标準准資资較较為为與与對对開开關关問问題题過过還还進进當当點点業业統统從从結结據据應应說说';
/** Per UTF-16 code unit: 1 for the traditional form of a pair, 2 for the simplified one. */
const KIND = new Uint8Array(0x10000);
[...PAIRS].forEach((ch, i) => (KIND[ch.charCodeAt(0)] = i % 2 === 0 ? 1 : 2));
/** A report shows its script in its first pages; a 50 MB file need not be read to the end for it. */
const SAMPLE = 200_000;
/** Enough of these characters to decide: every report has thousands. */
const DECISIVE = 200;

/** More of these characters in their traditional form than in their simplified one. */
export function isTraditional(text: string): boolean {
	let trad = 0;
	let simp = 0;
	const n = Math.min(text.length, SAMPLE);
	for (let i = 0; i < n; i++) {
		const k = KIND[text.charCodeAt(i)];
		if (k === 1) trad++;
		else if (k === 2) simp++;
		else continue;
		if (trad + simp >= DECISIVE) break;
	}
	return trad >= 10 && trad > simp;
}

let convert: ((s: string) => string) | null = null;

/** The text in simplified characters (OpenCC t2s: phrases first, then characters). */
export function toSimplified(text: string): string {
	convert ??= ConverterFactory([TSPhrases, TSCharacters]);
	return convert(text);
}
