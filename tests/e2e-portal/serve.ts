/**
 * A plain static server for the portal tests: serves a web root (default build-portal/, where
 * the site sits at xxgk/jxpj/) the way a portal's server would — files only, `dir/` →
 * `dir/index.html`, 404 for everything else (so a URL that escapes the sub-path fails), the MIME
 * types of the README's deploy notes. Also answers for a fake “other site” the tests use to prove
 * requests to another origin are refused: `/__other/hits` counts what reached `/__other/*`.
 *
 *   tsx tests/e2e-portal/serve.ts ROOT PORT
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { MIME } from '../../scripts/lib/mime';

const [rootArg = 'build-portal', portArg = '4174'] = process.argv.slice(2);
const root = path.resolve(rootArg);

let otherHits = 0;

createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://x');
	if (url.pathname === '/__other/hits') return void res.writeHead(200).end(String(otherHits));
	if (url.pathname.startsWith('/__other/')) {
		otherHits++;
		return void res.writeHead(200, { 'access-control-allow-origin': '*' }).end('other site');
	}
	let file = path.join(root, decodeURIComponent(url.pathname));
	if (!file.startsWith(root)) return void res.writeHead(403).end();
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
	res.writeHead(200, {
		'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
		'content-length': statSync(file).size,
		'cache-control': 'no-cache'
	});
	createReadStream(file).pipe(res);
}).listen(Number(portArg), '127.0.0.1');
