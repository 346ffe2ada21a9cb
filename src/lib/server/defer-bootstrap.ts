import { scriptHash } from '../script-hash.js';

/**
 * SvelteKit's inline bootstrap imports the app as soon as the parser reaches it: on a 2-core
 * machine the modules' compile and evaluation then share the CPU with the first frame's layout
 * and rasterization (CJK glyphs) and hold back the first paint of the prerendered charts.
 * `deferBootstrap` makes the imports wait until the page has painted: the `first-contentful-paint`
 * entry where the browser reports paint timing, else the first frame; at most 300 ms (a tab in
 * the background paints nothing). Measured: BENCHMARKS.md, session 10.
 *
 * The bootstrap's hash in the page's Content-Security-Policy is replaced by the new text's:
 * SvelteKit hashed the text it wrote.
 */

/**
 * The bootstrap up to its imports, as SvelteKit 2 writes it: `{ __sveltekit_… = { base, env: {…} }; const element
 * = …; Promise.all([ import(…), import(…) ]).then(([kit, app]) => { kit.start(app, element, {…}); }); }`.
 * Anchored at the start: the page's data (report text) follows and may hold anything.
 */
const HEAD =
	/^\s*\{\s*__sveltekit_\w+ = \{(?:[^{}]|\{[^{}]*\})*\};\s*const element = document\.currentScript\.parentElement;\s*(?=Promise\.all\(\[)/;
/** The end: the `.then` call's `});`, then the block's `}`. */
const TAIL = /\}\);\s*\}\s*$/;
/** Browser code (ES2017, like the bootstrap): a promise that resolves once the page has painted. */
const AFTER_PAINT = `new Promise((r) => {
	const types = PerformanceObserver.supportedEntryTypes || [];
	if (types.includes('paint'))
		new PerformanceObserver((l) => {
			if (l.getEntriesByName('first-contentful-paint').length) setTimeout(r);
		}).observe({ type: 'paint', buffered: true });
	else requestAnimationFrame(() => setTimeout(r));
	setTimeout(r, 300);
}).then(() => `;

/** A script's hash as a CSP source: quoted. */
const cspSource = (text: string) => `'${scriptHash(text)}'`;

/** The page with its SvelteKit bootstrap deferred; a page without one is returned as it is. */
export function deferBootstrap(html: string): string {
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].filter((m) =>
		m[1].includes('kit.start(')
	);
	if (scripts.length === 0) return html;
	if (scripts.length > 1) throw new Error('deferBootstrap: more than one SvelteKit bootstrap in the page');
	const [whole, text] = scripts[0];
	const head = HEAD.exec(text);
	const tail = TAIL.exec(text);
	if (!head || !tail) {
		throw new Error(
			`deferBootstrap: SvelteKit bootstrap not recognised (did its template change?): ${text.trim().slice(0, 200)}`
		);
	}
	const at = head[0].length;
	const deferred = `${text.slice(0, at)}${AFTER_PAINT}${text.slice(at, tail.index)}}));${text.slice(tail.index + 3)}`;
	// Replaced by functions: the data may hold `$&`-like patterns.
	let out = html.replace(whole, () => `<script>${deferred}</script>`);
	if (out.includes('http-equiv="content-security-policy"')) {
		const before = cspSource(text);
		if (!out.includes(before)) throw new Error('deferBootstrap: the bootstrap’s hash is not in the CSP');
		out = out.replace(before, () => cspSource(deferred));
	}
	return out;
}
