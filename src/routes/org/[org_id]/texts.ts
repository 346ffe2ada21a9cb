/** Normalized report texts (facts' spans point into them), fetched once per report. */
import { base } from '$app/paths';
import { fetchOk } from '$lib/fetch-ok';

const cache = new Map<string, Promise<string>>();

export function loadReportText(reportId: string): Promise<string> {
	let p = cache.get(reportId);
	if (!p) {
		const url = new URL(`${base}/datasets/texts/${encodeURIComponent(reportId)}.txt`, location.href);
		p = fetchOk(url).then((r) => r.text());
		p.catch(() => cache.delete(reportId));
		cache.set(reportId, p);
	}
	return p;
}
