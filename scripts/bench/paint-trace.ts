/**
 * What the renderer's main thread did before first paint, from a Chromium trace: how long it was
 * busy, and the time of the events that dominate a static page's
 * first paint (style, layout, font lookups, HTML parse, script) — where BENCHMARKS.md's
 * “where the remaining time goes” figures come from.
 */

/** A trace event, the fields read here (Chrome's Trace Event Format). */
export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: Record<string, unknown>;
}

/** Trace categories that hold the events below. */
export const PAINT_TRACE_CATEGORIES = [
	'devtools.timeline',
	'blink',
	'blink.user_timing',
	'fonts',
	'v8',
	'disabled-by-default-devtools.timeline'
];

/**
 * Event name → its label. They nest (a forced style and layout holds style and layout; each font
 * lookup is an IPC to the browser process on Linux), so the times do not add up to `busy`.
 */
export const PAINT_EVENTS: Record<string, string> = {
	UpdateLayoutTree: 'style',
	Layout: 'layout',
	'Blink.ForcedStyleAndLayout.UpdateTime': 'forced style + layout',
	'InlineNode::ShapeTextIncludingFirstLine': 'text shaping',
	'FontCache::GetFontPlatformData': 'font lookup',
	'FontCache::FallbackFontForCharacter': 'font fallback',
	ParseHTML: 'HTML parse',
	'v8.compile': 'script compile',
	EvaluateScript: 'script evaluate',
	'v8.evaluateModule': 'module evaluate',
	Paint: 'paint'
};

export interface PaintSummary {
	/** Main-thread time in top-level tasks from navigation start to first paint (nested ones counted once). */
	busyMs: number;
	/** By label: total ms and number of events in that span. */
	events: Record<string, { ms: number; count: number }>;
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The renderer's main-thread work that started between navigation start (the trace's start when
 * it holds none) and the first contentful paint. Null when the trace holds no such paint.
 */
export function summarizePaintTrace(events: readonly TraceEvent[]): PaintSummary | null {
	const fcp = events.find((e) => e.name === 'firstContentfulPaint');
	if (!fcp) return null;
	const main = events.find(
		(e) => e.name === 'thread_name' && e.pid === fcp.pid && e.args?.name === 'CrRendererMain'
	);
	if (!main) return null;
	const from = events.find((e) => e.name === 'navigationStart' && e.pid === fcp.pid)?.ts ?? -Infinity;
	const span = events.filter(
		(e) => e.pid === fcp.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= from && e.ts <= fcp.ts
	);
	const tasks = span.filter((e) => TOP_LEVEL.has(e.name)).sort((a, b) => a.ts - b.ts);
	let end = -Infinity;
	let busy = 0;
	for (const t of tasks) {
		if (t.ts < end) continue; // nested in the task before
		busy += t.dur ?? 0;
		end = t.ts + (t.dur ?? 0);
	}
	const out: PaintSummary = {
		busyMs: busy / 1000,
		events: Object.fromEntries(Object.values(PAINT_EVENTS).map((label) => [label, { ms: 0, count: 0 }]))
	};
	for (const e of span) {
		const label = PAINT_EVENTS[e.name];
		if (!label) continue;
		out.events[label].ms += (e.dur ?? 0) / 1000;
		out.events[label].count++;
	}
	return out;
}
