/** bench:site's section of BENCHMARKS.md: replaced between its markers, or appended. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const BEGIN = '<!-- bench:site begin (written by npm run bench:site) -->';
const END = '<!-- bench:site end -->';

export async function writeBenchSection(file: string, report: string): Promise<void> {
	const section = `${BEGIN}\n## Dashboard (\`npm run bench:site\`)\n\n${report}\n${END}`;
	let md = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
	// Plain string positions: the markers hold regex metacharacters (parentheses).
	const from = md.indexOf(BEGIN);
	const to = md.indexOf(END, from);
	md =
		from >= 0 && to >= 0
			? md.slice(0, from) + section + md.slice(to + END.length)
			: `${md.trimEnd()}\n\n${section}\n`;
	// Formatted like the rest of the repository, so `npm run lint` stays clean.
	const config = (await prettier.resolveConfig(file)) ?? {};
	writeFileSync(file, await prettier.format(md, { ...config, filepath: file }));
}
