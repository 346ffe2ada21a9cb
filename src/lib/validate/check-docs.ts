/**
 * Every consistency check, documented once: its Chinese name, what it compares and which columns
 * it looks at (`table.column`). `Finding.check` is typed by these keys, so a check cannot be
 * published without being documented here; the data dictionary (/data/) reads this map.
 */
import type { Severity } from '../schema/tables';

export interface CheckDoc {
	readonly zh: string;
	/** Severities it can give. */
	readonly severities: readonly Severity[];
	readonly description: string;
	/** Columns whose values it checks, as `table.column`. */
	readonly columns: readonly string[];
}

export const CHECK_DOCS = {
	prose_table_mismatch: {
		zh: '正文与表格不一致',
		severities: ['error'],
		description: '同一数值在正文和表格中写法不同；发布表格中的值（多位小数者优先），两处原文都写入说明。',
		columns: [
			'reports.score_total',
			'reports.grade',
			'reports.headcount_authorized',
			'reports.headcount_actual',
			'reports.budget_initial',
			'reports.budget_full_year',
			'reports.executed',
			'reports.execution_rate_reported',
			'sangong.amount_wan',
			'spending.amount_wan',
			'projects.score',
			'projects.executed'
		]
	},
	conflicting_values: {
		zh: '同一来源数值冲突',
		severities: ['error'],
		description: '同一数值在两张表格（或正文两处）中不同。',
		columns: ['reports.score_total', 'reports.budget_full_year', 'sangong.amount_wan', 'spending.amount_wan']
	},
	derived_mismatch: {
		zh: '推算值与写明值不符',
		severities: ['warning'],
		description: '由“比上年增减”推算的上年数与报告写明的上年数不同；发布写明的值。',
		columns: ['sangong.amount_wan', 'spending.amount_wan']
	},
	negative_derived: {
		zh: '推算出负数',
		severities: ['error'],
		description: '由“比上年减少 X 万元”推算的上年数为负，说明增减额或本年数有误；不发布该推算值。',
		columns: ['sangong.amount_wan', 'spending.amount_wan']
	},
	percent_change_mismatch: {
		zh: '增减百分比与金额不符',
		severities: ['warning'],
		description: '报告写的增减百分比与本年、上年金额算出的不一致。',
		columns: ['sangong.amount_wan', 'spending.amount_wan']
	},
	duplicate_row_value: {
		zh: '疑似复制粘贴',
		severities: ['error'],
		description: '表格中两个不同项目填了同一数额，而合计只与其中一行相符（两行不能同时成立）。',
		columns: ['sangong.amount_wan']
	},
	sangong_items_sum: {
		zh: '三公经费分项之和与合计不符',
		severities: ['error', 'info'],
		description: '公务接待费 + 公务用车费 + 因公出国（境）费 ≠ 三公经费合计；在四舍五入范围内为提示。',
		columns: ['sangong.amount_wan']
	},
	sangong_vehicle_sum: {
		zh: '公务用车购置费与运行维护费之和不符',
		severities: ['error', 'info'],
		description: '公务用车购置费 + 运行维护费 ≠ 公务用车购置及运行维护费。',
		columns: ['sangong.amount_wan']
	},
	basic_equals_personnel_public: {
		zh: '基本支出不等于人员经费加公用经费',
		severities: ['error', 'info'],
		description: '人员经费 + 公用经费 ≠ 基本支出。',
		columns: ['spending.amount_wan']
	},
	total_equals_basic_project: {
		zh: '支出合计不等于基本支出加项目支出',
		severities: ['error', 'info'],
		description: '基本支出 + 项目支出 ≠ 支出合计。',
		columns: ['spending.amount_wan']
	},
	execution_rate_mismatch: {
		zh: '执行率与金额不符',
		severities: ['error', 'warning'],
		description: '报告写的预算执行率与 全年执行数 ÷ 全年预算数 不一致（相差超过 1 个百分点为错误）。',
		columns: [
			'reports.execution_rate',
			'reports.execution_rate_reported',
			'reports.budget_full_year',
			'reports.executed'
		]
	},
	score_total_mismatch: {
		zh: '总分与指标得分之和不符',
		severities: ['error'],
		description: '自评总分不等于自评表各指标得分之和。',
		columns: ['reports.score_total', 'indicators.score']
	},
	weights_sum: {
		zh: '指标分值之和不为 100',
		severities: ['warning'],
		description: '自评表各指标分值相加不等于 100（或表中写明的总分值）。',
		columns: ['indicators.weight']
	},
	group_weight_sum: {
		zh: '一级指标分值与其下指标不符',
		severities: ['warning'],
		description: '一级指标写明的分值不等于其下各指标分值之和。',
		columns: ['indicators.weight', 'indicators.level1']
	},
	indicator_score_over_weight: {
		zh: '指标得分超过分值',
		severities: ['error'],
		description: '某指标的得分大于它的分值。',
		columns: ['indicators.score', 'indicators.weight']
	},
	score_out_of_range: {
		zh: '得分越界',
		severities: ['error'],
		description: '报告或项目得分不在 0–100 之间。',
		columns: ['reports.score_total', 'projects.score']
	},
	rate_out_of_range: {
		zh: '执行率越界',
		severities: ['error'],
		description: '预算执行率为负或超过 150%。',
		columns: ['reports.execution_rate', 'reports.execution_rate_reported', 'projects.execution_rate']
	},
	negative_money: {
		zh: '金额为负',
		severities: ['error'],
		description: '预算、执行或支出金额为负数。',
		columns: [
			'reports.budget_initial',
			'reports.budget_full_year',
			'reports.executed',
			'sangong.amount_wan',
			'spending.amount_wan'
		]
	},
	traditional_script: {
		zh: '繁体原文已转换',
		severities: ['info'],
		description:
			'原文以繁体字写成（如转载站点的版本），已按 OpenCC 繁简对照转为简体后读取；发布的引文与规范化文本均为转换后的文字。',
		columns: []
	},
	duplicate_org_year: {
		zh: '同一部门同一年度有两份报告',
		severities: ['warning'],
		description: '两份内容不同的文件都是同一部门同一年度的报告（跨报告核查：收录时，或在导入页加入对比时）。',
		columns: ['reports.org_id', 'reports.fiscal_year']
	}
} as const satisfies Record<string, CheckDoc>;

export type CheckName = keyof typeof CHECK_DOCS;

/** A check's Chinese name (its key, for one this build does not know, e.g. from an older dataset). */
export const checkZh = (name: string): string => CHECK_DOCS[name as CheckName]?.zh ?? name;
