/**
 * Web Worker: parses dropped report files with the ingest's own code (src/lib/read + extract),
 * off the main thread so the page stays responsive. Nothing leaves the browser.
 */
import { errorMessage } from '../error-message';
import { extractReport } from '../extract/index';
import type { ExtractedRows } from '../extract/types';
import { parseReport } from '../read/parse-report';
import { sha256Hex } from '../read/sha256';
import type { ParsedFile, ParseRequest } from './types';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
	postMessage(m: ParsedFile): void;
};

scope.onmessage = async (e) => {
	const { id, name, bytes: buffer } = e.data;
	const bytes = new Uint8Array(buffer);
	const base = { id, name, size: bytes.length };
	try {
		const sha256 = sha256Hex(bytes);
		const out = await parseReport(bytes, name, sha256, { extract: extractReport });
		if (out.status !== 'ok') {
			scope.postMessage({ ...base, sha256, ms: out.ms, status: out.status, reason: out.reason });
			return;
		}
		const r = out.result;
		// The rows only (no `ok`, no text: fact and finding quotes carry what the page shows).
		const rows: ExtractedRows = {
			reports: r.reports,
			org: r.org,
			sangong: r.sangong,
			spending: r.spending,
			indicators: r.indicators,
			projects: r.projects,
			facts: r.facts,
			findings: r.findings
		};
		scope.postMessage({ ...base, sha256, ms: out.ms, status: 'ok', rows });
	} catch (err) {
		// parseReport does not throw; if it ever does, this file fails and the others go on.
		scope.postMessage({
			...base,
			sha256: '',
			ms: { read: 0, extract: 0 },
			status: 'failed',
			reason: `处理出错 (worker error): ${errorMessage(err)}`
		});
	}
};
