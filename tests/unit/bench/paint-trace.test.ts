import { describe, expect, it } from 'vitest';
import { type TraceEvent, summarizePaintTrace } from '../../../scripts/bench/paint-trace';

const R = { pid: 2, tid: 7 };
const x = (name: string, ts: number, dur: number, at = R): TraceEvent => ({ name, ph: 'X', ts, dur, ...at });

describe('summarizePaintTrace: the main thread from navigation start to first paint', () => {
	const trace: TraceEvent[] = [
		{ name: 'thread_name', ph: 'M', ts: 0, ...R, args: { name: 'CrRendererMain' } },
		{ name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 8, args: { name: 'Compositor' } },
		x('RunTask', 500, 400), // before navigation start: not this page's
		{ name: 'navigationStart', ph: 'R', ts: 1_000, ...R },
		x('RunTask', 1_000, 3_000),
		x('ParseHTML', 1_100, 2_000),
		x('RunTask', 1_200, 500), // nested in the task before: counted once
		x('RunTask', 5_000, 2_000),
		x('UpdateLayoutTree', 5_100, 700),
		x('Layout', 5_900, 1_000),
		x('Layout', 6_000, 50, { pid: 2, tid: 8 }), // another thread
		{ name: 'firstContentfulPaint', ph: 'R', ts: 8_000, ...R },
		x('RunTask', 9_000, 5_000), // after the paint
		x('Layout', 9_100, 4_000)
	];

	it('sums top-level tasks once and the named events by label', () => {
		const s = summarizePaintTrace(trace)!;
		expect(s.busyMs).toBe(5);
		expect(s.events['HTML parse']).toEqual({ ms: 2, count: 1 });
		expect(s.events.style).toEqual({ ms: 0.7, count: 1 });
		expect(s.events.layout).toEqual({ ms: 1, count: 1 });
		expect(s.events.paint).toEqual({ ms: 0, count: 0 });
	});

	it('is null without a first contentful paint', () => {
		expect(summarizePaintTrace(trace.filter((e) => e.name !== 'firstContentfulPaint'))).toBeNull();
	});
});
