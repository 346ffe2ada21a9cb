/** The text's lines with their offsets: table parsers read line by line, spans stay in the text. */
export interface Line {
	readonly text: string;
	readonly start: number;
}

export function splitLines(text: string): Line[] {
	const out: Line[] = [];
	let pos = 0;
	for (const t of text.split('\n')) {
		out.push({ text: t, start: pos });
		pos += t.length + 1;
	}
	return out;
}
