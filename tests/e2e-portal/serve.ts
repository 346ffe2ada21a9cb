/**
 * A plain static server for the portal tests: serves a web root (default build-portal/, where
 * the site sits at xxgk/jxpj/) the way a portal's server would — files only, `dir/` →
 * `dir/index.html`, 404 for everything else (so a URL that escapes the sub-path fails), the MIME
 * types of the README's deploy notes. Also answers for a fake “other site” the tests use to prove
 * requests to another origin are refused: `/__other/hits` counts what reached `/__other/*`.
 *
 *   tsx tests/e2e-portal/serve.ts ROOT PORT
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { sendStatic } from '../../scripts/lib/static-file';

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
	sendStatic(res, root, decodeURIComponent(url.pathname));
}).listen(Number(portArg), '127.0.0.1');
