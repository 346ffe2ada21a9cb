/** A department's own charts (its page): 三公 by item across years. */
import { SANGONG_ITEMS, type Row } from '../../schema/tables';
import { basisLabel, formatWanExact, itemLabel } from '../../format';
import type { ECOption } from '../echarts';
import type { ChartSpec } from '../spec';
import { PALETTE, baseOption, escapeHtml, markNotes, markStyle } from './common';
import { legendBelow } from './legend';

/** Grouped bars: the department's 三公 (决算, department level) per item and year. */
export function orgSangong(rows: readonly Row<'sangong'>[]): ChartSpec {
	const own = rows.filter((r) => r.unit == null && r.basis === 'actual' && r.amount_wan != null);
	// One value per year and item: stated beats derived.
	const best = new Map<string, Row<'sangong'>>();
	for (const r of own) {
		const k = `${r.year}|${r.item}`;
		const cur = best.get(k);
		if (!cur || (cur.derived && !r.derived)) best.set(k, r);
	}
	const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
	const items = Object.keys(SANGONG_ITEMS).filter((i) => own.some((r) => r.item === i));
	const option: ECOption = {
		...baseOption(),
		...legendBelow(),
		tooltip: {
			...baseOption().tooltip,
			trigger: 'item',
			formatter: (p: unknown) => {
				const d = p as { seriesName: string; name: string; data: { derived?: boolean; value: number } };
				return `<div style="font-weight:600">${escapeHtml(`${d.name}年 ${d.seriesName}`)}</div><div>${escapeHtml(
					formatWanExact(d.data?.value)
				)}${d.data?.derived ? '（推算）' : ''}</div>`;
			}
		},
		xAxis: { type: 'category', data: years.map(String) },
		yAxis: { type: 'value', name: '万元' },
		series: items.map((item, i) => ({
			type: 'bar' as const,
			name: itemLabel(item),
			itemStyle: { color: PALETTE[i % PALETTE.length] },
			barMaxWidth: 36,
			label: {
				show: true,
				position: 'top',
				formatter: (p: unknown) => ((p as { data: { derived?: boolean } }).data?.derived ? '推' : '')
			},
			data: years.map((y) => {
				const r = best.get(`${y}|${item}`);
				if (!r) return { value: null };
				return {
					value: r.amount_wan,
					derived: r.derived,
					itemStyle: markStyle(r.derived, false, PALETTE[i % PALETTE.length])
				};
			})
		}))
	} as ECOption;
	const list = [...best.values()].sort(
		(a, b) => a.year - b.year || items.indexOf(a.item) - items.indexOf(b.item)
	);
	return {
		id: 'org-sangong',
		title: '三公经费（决算）按年度和项目',
		description: '本部门各年度三公经费决算数，按项目分组（万元）；“推”为推算值。',
		option,
		table: {
			columns: [
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: 'item', label: '项目', kind: 'text' },
				{ key: 'basis', label: '口径', kind: 'text' },
				{ key: 'amount_wan', label: '金额（万元）', kind: 'wan' }
			],
			rows: list.map((r) => ({
				values: {
					year: r.year,
					item: itemLabel(r.item),
					basis: basisLabel(r.basis),
					amount_wan: r.amount_wan
				},
				derived: r.derived ? ['amount_wan'] : []
			}))
		},
		empty: own.length === 0,
		notes: markNotes(
			own.some((r) => r.derived),
			false
		),
		height: 300
	};
}
