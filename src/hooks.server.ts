import type { Handle } from '@sveltejs/kit';
import { deferBootstrap } from '$lib/server/defer-bootstrap';

/**
 * Nothing of the app's JavaScript competes with the prerendered page's first paint:
 * - no `<link rel="modulepreload">` for its ~24 modules: their responses arrived while Chromium
 *   parsed and laid out the page (`/`, 25 interleaved cold loads: 204 → 160 ms median);
 * - the bootstrap imports the app once the page has painted (deferBootstrap).
 * The bootstrap's imports load the same modules; the page goes live no later (BENCHMARKS.md,
 * session 10).
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: ({ type }) => type !== 'js',
		transformPageChunk: ({ html }) => deferBootstrap(html)
	});
