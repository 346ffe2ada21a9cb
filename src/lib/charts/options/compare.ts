/** 部门对比 charts: one line per chosen department across years, for one metric. */
import { yearLabel } from '../../format';
import type { CompareRow } from '../../db/queries/compare';
import type { ECOption } from '../echarts';
import type { CellKind, ChartSpec } from '../spec';
import {
	PALETTE,
	baseOption,
	escapeHtml,
	formatCell,
	markNotes,
	percentAxisLabel,
	rateAxisMax,
	shortName,
	wanAxisLabel
} from './common';
import { legendBelow } from './legend';

export interface CompareMetric {
	readonly key: 'sangong_wan' | 'rate' | 'score' | 'spending_wan';
	readonly title: string;
	readonly kind: CellKind;
	readonly derivedKey?: 'sangong_derived' | 'spending_derived';
}

export const COMPARE_METRICS: readonly CompareMetric[] = [
	{ key: 'sangong_wan', title: '三公经费合计（决算）', kind: 'wan', derivedKey: 'sangong_derived' },
	{ key: 'rate', title: '预算执行率', kind: 'percent' },
	{ key: 'score', title: '自评得分', kind: 'score' },
	{ key: 'spending_wan', title: '支出合计', kind: 'wan', derivedKey: 'spending_derived' }
];

export function compareChart(
	rows: readonly CompareRow[],
	ids: readonly string[],
	m: CompareMetric
): ChartSpec {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
	const orgs = ids
		.map((id) => rows.find((r) => r.org_id === id))
		.filter((r): r is CompareRow => r != null)
		.map((r) => ({ org_id: r.org_id, org_name: r.org_name }));
	const cell = new Map(rows.map((r) => [`${r.org_id}|${r.year}`, r]));
	const withValue = rows.filter((r) => r[m.key] != null);
	const hasDerived = m.derivedKey != null && withValue.some((r) => r[m.derivedKey!]);
	const option: ECOption = {
		...baseOption(),
		...legendBelow(),
		tooltip: {
			...baseOption().tooltip,
			trigger: 'axis',
			formatter: (ps: unknown) => {
				const list = ps as { axisValue: string; seriesName: string; seriesIndex: number }[];
				const y = Number(list[0]?.axisValue);
				const lines = orgs.map((o) => {
					const r = cell.get(`${o.org_id}|${y}`);
					const v = r ? (r[m.key] as number | null) : null;
					const d = r && m.derivedKey && r[m.derivedKey] ? '（推算）' : '';
					return `<div>${escapeHtml(o.org_name)}：<b>${escapeHtml(formatCell(m.kind, v) + d)}</b></div>`;
				});
				return `<div style="font-weight:600">${escapeHtml(`${yearLabel(y)} ${m.title}`)}</div>${lines.join('')}`;
			}
		},
		xAxis: { type: 'category', data: years.map(String), boundaryGap: years.length < 2 },
		yAxis: {
			type: 'value',
			name: m.kind === 'wan' ? '万元' : m.kind === 'score' ? '分' : '',
			axisLabel: {
				formatter: m.kind === 'percent' ? percentAxisLabel : m.kind === 'wan' ? wanAxisLabel : undefined
			},
			scale: m.kind !== 'wan',
			// Rates: from a tenth below the lowest to at least 100% (ECharts' own scale put two
			// points at 100% in the middle of 40–160%).
			...(m.kind === 'percent' && {
				min: (v: { min: number }) => Math.max(0, (Math.floor(v.min * 10) - 1) / 10),
				max: rateAxisMax
			})
		},
		series: orgs.map((o, i) => ({
			type: 'line' as const,
			name: shortName(o.org_name, 14),
			connectNulls: false,
			symbolSize: 9,
			cursor: 'pointer',
			itemStyle: { color: PALETTE[i % PALETTE.length] },
			data: years.map((y) => {
				const r = cell.get(`${o.org_id}|${y}`);
				const v = r ? (r[m.key] as number | null) : null;
				const derived = !!(r && m.derivedKey && r[m.derivedKey]);
				return {
					value: v,
					org_id: o.org_id,
					symbol: derived ? 'emptyCircle' : 'circle',
					itemStyle: derived ? { borderType: 'dashed' as const, opacity: 0.7 } : undefined
				};
			})
		}))
	} as ECOption;
	return {
		id: `compare-${m.key}`,
		title: m.title,
		description: `所选部门各年度${m.title}对比。`,
		option,
		table: {
			columns: [
				{ key: 'org_name', label: '部门', kind: 'org' },
				{ key: 'year', label: '年度', kind: 'year' },
				{ key: m.key, label: m.kind === 'wan' ? `${m.title}（万元）` : m.title, kind: m.kind }
			],
			rows: rows.map((r) => ({
				values: { org_name: r.org_name, year: r.year, [m.key]: r[m.key] },
				org_id: r.org_id,
				derived: m.derivedKey && r[m.derivedKey] ? [m.key] : []
			}))
		},
		empty: withValue.length === 0,
		notes: markNotes(hasDerived, false),
		height: 280
	};
}
