/**
 * The one table contract. The ingest writer, the browser's DuckDB tables, the SQL console's
 * schema browser and the data dictionary all read this file; nothing else lists columns.
 *
 * Money is 万元 (元 ÷ 10000, 亿元 × 10000, every source decimal kept); rates are fractions
 * (0.8757); unknown is NULL, never 0.
 */

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
export type ColumnUnit = '万元' | '人' | '分' | '比率' | '年' | '字符';

export interface ColumnDef {
	readonly name: string;
	readonly type: ColumnType;
	/** Chinese label shown in the UI. */
	readonly zh: string;
	readonly unit?: ColumnUnit;
	/** What the value means and how it is obtained. */
	readonly description: string;
	/** Whether the column may be NULL (unknown). */
	readonly nullable: boolean;
}

export interface TableDef {
	readonly name: string;
	readonly zh: string;
	readonly description: string;
	readonly columns: readonly ColumnDef[];
}

/** Keeps each column's literal name, type and nullability, so `Row<T>` below is exact. */
const col = <N extends string, T extends ColumnType, const Nullable extends boolean = true>(
	name: N,
	type: T,
	zh: string,
	description: string,
	opts: { unit?: ColumnUnit; nullable?: Nullable } = {}
): ColumnDef & { readonly name: N; readonly type: T; readonly nullable: Nullable } => ({
	name,
	type,
	zh,
	description,
	unit: opts.unit,
	nullable: (opts.nullable ?? true) as Nullable
});

const reportId = col(
	'report_id',
	'VARCHAR',
	'报告编号',
	'源文件内容 sha256 的前 16 位，同一文件永远得到同一编号',
	{
		nullable: false
	}
);
const orgId = col(
	'org_id',
	'VARCHAR',
	'部门编号',
	'跨年度稳定的部门编号：行政区划代码 + 部门规范名称的哈希',
	{
		nullable: false
	}
);
const region = [
	col('province', 'VARCHAR', '省', '省级行政区全称，按行政区划数据集解析'),
	col('prefecture', 'VARCHAR', '市（州）', '地级行政区全称，如 湘西土家族苗族自治州'),
	col('county', 'VARCHAR', '县（市、区）', '县级行政区全称；市（州）级部门为空'),
	col('admin_level', 'VARCHAR', '行政层级', 'province 省级 / prefecture 市州级 / county 县区级')
];
const money = <N extends string>(name: N, zh: string, description: string) =>
	col(name, 'DOUBLE', zh, description, { unit: '万元' });

export const TABLES = [
	{
		name: 'reports',
		zh: '报告',
		description: '每份自评报告一行：部门、年度、得分、人员与预算执行。',
		columns: [
			reportId,
			col('source_file', 'VARCHAR', '源文件', '被读取的文件名', { nullable: false }),
			col('sha256', 'VARCHAR', 'SHA-256', '源文件字节的 sha256', { nullable: false }),
			orgId,
			col('org_name', 'VARCHAR', '部门名称', '部门规范全称（简称、旧称见 orgs.aliases）', {
				nullable: false
			}),
			...region,
			col('fiscal_year', 'INTEGER', '年度', '报告评价的预算年度', { unit: '年' }),
			col(
				'report_kind',
				'VARCHAR',
				'报告类型',
				'dept_self 部门整体支出绩效自评 / unit_self 单位整体支出绩效自评 / dept_eval 部门整体支出绩效评价'
			),
			col('score_total', 'DOUBLE', '自评得分', '部门整体支出绩效自评总分（满分 100）', { unit: '分' }),
			col('grade', 'VARCHAR', '等级', '报告所述等级：优 良 中 差（“优秀”记为 优）'),
			col('headcount_authorized', 'INTEGER', '编制数', '核定编制人数', { unit: '人' }),
			col('headcount_actual', 'INTEGER', '实有人数', '实有（在职）人数；报告分年初、年末时取年末', {
				unit: '人'
			}),
			money('budget_initial', '年初预算数', '部门年初预算数'),
			money('budget_full_year', '全年预算数', '调整后的全年预算数'),
			money('executed', '全年执行数', '全年预算执行数'),
			col('execution_rate', 'DOUBLE', '预算执行率（计算）', '全年执行数 ÷ 全年预算数，由本工具计算', {
				unit: '比率'
			}),
			col('execution_rate_reported', 'DOUBLE', '预算执行率（报告）', '报告中写明的执行率', { unit: '比率' })
		]
	},
	{
		name: 'orgs',
		zh: '部门',
		description: '跨年度的同一部门只有一个 org_id，无论报告如何称呼它。',
		columns: [
			orgId,
			col('org_name', 'VARCHAR', '部门名称', '规范全称', { nullable: false }),
			col('aliases', 'VARCHAR', '别称', '报告中出现过的全部写法，以“；”分隔'),
			...region
		]
	},
	{
		name: 'sangong',
		zh: '三公经费',
		description: '三公经费：每个年度、项目、口径（决算/预算）、单位一行。',
		columns: [
			reportId,
			orgId,
			col('year', 'INTEGER', '年度', '数值所属年度（报告也会写上年数）', { unit: '年', nullable: false }),
			col(
				'item',
				'VARCHAR',
				'项目',
				'total 合计 / reception 公务接待费 / vehicle_total 公务用车购置及运行维护费 / vehicle_purchase 公务用车购置费 / vehicle_operation 公务用车运行维护费 / overseas 因公出国（境）费',
				{ nullable: false }
			),
			col('basis', 'VARCHAR', '口径', 'actual 决算（实际支出） / budget 预算', { nullable: false }),
			money('amount_wan', '金额', '金额'),
			col('derived', 'BOOLEAN', '推算', 'true 表示由“比上年减少 X 万元”等表述推算，而非报告直接写明', {
				nullable: false
			}),
			col('unit', 'VARCHAR', '所属单位', '下属单位名称（如驻外办事处）；部门合计为空')
		]
	},
	{
		name: 'spending',
		zh: '支出',
		description: '部门支出决算：合计、基本支出（人员经费 + 公用经费）、项目支出。',
		columns: [
			reportId,
			orgId,
			col('year', 'INTEGER', '年度', '数值所属年度', { unit: '年', nullable: false }),
			col(
				'category',
				'VARCHAR',
				'类别',
				'total 支出合计 / basic 基本支出 / personnel 人员经费 / public 公用经费 / project 项目支出',
				{ nullable: false }
			),
			money('amount_wan', '金额', '金额'),
			col('derived', 'BOOLEAN', '推算', 'true 表示由上年增减额推算', { nullable: false })
		]
	},
	{
		name: 'indicators',
		zh: '绩效指标',
		description: '部门整体支出绩效自评表的指标行（含资金执行率一行）。',
		columns: [
			reportId,
			orgId,
			col('level1', 'VARCHAR', '一级指标', '如 产出指标、效益指标、满意度指标'),
			col('level2', 'VARCHAR', '二级指标', '如 数量指标、质量指标'),
			col('level3', 'VARCHAR', '三级指标', '指标名称（表格单元格原文，可能被截断）'),
			col('target', 'VARCHAR', '年度指标值', '目标值原文'),
			col('actual', 'VARCHAR', '实际完成值', '完成值原文'),
			col('weight', 'DOUBLE', '分值', '指标分值', { unit: '分' }),
			col('score', 'DOUBLE', '得分', '指标得分', { unit: '分' })
		]
	},
	{
		name: 'projects',
		zh: '项目',
		description: '项目支出：预算、执行与项目自评。',
		columns: [
			reportId,
			orgId,
			col('name', 'VARCHAR', '项目名称', '项目名称原文', { nullable: false }),
			money('budget_initial', '年初预算', '项目年初预算'),
			money('budget_full_year', '全年预算数', '项目全年预算数'),
			money('executed', '全年执行数', '项目执行数（实际支出）'),
			col('execution_rate', 'DOUBLE', '执行率', '执行数 ÷ 全年预算数（可计算时），否则为报告所写', {
				unit: '比率'
			}),
			col('score', 'DOUBLE', '自评得分', '项目自评得分（表格优先；与正文不一致时见 findings）', {
				unit: '分'
			}),
			col('grade', 'VARCHAR', '等级', '项目自评等级')
		]
	},
	{
		name: 'facts',
		zh: '取值依据',
		description: '每个发布的数值一行：它在规范化文本中的位置、原文引用与取得方法。',
		columns: [
			reportId,
			col('table_name', 'VARCHAR', '表', '数值所在的数据表', { nullable: false }),
			col('column_name', 'VARCHAR', '列', '数值所在的列', { nullable: false }),
			col('row_key', 'VARCHAR', '行键', '定位行的键，如 sangong 的 “2023|reception|actual|”；报告级字段为空'),
			col('value', 'VARCHAR', '值', '发布的值（数值以万元、比率等规范单位表示）', { nullable: false }),
			col('span_start', 'INTEGER', '起始位置', '原文引用在规范化文本中的起始字符位置（UTF-16 码元）', {
				unit: '字符',
				nullable: false
			}),
			col('span_end', 'INTEGER', '结束位置', '原文引用的结束字符位置（不含）', {
				unit: '字符',
				nullable: false
			}),
			col('quote', 'VARCHAR', '原文', '规范化文本中 [span_start, span_end) 的原文', { nullable: false }),
			col('method', 'VARCHAR', '方法', 'table 表格 / prose 正文 / derived 推算', { nullable: false }),
			col('rule', 'VARCHAR', '规则', '抽取规则名', { nullable: false })
		]
	},
	{
		name: 'findings',
		zh: '核查发现',
		description: '一致性核查发现的问题：合计不符、比率不符、正文与表格不一致、越界值等。',
		columns: [
			reportId,
			col('severity', 'VARCHAR', '严重程度', 'error 错误 / warning 警告 / info 提示', { nullable: false }),
			col('check_name', 'VARCHAR', '核查项', '核查规则名', { nullable: false }),
			col('message', 'VARCHAR', '说明', '中文说明，含所涉数字', { nullable: false }),
			col('numbers', 'VARCHAR', '所涉数字', 'JSON：核查用到的数字'),
			col('span_start', 'INTEGER', '起始位置', '相关原文的起始字符位置', { unit: '字符' }),
			col('span_end', 'INTEGER', '结束位置', '相关原文的结束字符位置', { unit: '字符' }),
			col('quote', 'VARCHAR', '原文', '相关原文')
		]
	}
] as const satisfies readonly TableDef[];

export type TableName = (typeof TABLES)[number]['name'];

type ColumnsOf<T extends TableName> = Extract<(typeof TABLES)[number], { name: T }>['columns'][number];
type TsType<C extends ColumnDef> =
	| (C['type'] extends 'VARCHAR' ? string : C['type'] extends 'BOOLEAN' ? boolean : number)
	| (C['nullable'] extends false ? never : null);

/** A row of table T, typed from the contract above. */
export type Row<T extends TableName> = { [C in ColumnsOf<T> as C['name']]: TsType<C> };

export function tableDef(name: TableName): TableDef {
	const t = TABLES.find((x) => x.name === name);
	if (!t) throw new Error(`unknown table ${name}`);
	return t;
}

export const SANGONG_ITEMS = {
	total: '三公经费合计',
	reception: '公务接待费',
	vehicle_total: '公务用车购置及运行维护费',
	vehicle_purchase: '公务用车购置费',
	vehicle_operation: '公务用车运行维护费',
	overseas: '因公出国（境）费'
} as const;
export type SangongItem = keyof typeof SANGONG_ITEMS;

export const SPENDING_CATEGORIES = {
	total: '支出合计',
	basic: '基本支出',
	personnel: '人员经费',
	public: '公用经费',
	project: '项目支出'
} as const;
export type SpendingCategory = keyof typeof SPENDING_CATEGORIES;

export const BASIS = { actual: '决算', budget: '预算' } as const;
export type Basis = keyof typeof BASIS;

export const REPORT_KINDS = {
	dept_self: '部门整体支出绩效自评',
	unit_self: '单位整体支出绩效自评',
	dept_eval: '部门整体支出绩效评价'
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;

export const ADMIN_LEVELS = { province: '省级', prefecture: '市州级', county: '县区级' } as const;
export type AdminLevel = keyof typeof ADMIN_LEVELS;

export const SEVERITIES = { error: '错误', warning: '警告', info: '提示' } as const;
export type Severity = keyof typeof SEVERITIES;

export const METHODS = { table: '表格', prose: '正文', derived: '推算' } as const;
export type Method = keyof typeof METHODS;
