import type { Handle } from '@sveltejs/kit';

/**
 * No `<link rel="modulepreload">` for the app's ~24 modules. Their responses arrive while
 * Chromium parses and lays out the prerendered page and push the first paint back: `/` with
 * JavaScript on, 25 interleaved cold loads, 204 → 160 ms median (BENCHMARKS.md, session 10).
 * The bootstrap's own imports still load the same modules; the page goes live no later.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { preload: ({ type }) => type !== 'js' });
