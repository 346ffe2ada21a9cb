/** The data dictionary documents every column and every check, and documents nothing that is not there. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMN_SOURCES, SOURCE_LABELS } from '../../../src/lib/schema/column-sources';
import { TABLES } from '../../../src/lib/schema/tables';
import { CHECK_DOCS } from '../../../src/lib/validate/check-docs';

const sourceFiles = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'check-docs.ts')
		.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));

describe('data dictionary', () => {
	it('says how every column of every table is obtained, and lists no other column', () => {
		for (const t of TABLES) {
			const doc = COLUMN_SOURCES[t.name] as Record<string, { how: readonly string[] }>;
			expect(Object.keys(doc).sort(), t.name).toEqual(t.columns.map((c) => c.name).sort());
			for (const c of t.columns) {
				expect(doc[c.name].how.length, `${t.name}.${c.name}`).toBeGreaterThan(0);
				for (const h of doc[c.name].how) expect(SOURCE_LABELS).toHaveProperty(h);
			}
		}
	});

	it('documents only checks the code can emit (each name is a literal in the extractor, checks or ingest)', () => {
		const code = [...sourceFiles('src/lib/extract'), ...sourceFiles('src/lib/validate')].join('\n');
		for (const name of Object.keys(CHECK_DOCS)) expect(code, name).toContain(`'${name}'`);
	});

	it('names existing columns for every check', () => {
		const columns = new Set(TABLES.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
		for (const [name, doc] of Object.entries(CHECK_DOCS))
			for (const c of doc.columns) expect(columns.has(c), `${name}: ${c}`).toBe(true);
	});

	it('documents every check the seed reports produce', () => {
		const rows = JSON.parse(readFileSync('static/datasets/findings.json', 'utf8')) as {
			check_name: string;
		}[];
		const names = new Set(rows.map((r) => r.check_name));
		expect(names.size).toBeGreaterThan(0);
		for (const n of names) expect(CHECK_DOCS, n).toHaveProperty(n);
	});
});
