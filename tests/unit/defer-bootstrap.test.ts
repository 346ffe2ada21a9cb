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

/**
 * Runs the page's bootstrap with the browser's scheduling functions, paint timing and `import()`
 * stubbed. `paintTiming`: whether the browser reports paint entries.
 */
function run(html: string, paintTiming = true) {
	const frames: (() => void)[] = [];
	const timers: { fn: () => void; ms: number }[] = [];
	const observers: ((list: { getEntriesByName: (n: string) => object[] }) => void)[] = [];
	const imported: string[] = [];
	const started: unknown[] = [];
	const kit = { start: (_app: unknown, element: unknown) => started.push(element) };
	const element = { id: 'body-div' };
	class PerformanceObserver {
		static supportedEntryTypes = paintTiming ? ['paint', 'resource'] : ['resource'];
		constructor(private cb: (typeof observers)[number]) {}
		observe(o: { type: string; buffered: boolean }) {
			expect(o).toEqual({ type: 'paint', buffered: true });
			observers.push(this.cb);
		}
	}
	runInNewContext(bootstrapOf(html).replaceAll('import(', '__import('), {
		location: 'https://portal.example/xxgk/',
		URL,
		Promise,
		PerformanceObserver,
		document: { currentScript: { parentElement: element } },
		requestAnimationFrame: (fn: () => void) => frames.push(fn),
		setTimeout: (fn: () => void, ms = 0) => timers.push({ fn, ms }),
		__import: (path: string) => {
			imported.push(path);
			return Promise.resolve(path.includes('start') ? kit : {});
		}
	});
	/** The browser reports a paint entry of this name to the page's observers. */
	const paint = (name: string) =>
		observers.forEach((cb) => cb({ getEntriesByName: (n) => (n === name ? [{ name }] : []) }));
	const settle = () => new Promise((r) => setImmediate(r));
	const fire = (ms: number) => timers.filter((t) => t.ms === ms).forEach((t) => t.fn());
	return { frames, imported, started, element, paint, settle, fire };
}

describe('deferBootstrap', () => {
	it('imports the app only after the first contentful paint, then starts it on the same element', async () => {
		const r = run(deferBootstrap(page(BOOTSTRAP)));
		await r.settle();
		expect(r.imported).toEqual([]);
		r.paint('first-paint'); // a paint without content is not it
		r.fire(0);
		await r.settle();
		expect(r.imported).toEqual([]);
		r.paint('first-contentful-paint'); // queues a task
		await r.settle();
		expect(r.imported).toEqual([]);
		r.fire(0);
		await r.settle();
		expect(r.imported).toEqual(['./_app/immutable/entry/start.AAA.js', './_app/immutable/entry/app.BBB.js']);
		expect(r.started).toEqual([r.element]);
		expect(r.frames).toEqual([]);
		// The 300 ms fallback firing later does not start the app twice.
		r.fire(300);
		await r.settle();
		expect(r.started).toHaveLength(1);
	});

	it('without paint timing, waits for the first frame instead', async () => {
		const r = run(deferBootstrap(page(BOOTSTRAP)), false);
		await r.settle();
		expect(r.imported).toEqual([]);
		expect(r.frames).toHaveLength(1);
		r.frames[0]();
		r.fire(0);
		await r.settle();
		expect(r.started).toHaveLength(1);
	});

	it('starts after 300 ms in a tab or iframe that paints nothing', async () => {
		const r = run(deferBootstrap(page(BOOTSTRAP)));
		r.fire(300);
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

	it('recognises the dev server’s bootstrap too (its object also holds `env: {}`)', async () => {
		const dev = BOOTSTRAP.replace('pathname.slice(0, -1)\n', 'pathname.slice(0, -1),\n\t\t\t\t\t\tenv: {}\n');
		expect(dev).toContain('env: {}');
		const r = run(deferBootstrap(page(dev)));
		await r.settle();
		expect(r.imported).toEqual([]);
		r.fire(300);
		await r.settle();
		expect(r.started).toHaveLength(1);
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
