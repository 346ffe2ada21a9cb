/**
 * What the measuring tools' command lines share: where they load pages — a running server
 * (`--url`, e.g. `npx sirv build`) or a build folder served on a free loopback port (`--build`,
 * build/ by default) —, whole-number options, and errors as one line and an exit code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../lib/cli-error';
import { serve } from './serve';

export interface TargetOptions {
	url?: string;
	build: string;
}

export const targetOptions = (program: Command): Command =>
	program
		.option('--url <url>', 'the site as served already (e.g. http://127.0.0.1:4173); else --build is served')
		.option('--build <dir>', 'the build to serve when no --url is given', 'build');

/** The site's base URL (no trailing slash) and how to let go of it when done. */
export async function openTarget(o: TargetOptions): Promise<{ base: string; close: () => void }> {
	if (o.url) {
		if (!URL.canParse(o.url)) throw new CliError(`--url ${o.url} is not a URL`, { exitCode: 2 });
		return { base: o.url.replace(/\/+$/, ''), close: () => {} };
	}
	const dir = path.resolve(o.build);
	if (!existsSync(path.join(dir, 'index.html')))
		throw new CliError(`${o.build} holds no site: run \`npx vite build\` first, or give --url`, {
			exitCode: 2
		});
	const { server, origin } = await serve(dir);
	return { base: origin, close: () => server.close() };
}

/** The URL of a route (`/sangong/`) on the site. */
export const routeUrl = (base: string, route: string): string => `${base}/${route.replace(/^\/+/, '')}`;

/** A commander parser for a whole-number option of at least `min`. */
const wholeNumber =
	(min: number) =>
	(name: string) =>
	(v: string): number => {
		const n = Number(v);
		if (!Number.isInteger(n) || n < min)
			throw new CliError(`${name} must be a whole number ≥ ${min}, got ${v}`, { exitCode: 2 });
		return n;
	};
export const positiveInt = wholeNumber(1);
export const nonNegativeInt = wholeNumber(0);

/** Runs a tool's main; a CliError ends it with its message and exit code, anything else with its stack. */
export function runCli(main: () => Promise<void>): void {
	main().catch((e: unknown) => {
		console.error(e instanceof CliError ? e.message : e);
		process.exit(e instanceof CliError ? e.exitCode : 1);
	});
}
