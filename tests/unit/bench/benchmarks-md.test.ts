import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBenchSection } from '../../../scripts/bench/benchmarks-md';

const BEGIN = '<!-- bench:site begin (written by npm run bench:site) -->';
const END = '<!-- bench:site end -->';

describe('writeBenchSection: bench:site’s part of BENCHMARKS.md', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));
	const file = (text: string) => {
		dir = mkdtempSync(path.join(tmpdir(), 'jx-bench-md-'));
		const f = path.join(dir, 'BENCHMARKS.md');
		writeFileSync(f, text);
		return f;
	};

	it('replaces what stands between the markers, keeping the text around them', async () => {
		const f = file(`# Benchmarks\n\n${BEGIN}\nold figures\n${END}\n\n## Written by hand\n\nkept\n`);
		await writeBenchSection(f, 'new figures');
		const md = readFileSync(f, 'utf8');
		expect(md).toContain('new figures');
		expect(md).not.toContain('old figures');
		expect(md).toContain('## Written by hand\n\nkept\n');
		expect(md.split(BEGIN)).toHaveLength(2);
	});

	it('appends the section when the markers are missing', async () => {
		const f = file('# Benchmarks\n\nsomething else\n');
		await writeBenchSection(f, 'figures');
		const md = readFileSync(f, 'utf8');
		expect(md.indexOf('something else')).toBeLessThan(md.indexOf(BEGIN));
		expect(md.trimEnd().endsWith(END)).toBe(true);
	});
});
