/**
 * How each column's values are obtained, for the data dictionary (/data/). Keyed by the contract
 * (TABLES): the mapped type makes a column without an entry a type error, and a unit test checks
 * the same at run time. Which checks look at a column is in validate/check-docs.ts.
 */
import type { Method, Row, TableName } from './tables';

/**
 * table / prose / derived: extracted (see facts.method); file: the file itself (name, bytes);
 * title: the report's title and heading; resolved: division dataset and department-name rules;
 * record: written by the extractor or the checks about other values.
 */
export type Source = Method | 'file' | 'title' | 'resolved' | 'record';

export interface ColumnSource {
	readonly how: readonly Source[];
	readonly note?: string;
}

export const SOURCE_LABELS: Record<Source, string> = {
	table: '表格',
	prose: '正文',
	derived: '推算/计算',
	file: '源文件',
	title: '报告标题',
	resolved: '名称解析',
	record: '抽取记录'
};

const region: ColumnSource = {
	how: ['resolved'],
	note: '从部门名称按《中华人民共和国行政区划代码》数据集解析'
};
const orgId: ColumnSource = { how: ['resolved'], note: '行政区划代码 + 部门规范名称的哈希' };
const reportId: ColumnSource = { how: ['file'], note: '源文件 sha256 的前 16 位' };
const extracted: ColumnSource = {
	how: ['table', 'prose'],
	note: '表格与正文都有时取表格值，不一致见核查发现'
};
const money: ColumnSource = {
	how: ['table', 'prose', 'derived'],
	note: '推算值（由“比上年增减”表述得出）derived = true'
};

export const COLUMN_SOURCES: { readonly [T in TableName]: { readonly [C in keyof Row<T>]: ColumnSource } } = {
	reports: {
		report_id: reportId,
		source_file: { how: ['file'], note: '文件名（目录读取时为相对路径）' },
		sha256: { how: ['file'] },
		org_id: orgId,
		org_name: { how: ['title', 'resolved'], note: '标题或“单位名称”中的部门名，简称按规则还原为全称' },
		province: region,
		prefecture: region,
		county: region,
		admin_level: region,
		fiscal_year: { how: ['title'], note: '标题中的年度' },
		report_kind: { how: ['title'], note: '标题中的报告类型' },
		score_total: extracted,
		grade: extracted,
		headcount_authorized: extracted,
		headcount_actual: extracted,
		budget_initial: extracted,
		budget_full_year: extracted,
		executed: extracted,
		execution_rate: { how: ['derived'], note: '全年执行数 ÷ 全年预算数，保留 6 位小数' },
		execution_rate_reported: extracted
	},
	orgs: {
		org_id: orgId,
		org_name: { how: ['resolved'] },
		aliases: { how: ['title'], note: '各报告中该部门名称的全部写法' },
		province: region,
		prefecture: region,
		county: region,
		admin_level: region
	},
	sangong: {
		report_id: reportId,
		org_id: orgId,
		year: { how: ['table', 'prose'], note: '表头或句中的年度；“比上年”指报告年度的上一年' },
		item: { how: ['table', 'prose'], note: '按项目名称归类' },
		basis: { how: ['table', 'prose'], note: '表头或句中的“预算”“决算”；未写明的单位支出表按决算' },
		amount_wan: money,
		derived: { how: ['derived'] },
		unit: { how: ['table'], note: '分单位表格中的单位名称' }
	},
	spending: {
		report_id: reportId,
		org_id: orgId,
		year: { how: ['table', 'prose'] },
		category: { how: ['table', 'prose'] },
		amount_wan: money,
		derived: { how: ['derived'] }
	},
	indicators: {
		report_id: reportId,
		org_id: orgId,
		level1: { how: ['table', 'prose'], note: '自评表，或正文中的一级指标得分' },
		level2: { how: ['table'] },
		level3: { how: ['table'] },
		target: { how: ['table'] },
		actual: { how: ['table'] },
		weight: { how: ['table'] },
		score: { how: ['table', 'prose'] }
	},
	projects: {
		report_id: reportId,
		org_id: orgId,
		name: { how: ['table', 'prose'] },
		budget_initial: { how: ['table', 'prose'] },
		budget_full_year: { how: ['table', 'prose'] },
		executed: { how: ['table', 'prose'] },
		execution_rate: { how: ['table', 'prose', 'derived'], note: '报告未写明时按 执行数 ÷ 全年预算数 计算' },
		score: extracted,
		grade: extracted
	},
	facts: {
		report_id: reportId,
		table_name: { how: ['record'] },
		column_name: { how: ['record'] },
		row_key: { how: ['record'] },
		value: { how: ['record'] },
		span_start: { how: ['record'] },
		span_end: { how: ['record'] },
		quote: { how: ['record'], note: '规范化文本（texts/<report_id>.txt）中的原文' },
		method: { how: ['record'] },
		rule: { how: ['record'] }
	},
	findings: {
		report_id: reportId,
		severity: { how: ['record'] },
		check_name: { how: ['record'], note: '核查项说明见下方“一致性核查”' },
		message: { how: ['record'] },
		numbers: { how: ['record'] },
		span_start: { how: ['record'] },
		span_end: { how: ['record'] },
		quote: { how: ['record'] }
	}
};
