/**
 * Text normalization. Every span the extractor publishes refers to the string this returns,
 * so the ingest stores it next to the datasets and the site highlights quotes in it.
 */

const CJK =
	'\\u2E80-\\u2FFF\\u3001-\\u303F\\u3040-\\u9FFF\\uF900-\\uFAFF\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65“”‘’…—';
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])[ ]+(?=\\S)`, 'g');
const SPACE_BEFORE_CJK = new RegExp(`(\\S)[ ]+(?=[${CJK}])`, 'g');

/** Full-width digits, Latin letters and number punctuation → ASCII; Chinese punctuation (，：；（）) stays. */
function foldFullWidth(s: string): string {
	return s.replace(
		/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E\uFF0B\uFF0D\uFF0F\uFF1C-\uFF1E\u3000\u00A0\u2002-\u200A\u202F]/g,
		(ch) => {
			const c = ch.charCodeAt(0);
			if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a) || c === 0x202f) return ' ';
			return String.fromCharCode(c - 0xfee0);
		}
	);
}

export function normalizeText(raw: string): string {
	let s = raw.replace(/\uFEFF/g, '').replace(/\r\n?/g, '\n');
	s = s.replace(/[\u200B-\u200D\u2060]/g, '');
	s = foldFullWidth(s);
	// Word export debris.
	s = s.replace(/\[bookmark:[^\]\n]*\]/g, '').replace(/\*\*/g, '');
	s = s.replace(/[^\S\n\t]+/g, ' ');
	// Spaces inside numbers: "333. 14", "7.9 %", "48, 701, 473.00".
	s = s.replace(/(\d) ?\. ?(?=\d)/g, '$1.').replace(/(\d) +%/g, '$1%');
	s = s.replace(/(\d), (?=\d{3}(?!\d))/g, '$1,');
	// Spaces next to Chinese text are layout, not content ("退休 12 人", "满 意 度").
	s = s.replace(SPACE_AFTER_CJK, '$1').replace(SPACE_BEFORE_CJK, '$1');
	s = s.replace(/ *\t */g, '\t').replace(/^ +| +$/gm, '');
	s = s.replace(/\n{3,}/g, '\n\n');
	return s.replace(/^\n+/, '').trimEnd() + '\n';
}
