/**
 * Embeds: any chart of any page shows alone when the page's URL has `?embed=<chart id>` (the
 * filters in the same query still apply), for an <iframe> on a portal. The inline script of
 * src/app.html hides everything else before the page paints; app.css hides the site's header,
 * filter bar and footer, and the layout's source line appears instead. Nothing stops framing
 * (no frame-busting); a portal may restrict it with a frame-ancestors header.
 */

/** Chart ids are `[a-z0-9-]`: the app.html script accepts nothing else. */
const CHART_ID = /^[a-z0-9-]{1,64}$/;

/** The chart this page is embedding, if any (set by the app.html script). */
export function embeddedChart(): string | null {
	if (typeof document === 'undefined') return null;
	return document.documentElement.dataset.embed ?? null;
}

/** The page's URL with its filters kept and `embed=<id>` set (absolute, for another site). */
export function embedUrl(href: string, chartId: string): string {
	if (!CHART_ID.test(chartId)) throw new Error(`chart id ${chartId} cannot be embedded`);
	const url = new URL(href);
	url.hash = '';
	url.searchParams.set('embed', chartId);
	return url.href;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The <iframe> a portal pastes; tall enough for the chart, its notes and the 数据表 toggle. */
export function embedSnippet(url: string, title: string, chartHeight: number): string {
	const h = chartHeight + 160;
	return `<iframe src="${attr(url)}" title="${attr(title)}" width="100%" height="${h}" style="border:0" loading="lazy"></iframe>`;
}
