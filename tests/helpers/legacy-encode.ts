/**
 * Encoders for tests: GB18030, Big5 and UTF-16. Node ships decoders for the legacy Chinese
 * encodings (TextDecoder) but no encoders, and we install nothing for them: each reverse map is
 * built once by decoding every byte sequence, so encoder and decoder agree by construction.
 */

let table: Map<number, number[]> | undefined;

function buildTable(): Map<number, number[]> {
	const map = new Map<number, number[]>();
	const decoder = new TextDecoder('gb18030');
	const add = (seqs: number[][]) => {
		const bytes = Uint8Array.from(seqs.flat());
		const text = decoder.decode(bytes);
		// Every sequence in these ranges decodes to exactly one BMP code unit; check, don't assume.
		if (text.length !== seqs.length) throw new Error('gb18030 table: unexpected decoder output');
		for (let i = 0; i < seqs.length; i++) {
			const cp = text.charCodeAt(i);
			if (cp !== 0xfffd && !map.has(cp)) map.set(cp, seqs[i]);
		}
	};
	const two: number[][] = [];
	for (let lead = 0x81; lead <= 0xfe; lead++)
		for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) two.push([lead, trail]);
	add(two);
	const four: number[][] = [];
	for (let b1 = 0x81; b1 <= 0x84; b1++)
		for (let b2 = 0x30; b2 <= 0x39; b2++)
			for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) four.push([b1, b2, b3, b4]);
	add(four);
	return map;
}

/** Encodes text as GB18030 bytes. */
export function encodeGb18030(text: string): Uint8Array {
	table ??= buildTable();
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) {
			out.push(cp);
		} else if (cp > 0xffff) {
			// Supplementary planes are a linear four-byte range starting at 90 30 81 30.
			let n = cp - 0x10000;
			const b4 = n % 10;
			n = Math.floor(n / 10);
			const b3 = n % 126;
			n = Math.floor(n / 126);
			const b2 = n % 10;
			const b1 = Math.floor(n / 10);
			out.push(0x90 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4);
		} else {
			const seq = table.get(cp);
			if (!seq) throw new Error(`gb18030: no encoding for U+${cp.toString(16)}`);
			out.push(...seq);
		}
	}
	return Uint8Array.from(out);
}

let big5: Map<number, number[]> | undefined;

/** Encodes text as Big5 (traditional-script files from Taiwan/Hong Kong mirror sites). */
export function encodeBig5(text: string): Uint8Array {
	if (!big5) {
		big5 = new Map();
		const decoder = new TextDecoder('big5');
		for (let lead = 0x81; lead <= 0xfe; lead++)
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				if (trail > 0x7e && trail < 0xa1) continue;
				const s = decoder.decode(Uint8Array.of(lead, trail));
				const cp = s.charCodeAt(0);
				if (s.length === 1 && cp !== 0xfffd && !big5.has(cp)) big5.set(cp, [lead, trail]);
			}
	}
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		const seq = cp < 0x80 ? [cp] : big5.get(cp);
		if (!seq) throw new Error(`big5: no encoding for U+${cp.toString(16)}`);
		out.push(...seq);
	}
	return Uint8Array.from(out);
}

/** Encodes text as UTF-16 (LE or BE), optionally with a byte-order mark. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
	const units = (bom ? '\ufeff' : '') + text;
	const out = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i++) {
		const u = units.charCodeAt(i);
		const hi = u >> 8;
		const lo = u & 0xff;
		out[2 * i] = endian === 'le' ? lo : hi;
		out[2 * i + 1] = endian === 'le' ? hi : lo;
	}
	return out;
}
