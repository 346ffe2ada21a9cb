/**
 * npm run build:portal — the site the portal tests serve: the default reports plus the hostile
 * payload reports (tests/hostile/corpus.ts), built for the sub-path /xxgk/jxpj into
 * build-portal/xxgk/jxpj/ (web root build-portal/). One extra build serves both the sub-path and
 * the “report text is data” tests; the default build/ stays payload-free.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { writePayloadReports } from '../hostile/corpus';
import { PORTAL_BASE, PORTAL_ROOT } from './portal';

const REPORTS = `${PORTAL_ROOT}.reports`;

rmSync(REPORTS, { recursive: true, force: true });
writePayloadReports(REPORTS);
const r = spawnSync(
	'npx',
	['tsx', 'scripts/build-site.ts', '--out', PORTAL_ROOT, '--base', PORTAL_BASE, 'data/reports/', REPORTS],
	{ stdio: 'inherit' }
);
process.exit(r.status ?? 1);
