/** The embed URL/snippet helpers and the Content-Security-Policy's configuration. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appHtmlScriptHashes, contentSecurityPolicy } from '../../src/lib/csp.js';
import { embedSnippet, embedUrl } from '../../src/lib/embed';

describe('embed', () => {
	it('keeps the filters, drops the hash, sets embed=<id>', () => {
		const u = new URL(
			embedUrl('https://x.gov.cn/xxgk/jxpj/sangong/?from=2022&pref=%E9%82%B5#t', 'sangong-yoy')
		);
		expect(u.pathname).toBe('/xxgk/jxpj/sangong/');
		expect(u.searchParams.get('from')).toBe('2022');
		expect(u.searchParams.get('pref')).toBe('邵');
		expect(u.searchParams.get('embed')).toBe('sangong-yoy');
		expect(u.hash).toBe('');
	});
	it('refuses ids the page script would not accept', () => {
		expect(() => embedUrl('https://x/', 'a"><b')).toThrow();
		expect(() => embedUrl('https://x/', '')).toThrow();
	});
	it('the snippet is an iframe whose attributes cannot be broken out of', () => {
		const s = embedSnippet('https://x/a/?embed=c&from=2022', '三公 "决算" <与> 预算', 320);
		expect(s).toBe(
			'<iframe src="https://x/a/?embed=c&amp;from=2022" title="三公 &quot;决算&quot; &lt;与> 预算" width="100%" height="480" style="border:0" loading="lazy"></iframe>'
		);
	});
});

describe('Content-Security-Policy', () => {
	const d = contentSecurityPolicy!.directives!;
	it('allows only this origin (plus data:/blob: images and the blob: worker)', () => {
		for (const [name, values] of Object.entries(d))
			for (const v of values as string[])
				expect([name, v]).not.toEqual([name, expect.stringMatching(/https?:|\*/)]);
		expect(d['connect-src']).toEqual(['self']);
		expect(d['worker-src']).toEqual(['self', 'blob:']);
		expect(d['object-src']).toEqual(['none']);
		expect(d['script-src']).not.toContain('unsafe-eval');
		expect(d['script-src']).not.toContain('unsafe-inline');
	});
	it('carries the hash of the inline script of src/app.html, as the browser computes it', () => {
		const html = readFileSync('src/app.html', 'utf8');
		const body = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
		const hash = `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
		expect(appHtmlScriptHashes()).toEqual([hash]);
		expect(d['script-src']).toContain(hash);
		// A changed script gets another hash (the policy follows the file).
		expect(appHtmlScriptHashes(html.replace('embed=', 'embedx='))).not.toEqual([hash]);
	});
});
