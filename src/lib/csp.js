/**
 * The Content-Security-Policy of every page (SvelteKit writes it as a <meta http-equiv> into the
 * prerendered HTML, with hashes of its own inline bootstrap script). Only this site's origin:
 *
 * - script-src 'wasm-unsafe-eval': DuckDB-WASM compiles its .wasm (nothing may eval JavaScript);
 *   plus the hash of the one inline script of src/app.html (the embed switch, see src/lib/embed.ts);
 * - worker-src 'self' blob:: the DuckDB worker is started from a blob: that only importScripts()
 *   the self-hosted worker file — a worker made from a blob: inherits this policy, so the engine's
 *   own requests (a SQL `read_csv('https://…')`) are held to connect-src 'self' too; a worker
 *   started straight from its URL runs with no policy at all on a static server (checked in
 *   Chromium: its request to another origin went out);
 * - connect-src 'self': datasets, derived tables and the wasm come from the site only;
 * - img-src data: blob:: PNG downloads and ECharts' exported images are made in the page;
 * - style-src 'unsafe-inline': prerendered ECharts SVG and Svelte `style:` write style attributes,
 *   which hashes cannot cover; with img-src/font-src/connect-src limited to 'self', inline CSS
 *   cannot send anything anywhere.
 *
 * frame-ancestors cannot be set from a <meta> (browsers ignore it there): a portal that wants to
 * limit who may frame the pages sends it as an HTTP header (see the README's deploy notes).
 *
 * Plain JavaScript because svelte.config.js imports it.
 */
import { readFileSync } from 'node:fs';
import { scriptHash } from './script-hash.js';

/** `sha256-…` of every inline <script> in src/app.html. */
export function appHtmlScriptHashes(html = readFileSync(new URL('../app.html', import.meta.url), 'utf8')) {
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => scriptHash(m[1]));
}

/** @type {import('@sveltejs/kit').KitConfig['csp']} */
export const contentSecurityPolicy = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval', ...appHtmlScriptHashes()],
		'worker-src': ['self', 'blob:'],
		'connect-src': ['self'],
		'img-src': ['self', 'data:', 'blob:'],
		'style-src': ['self', 'unsafe-inline'],
		'font-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};
