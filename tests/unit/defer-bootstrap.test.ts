/** The prerendered pages' SvelteKit bootstrap, deferred until after the first frame. */
import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deferBootstrap } from '../../src/lib/server/defer-bootstrap';

// The bootstrap as SvelteKit 2 writes it into a prerendered page (build/index.html, shortened data).
const BOOTSTRAP = `
				{
					__sveltekit_x1 = {
						base: new URL(".", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("./_app/immutable/entry/start.AAA.js"),
						import("./_app/immutable/entry/app.BBB.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [{type:"data",data:{note:"}); $' $& Promise.all([ kit"},uses:{}}],
							form: null,
							error: null
						});
					});
				}
			`;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (bootstrap: string, csp = true) =>
	`<!doctype html><html><head><script>var embed = 1;</script>${
		csp
			? `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-embed' ${hash(bootstrap)}">`
			: ''
	}</head><body><div style="display: contents"><p>正文</p><script>${bootstrap}</script></div></body></html>`;
const bootstrapOf = (html: string) =>
	[...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((t) => t.includes('kit.start('))!;

/** Runs the page's bootstrap with the browser's scheduling functions and `import()` stubbed. */
function run(html: string) {
	const frames: (() => void)[] = [];
	const timers: { fn: () => void; ms: number }[] = [];
	const imported: string[] = [];
	const started: unknown[] = [];
	const kit = { start: (_app: unknown, element: unknown) => started.push(element) };
	const element = { id: 'body-div' };
	runInNewContext(bootstrapOf(html).replaceAll('import(', '__import('), {
		location: 'https://portal.example/xxgk/',
		URL,
		Promise,
		document: { currentScript: { parentElement: element } },
		requestAnimationFrame: (fn: () => void) => frames.push(fn),
		setTimeout: (fn: () => void, ms = 0) => timers.push({ fn, ms }),
		__import: (path: string) => {
			imported.push(path);
			return Promise.resolve(path.includes('start') ? kit : {});
		}
	});
	const settle = () => new Promise((r) => setImmediate(r));
	return { frames, timers, imported, started, element, settle };
}

describe('deferBootstrap', () => {
	it('imports the app only after the first frame, then starts it on the same element', async () => {
		const r = run(deferBootstrap(page(BOOTSTRAP)));
		await r.settle();
		expect(r.imported).toEqual([]);
		expect(r.frames).toHaveLength(1);
		r.frames[0](); // the frame: its callback queues a task
		await r.settle();
		expect(r.imported).toEqual([]);
		r.timers.find((t) => t.ms === 0)!.fn();
		await r.settle();
		expect(r.imported).toEqual(['./_app/immutable/entry/start.AAA.js', './_app/immutable/entry/app.BBB.js']);
		expect(r.started).toEqual([r.element]);
		// The 100 ms fallback firing later does not start the app twice.
		r.timers.find((t) => t.ms === 100)!.fn();
		await r.settle();
		expect(r.started).toHaveLength(1);
	});

	it('starts after 100 ms in a tab or iframe that draws no frame', async () => {
		const r = run(deferBootstrap(page(BOOTSTRAP)));
		r.timers.find((t) => t.ms === 100)!.fn();
		await r.settle();
		expect(r.started).toHaveLength(1);
	});

	it('the unchanged bootstrap would import at once (what the test above tells apart)', async () => {
		const r = run(page(BOOTSTRAP));
		await r.settle();
		expect(r.imported).toHaveLength(2);
	});

	it("replaces the bootstrap's hash in the CSP by the new text's and keeps the others", () => {
		const out = deferBootstrap(page(BOOTSTRAP));
		const csp = /content="([^"]*)"/.exec(out)![1];
		expect(csp).toContain(hash(bootstrapOf(out)));
		expect(csp).not.toContain(hash(BOOTSTRAP));
		expect(csp).toContain("'sha256-embed'");
		expect(out).toContain('<script>var embed = 1;</script>');
		expect(out).toContain('<p>正文</p>');
		// Report text in the data comes through as it was, `$` patterns and code-like text included.
		expect(bootstrapOf(out)).toContain('note:"}); $\' $& Promise.all([ kit"');
	});

	it('leaves a page without a bootstrap, or without a CSP, as it is apart from the script', () => {
		const plain = '<!doctype html><html><body><p>x</p><script>var a = 1;</script></body></html>';
		expect(deferBootstrap(plain)).toBe(plain);
		const out = deferBootstrap(page(BOOTSTRAP, false));
		expect(out).not.toContain('content-security-policy');
		expect(bootstrapOf(out)).toContain('requestAnimationFrame');
	});

	it('refuses a bootstrap it does not recognise, and a CSP that lacks its hash', () => {
		expect(() => deferBootstrap(page(BOOTSTRAP.replace('Promise.all([', 'Promise.allSettled([')))).toThrow(
			/not recognised/
		);
		expect(() => deferBootstrap(page(BOOTSTRAP).replace(hash(BOOTSTRAP), "'sha256-other'"))).toThrow(
			/hash is not in the CSP/
		);
	});
});
