import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/lib/chromium';

/** A port nobody listens on; fixed for the whole run (workers inherit it through the env). */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_PORTAL_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);
const portalPort = Number(process.env.E2E_PORTAL_PORT);
const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: CHROMIUM_LAUNCH
};

export default defineConfig({
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	// A 2-core machine shared with others: one browser at a time keeps timings honest.
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'off'
	},
	projects: [
		// The default build (build/, `npm run build`), served at the root.
		{ name: 'chromium', testDir: 'tests/e2e', use: chromium },
		// The portal build (`npm run build:portal`: sub-path /xxgk/jxpj + the hostile payload
		// reports) in build-portal/xxgk/jxpj/, served from the web root build-portal/.
		{
			name: 'portal',
			testDir: 'tests/e2e-portal',
			use: { ...chromium, baseURL: `http://127.0.0.1:${portalPort}/xxgk/jxpj/` }
		}
	],
	webServer: [
		{
			// The built site (npm run build first), served like `npm run serve` but on a free port.
			command: `npx sirv build --host 127.0.0.1 --port ${port}`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: false,
			timeout: 30_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			// Files only, 404 for anything else — what a portal's web server does.
			command: `npx tsx tests/e2e-portal/serve.ts build-portal ${portalPort}`,
			url: `http://127.0.0.1:${portalPort}/__other/hits`,
			reuseExistingServer: false,
			timeout: 30_000,
			stdout: 'ignore',
			stderr: 'pipe'
		}
	]
});
