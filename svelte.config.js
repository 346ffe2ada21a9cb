import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicy } from './src/lib/csp.js';

/*
 * Environment (all optional; `npm run build` needs none of them):
 *   BASE_PATH    the sub-path the site is served from, e.g. /xxgk/jxpj (links stay relative too)
 *   SITE_OUT     output folder instead of build/ (scripts/build-site.ts puts extra builds elsewhere)
 *   SITE_STATIC  static folder instead of static/ (one holding another corpus's datasets/)
 *   SITE_KIT_DIR SvelteKit's work folder instead of .svelte-kit/ (so extra builds run alongside)
 */
/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			pages: process.env.SITE_OUT ?? 'build',
			assets: process.env.SITE_OUT ?? 'build',
			fallback: undefined,
			strict: true
		}),
		files: { assets: process.env.SITE_STATIC ?? 'static' },
		outDir: process.env.SITE_KIT_DIR ?? '.svelte-kit',
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		csp: contentSecurityPolicy,
		// Every page's CSS (8–15 KB) goes into its HTML: render-blocking stylesheet requests held
		// the first paint back, and Chromium laid the page out in fallback fonts while they loaded.
		inlineStyleThreshold: 32 * 1024,
		prerender: {
			handleHttpError: 'fail',
			// A department page's numbers link to their own quotes (`#quote-…`, opened by the page's
			// script, and kept in the address when clicked before the page is live). Those links
			// within the page itself need no element; every other missing id still fails the build.
			handleMissingId: ({ path, id, referrers, message }) => {
				if (id.startsWith('quote-') && referrers.every((r) => r === path)) return;
				throw new Error(message);
			}
		}
	}
};

export default config;
