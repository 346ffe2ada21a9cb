/**
 * The build-time SVG keeps its text styling intact. ECharts writes the font stack into a
 * double-quoted `style` attribute without escaping, so a font name in double quotes ended the
 * attribute early: the prerendered charts' text fell back to the browser's default font (not
 * Chinese on Linux: per-character font fallback cost ~50 ms of the first paint of `/`).
 */
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { executionRates } from '../../../src/lib/charts/options/execution';
import { FONT_FAMILY } from '../../../src/lib/charts/options/common';
import { renderSvg } from '../../../src/lib/charts/ssr-render';

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[] };
function texts(n: Node, out: Node[] = []): Node[] {
	if (n.name === 'text') out.push(n);
	for (const c of n.children ?? []) texts(c, out);
	return out;
}

describe('prerendered SVG', () => {
	const spec = executionRates(
		[
			{
				org_id: 'o1',
				org_name: '常德市鼎城区财政局',
				year: 2023,
				report_id: 'r1',
				budget_initial: 100,
				budget_full_year: 120,
				executed: 105,
				rate: 0.875,
				rate_computed: 0.875,
				rate_reported: null,
				adjustment: 0.2,
				flagged: false
			}
		],
		1
	);
	const svg = renderSvg(spec.option, 400, 240);
	const nodes = texts(parseDocument(svg) as unknown as Node);

	it('has text, and every text element carries the whole font stack and nothing else', () => {
		expect(nodes.length).toBeGreaterThan(2);
		for (const t of nodes) {
			const attrs = Object.keys(t.attribs ?? {});
			expect(
				attrs.every((a) => /^[a-z:-]+$/.test(a)),
				attrs.join(' ')
			).toBe(true);
			expect(t.attribs?.style).toContain(`font-family:${FONT_FAMILY}`);
		}
	});

	it('has no <style> element (hover rules would apply page-wide in HTML)', () => {
		expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
		expect(svg).not.toContain('<style');
	});
});
