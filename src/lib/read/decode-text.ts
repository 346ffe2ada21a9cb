/**
 * Decodes the bytes of a .txt report whatever encoding it arrived in: UTF-8 (with or without
 * BOM), UTF-16 LE/BE (BOM or not), or a legacy Chinese code page (GB18030/GBK/GB2312, Big5).
 *
 * Valid UTF-8 wins outright: chardet sometimes labels short Chinese UTF-8 as something else, and
 * random legacy bytes are almost never valid UTF-8. Otherwise each candidate decoding of a
 * sample (chardet's guesses, GB18030, both UTF-16 byte orders) must look like report text, and
 * the one richest in everyday Chinese characters wins: chardet alone picks Big5 for short GBK.
 */
import chardet from 'chardet';

export type Decoded = { text: string; encoding: string } | { error: string };

export interface DecodeOptions {
	/**
	 * Strict UTF-8 validity test. Node passes `isUtf8` from node:buffer (simdutf), several times
	 * faster than the fatal TextDecoder used by default (browsers have nothing quicker).
	 */
	readonly isUtf8?: (bytes: Uint8Array) => boolean;
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8Fatal(bytes: Uint8Array): boolean {
	try {
		FATAL_UTF8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** Detection looks at this much; decoding always covers the whole file. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of characters in a sample that must look like report text. */
const MIN_PLAUSIBLE = 0.9;
/** Control characters (other than whitespace) allowed in valid UTF-8 before we call it binary. */
const MAX_CONTROL = 0.01;

/** Characters a Chinese government report is made of. */
function isReportChar(c: number): boolean {
	return (
		c === 0x09 ||
		c === 0x0a ||
		c === 0x0d ||
		c === 0x0c ||
		(c >= 0x20 && c <= 0x7e) ||
		(c >= 0xa0 && c <= 0xbf) || // Latin-1 symbols: ° ± ² · (not accented letters: those are
		c === 0xd7 || //               what GBK bytes become when misread as windows-1252)
		c === 0xf7 ||
		(c >= 0x2000 && c <= 0x206f) || // “”‘’…—‰
		(c >= 0x20a0 && c <= 0x20cf) || // ¥ €
		(c >= 0x2100 && c <= 0x22ff) || // ℃, Ⅰ Ⅱ, arrows, ≤ ≥
		(c >= 0x2460 && c <= 0x27bf) || // ① ②, box drawing, ■ □ ○ ●, ✓
		(c >= 0x3000 && c <= 0x303f) || // 、。《》【】
		(c >= 0x3200 && c <= 0x33ff) || // ㈠, ㎡
		(c >= 0x3400 && c <= 0x9fff) || // CJK ideographs (and extension A)
		(c >= 0xd840 && c <= 0xd8bf) || // surrogates of CJK extensions B-F (planes 2-3)
		(c >= 0xdc00 && c <= 0xdfff) ||
		(c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xfe30 && c <= 0xfe4f) ||
		(c >= 0xff00 && c <= 0xffef) || // full-width forms
		c === 0xfeff
	);
}

/**
 * The commonest characters of Chinese text and of these reports, in forms shared by simplified
 * and traditional script where they exist. Legacy encodings decode each other's bytes into
 * valid but rare characters (GBK read as Big5 is a stream of obscure traditional ones), so the
 * right decoding is the one full of everyday characters.
 */
const COMMON = new Set(
	'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说' +
		'产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当' +
		'使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反' +
		'明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果' +
		'料象员革位入常文总次品式活设及管特件长求头基资边流路级少图山统接知较将组见计别手期根论运农指几' +
		'九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶' +
		'思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议' +
		'报完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算' +
		'低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构' +
		'府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始专状育厂京识适属圆包火住调' +
		'满县局照参红细引听该价严预算绩评财费执项目额度决核编职责履监督考核采购固定资产人员经费公用接待' +
		'议培训差旅维护运行购置因公出国境车辆万元合计指标完成得分优良中差服务质量满意度效益社会经济'
);

function commonShare(text: string): number {
	let n = 0;
	let common = 0;
	for (const ch of text) {
		if (ch.charCodeAt(0) < 0x3400) continue;
		n++;
		if (COMMON.has(ch)) common++;
	}
	return n === 0 ? 0 : common / n;
}

function plausibleShare(text: string): number {
	if (text.length === 0) return 0;
	let ok = 0;
	for (let i = 0; i < text.length; i++) if (isReportChar(text.charCodeAt(i))) ok++;
	return ok / text.length;
}

/** Control characters other than tab/LF/CR/FF, DEL, and U+FFFD (what undecodable bytes become). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/g;

function controlShare(text: string): number {
	if (text.length === 0) return 0;
	// A regex scan is native; a charCodeAt loop over every report costs ~0.1 ms more.
	return (text.match(CONTROL)?.length ?? 0) / text.length;
}

/** chardet names → WHATWG TextDecoder labels; GBK and GB2312 are subsets of GB18030. */
function decoderLabel(name: string): string | null {
	const n = name.toLowerCase();
	if (n === 'gbk' || n === 'gb2312' || n === 'gb18030') return 'gb18030';
	if (n.startsWith('utf-32') || n.startsWith('iso-2022-cn') || n.startsWith('iso-2022-kr')) return null;
	try {
		new TextDecoder(n);
		return n;
	} catch {
		return null;
	}
}

function bomEncoding(b: Uint8Array): string | null {
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
	if (b[0] === 0xff && b[1] === 0xfe && !(b[2] === 0 && b[3] === 0)) return 'utf-16le';
	if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
	return null;
}

const UTF8 = new TextDecoder('utf-8');

const NOT_TEXT = '无法识别的文本编码，或不是文本文件 (not a text file: unknown encoding or binary data)';

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
	const isUtf8 = options.isUtf8 ?? isUtf8Fatal;
	if (bytes.length === 0) return { error: '空文件 (empty file)' };
	if (
		(bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
		(bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
	)
		return { error: '不支持 UTF-32 编码，请另存为 UTF-8 (UTF-32 is not supported; save as UTF-8)' };

	const bom = bomEncoding(bytes);
	if (bom) return finish(new TextDecoder(bom).decode(bytes), bom);

	if (isUtf8(bytes)) {
		const text = UTF8.decode(bytes);
		// NUL-heavy "valid UTF-8" is usually UTF-16 without a BOM, or binary: fall through.
		if (controlShare(text.slice(0, SAMPLE_BYTES)) <= MAX_CONTROL) return finish(text, 'utf-8', true);
	}

	const sample = bytes.subarray(0, SAMPLE_BYTES);
	const confidence = new Map<string, number>();
	for (const m of chardet.analyse(sample)) {
		const label = decoderLabel(m.name);
		if (label && !confidence.has(label)) confidence.set(label, m.confidence);
	}
	// chardet only recognises UTF-16 by its BOM; always try both byte orders, and GB18030.
	const candidates = new Set([...confidence.keys(), 'gb18030', 'utf-16le', 'utf-16be']);
	const scored: { label: string; rank: number }[] = [];
	for (const label of candidates) {
		if (label.startsWith('utf-16') && bytes.length % 2 !== 0) continue;
		const text = new TextDecoder(label).decode(sample);
		if (plausibleShare(text) < MIN_PLAUSIBLE) continue;
		// Everyday characters decide; chardet's confidence (0-100) only breaks near-ties, such as
		// ASCII-only samples where every decoding agrees.
		scored.push({ label, rank: commonShare(text) + (confidence.get(label) ?? 0) / 1000 });
	}
	if (scored.length === 0) return { error: NOT_TEXT };
	const best = scored.reduce((a, b) => (b.rank > a.rank ? b : a));
	return finish(new TextDecoder(best.label).decode(bytes), best.label);
}

function finish(text: string, encoding: string, checked = false): Decoded {
	if (!/\S/.test(text)) return { error: '文件没有文字内容 (file has no text)' };
	if (!checked && controlShare(text.slice(0, SAMPLE_BYTES)) > MAX_CONTROL) return { error: NOT_TEXT };
	return { text, encoding };
}
