import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Charts are rendered to SVG at build time by `src/lib/charts/ssr-render.ts`, which pulls in
 * ECharts. In the browser bundle that module is replaced by a stub, so a page's initial
 * JavaScript does not carry ECharts (the live charts import it lazily).
 */
function serverOnlyChartRenderer(): Plugin {
	const real = fileURLToPath(new URL('./src/lib/charts/ssr-render.ts', import.meta.url));
	return {
		name: 'jx:server-only-chart-renderer',
		enforce: 'pre',
		load(id, options) {
			if (id.split('?')[0] !== real) return null;
			const ssr = options?.ssr ?? this.environment?.config.consumer === 'server';
			if (ssr) return null;
			return 'export function renderSvg() { return ""; }\n';
		}
	};
}

export default defineConfig({
	plugins: [serverOnlyChartRenderer(), sveltekit()],
	server: { fs: { allow: ['data'] } },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/sql/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		env: { TZ: 'Asia/Shanghai' },
		expect: { requireAssertions: true }
	}
});
