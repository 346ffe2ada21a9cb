/**
 * The benchmarks' static server on a free loopback port: a build at the root, other folders
 * mounted over parts of it (the floor page at `/__floor/`, another corpus's `/tables/`).
 * Without compression, like `npm run serve`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sendStatic } from '../lib/static-file';

export interface Served {
	readonly server: Server;
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	readonly origin: string;
}

/** `mounts`: [`/prefix/`, folder]; the first whose prefix starts the path wins, else `root`. */
export function serve(root: string, mounts: readonly [prefix: string, dir: string][] = []): Promise<Served> {
	const server = createServer((req, res) => {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p)) ?? ['/', root];
		sendStatic(res, path.resolve(dir), pathname.slice(prefix.length - 1));
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
		)
	);
}
