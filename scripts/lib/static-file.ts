/**
 * One file of a web root, answered the way a plain static server (and a portal's) does: files
 * only, `dir/` → `dir/index.html`, 404 for anything else, the MIME types of the README's deploy
 * notes, no caching. Shared by the benchmarks' server and the portal tests' server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { MIME } from './mime';

/** `root` absolute; `pathname` decoded, relative to it. */
export function sendStatic(res: ServerResponse, root: string, pathname: string): void {
	let file = path.join(root, pathname);
	if (!file.startsWith(root)) return void res.writeHead(403).end();
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
	res.writeHead(200, {
		'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
		'content-length': statSync(file).size,
		'cache-control': 'no-cache'
	});
	createReadStream(file).pipe(res);
}
