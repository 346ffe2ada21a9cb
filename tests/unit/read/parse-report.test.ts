/** parseReport: the per-file step the ingest and the import worker share. */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';
import { decodeText } from '../../../src/lib/read/decode-text';
import { parseReport } from '../../../src/lib/read/parse-report';
import { encodeGb18030, encodeUtf16 } from '../../helpers/legacy-encode';
import { textToDocx } from '../../helpers/text-to-docx';

const SEEDS = 'data/reports';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('parseReport', () => {
	for (const f of readdirSync(SEEDS)) {
		it(`${f}: the extraction of its decoded text, and the same values from a .docx of it`, async () => {
			const bytes = new Uint8Array(readFileSync(join(SEEDS, f)));
			const text = new TextDecoder().decode(bytes);
			const out = await parseReport(bytes, f, sha(bytes), { extract: extractReport });
			expect(out.status).toBe('ok');
			if (out.status !== 'ok') return;
			expect(out.result).toEqual(extractReport({ text, sourceFile: f, sha256: sha(bytes) }));

			const docx = await textToDocx(text);
			const fromDocx = await parseReport(docx, 'x.docx', sha(docx), { extract: extractReport });
			expect(fromDocx.status).toBe('ok');
			if (fromDocx.status !== 'ok') return;
			const values = (r: typeof out.result) => ({
				reports: { ...r.reports, report_id: '', source_file: '', sha256: '' },
				sangong: r.sangong.map((x) => ({ ...x, report_id: '' })),
				spending: r.spending.map((x) => ({ ...x, report_id: '' })),
				projects: r.projects.map((x) => ({ ...x, report_id: '' }))
			});
			expect(values(fromDocx.result)).toEqual(values(out.result));
		});
	}

	it('says why a file gives no report', async () => {
		const empty = await parseReport(new Uint8Array(), 'a.txt', sha(new Uint8Array()), {
			extract: extractReport
		});
		expect(empty).toMatchObject({ status: 'failed', reason: expect.stringContaining('空文件') });
		const prose = new TextEncoder().encode('今天天气很好，我们去公园散步。\n'.repeat(20));
		expect(await parseReport(prose, 'b.txt', sha(prose), { extract: extractReport })).toMatchObject({
			status: 'not_report'
		});
		const long = new TextEncoder().encode('部门整体支出绩效自评报告\n'.repeat(100));
		expect(
			await parseReport(long, 'c.txt', sha(long), { extract: extractReport, maxChars: 500 })
		).toMatchObject({
			status: 'not_report',
			reason: expect.stringContaining('文本过长')
		});
		const boom = await parseReport(prose, 'd.txt', sha(prose), {
			extract: () => {
				throw new Error('boom');
			}
		});
		expect(boom).toMatchObject({ status: 'failed', reason: expect.stringContaining('boom') });
	});
});

describe('decodeText: the browser default (fatal TextDecoder) and Node isUtf8 agree', () => {
	const text = readFileSync(join(SEEDS, readdirSync(SEEDS)[0]), 'utf8');
	const inputs: [string, Uint8Array][] = [
		['utf-8', new TextEncoder().encode(text)],
		['gb18030', encodeGb18030(text)],
		['utf-16le', encodeUtf16(text, 'le', false)],
		['binary', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)]
	];
	for (const [name, bytes] of inputs)
		it(name, () => expect(decodeText(bytes)).toEqual(decodeText(bytes, { isUtf8 })));
});
