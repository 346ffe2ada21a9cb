/**
 * A small RFC 4180 reader, independent of the writer's code, with the writer's NULL rule: an
 * unquoted empty cell is NULL, `""` is an empty string. Shared by the unit and browser tests.
 */
export function parseCsv(text: string): (string | null)[][] {
	const out: (string | null)[][] = [];
	let row: (string | null)[] = [];
	let i = 0;
	while (i < text.length) {
		let cell: string | null;
		if (text[i] === '"') {
			let s = '';
			i++;
			for (;;) {
				if (text[i] === '"' && text[i + 1] === '"') {
					s += '"';
					i += 2;
				} else if (text[i] === '"') {
					i++;
					break;
				} else s += text[i++];
			}
			cell = s;
		} else {
			let j = i;
			while (j < text.length && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
			cell = j === i ? null : text.slice(i, j);
			i = j;
		}
		row.push(cell);
		if (text[i] === ',') i++;
		else {
			if (text[i] === '\r') i++;
			if (text[i] === '\n') i++;
			out.push(row);
			row = [];
		}
	}
	return out;
}
