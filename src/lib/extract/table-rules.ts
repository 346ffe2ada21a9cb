/**
 * Values read from tables: 基础数据表 (三公 and spending by year and basis), per-unit tables
 * (本级 + 驻外办事处), the 自评表 (budget, execution, indicators, total score) and the
 * 项目支出绩效自评表. Each rule anchors on header labels, never on a file's layout.
 */
import type { Collector } from './collect';
import { sangongKey, spendingKey } from './keys';
import { sangongItemOf, spendingCategoryOf, unitMarker, yearBasisOf, normalizeGrade } from './labels';
import { parseCellNumber, shiftDecimal, toWan, wanDecimals, decimalsOf, type MoneyUnit } from './numbers';
import { resolveHeader, stripEnumerator, type Cell, type Table, type TableRow } from './tables';

export interface IndicatorDraft {
	level1: Cell | null;
	level1Text: string | null;
	groupWeight: number | null;
	level2: Cell | null;
	level3: Cell | null;
	target: Cell | null;
	actual: Cell | null;
	weight: { cell: Cell; value: number } | null;
	score: { cell: Cell; value: number } | null;
	/** The row's span: the fact quote for its text columns. */
	row: TableRow;
}

export interface TableFindings {
	indicators: IndicatorDraft[];
	/** Weight and score of the 总分 row of the department's 自评表. */
	totalWeight: number | null;
	/** Projects found in 项目支出绩效自评表 tables, by name. */
	projectNames: string[];
}

const isProjectTable = (t: Table) => /项目/.test(t.title);

function moneyUnitBefore(t: Table, rowIndex: number): MoneyUnit | null {
	for (let r = rowIndex; r >= 0; r--) {
		for (const c of t.rows[r].cells) {
			const u = unitMarker(c.label);
			if (u) return u;
		}
	}
	return unitMarker(t.title);
}

const quoteSpan = (row: TableRow, cell: Cell) => ({
	start: row.cells.find((c) => c.label !== '')?.start ?? cell.start,
	end: cell.end
});

function moneyCell(cell: Cell | undefined, unit: MoneyUnit) {
	if (!cell) return null;
	const n = parseCellNumber(cell.label);
	if (!n || n.percent) return null;
	return { wan: toWan(n.literal, unit), decimals: wanDecimals(n.literal, unit) };
}

/** 基础数据表: columns “2021年决算数 | 2022年预算数 | 2022年决算数”, rows 三公 items and spending. */
function yearColumnTables(c: Collector, t: Table): void {
	let columns: Map<number, { year: number; basis: 'actual' | 'budget' }> | null = null;
	let unit: MoneyUnit | null = null;
	const seen = new Map<string, Map<string, { value: number; cell: Cell }>>();
	t.rows.forEach((row, r) => {
		const yb = row.cells.map((cell) => yearBasisOf(cell.label));
		if (yb.filter(Boolean).length >= 1) {
			columns = new Map(yb.flatMap((v, i) => (v ? [[i, v] as const] : [])));
			unit = moneyUnitBefore(t, r);
			return;
		}
		if (!columns || !unit) return;
		const first = Math.min(...columns.keys());
		const label = row.cells.slice(0, first).find((x) => x.label !== '')?.label ?? '';
		const item = sangongItemOf(label);
		const category = item ? null : spendingCategoryOf(label);
		if (!item && !category) return;
		for (const [i, { year, basis }] of columns) {
			const v = moneyCell(row.cells[i], unit);
			if (!v) continue;
			const span = quoteSpan(row, row.cells[i]);
			if (item) {
				c.add({
					table: 'sangong',
					column: 'amount_wan',
					rowKey: sangongKey(year, item, basis, null),
					value: v.wan,
					...span,
					method: 'table',
					rule: 'table_sangong_by_year',
					decimals: v.decimals
				});
				const col = `${year}|${basis}`;
				if (!seen.has(col)) seen.set(col, new Map());
				seen.get(col)!.set(item, { value: v.wan, cell: row.cells[i] });
			} else if (category && basis === 'actual') {
				c.add({
					table: 'spending',
					column: 'amount_wan',
					rowKey: spendingKey(year, category),
					value: v.wan,
					...span,
					method: 'table',
					rule: 'table_spending_by_year',
					decimals: v.decimals
				});
			}
		}
	});
	for (const [col, items] of seen) checkCopiedRows(c, col, items);
}

/** One amount typed into two item rows whose sum then breaks the total: a copy-paste slip. */
function checkCopiedRows(c: Collector, col: string, items: Map<string, { value: number; cell: Cell }>): void {
	const total = items.get('total');
	const parts = ['vehicle_total', 'overseas', 'reception'].flatMap((k) =>
		items.has(k) ? [[k, items.get(k)!] as const] : []
	);
	for (let i = 0; i < parts.length; i++) {
		for (let j = i + 1; j < parts.length; j++) {
			const [a, va] = parts[i];
			const [b, vb] = parts[j];
			if (va.value === 0 || va.value !== vb.value) continue;
			const sum = parts.reduce((s, [, v]) => s + v.value, 0);
			if (total && Math.abs(sum - total.value) < 0.005) continue;
			const [year, basis] = col.split('|');
			c.finding({
				severity: 'error',
				check: 'duplicate_row_value',
				message: `${year}年${basis === 'budget' ? '预算' : '决算'}：${labelOf(a)}与${labelOf(b)}同为 ${va.value} 万元${total ? `，合计却为 ${total.value} 万元` : ''}，两行不能同时成立（疑为复制粘贴）。`,
				numbers: { value: va.value, total: total?.value ?? null },
				start: Math.min(va.cell.start, vb.cell.start),
				end: Math.max(va.cell.end, vb.cell.end)
			});
		}
	}
}

const labelOf = (k: string) =>
	({ vehicle_total: '公务用车购置及运行维护费', overseas: '因公出国（境）费', reception: '公务接待费' })[k] ??
	k;

/** Tables with one row per unit (汇总 / 本级 / 二级机构) and item or category columns. */
function unitRowTables(c: Collector, t: Table, fiscalYear: number | null): void {
	if (fiscalYear === null) return;
	for (let r = 0; r < t.rows.length; r++) {
		if (!/^(机构|单位|部门)(名称)?$/.test(t.rows[r].cells[0]?.label ?? '')) continue;
		let h = r + 1;
		while (h < t.rows.length && t.rows[h].cells[0]?.label === '') h++;
		const data: TableRow[] = [];
		for (let d = h; d < t.rows.length; d++) {
			const row = t.rows[d];
			if (
				/^(机构|单位|部门)(名称)?$/.test(row.cells[0]?.label ?? '') ||
				!row.cells.slice(1).some((x) => parseCellNumber(x.label))
			)
				break;
			data.push(row);
		}
		if (data.length === 0) continue;
		const unit = moneyUnitBefore(t, r);
		if (!unit) continue;
		const headerRows = t.rows.slice(r, h).map((x) => x.cells.map((cell) => cell.label));
		const labels = resolveHeader(headerRows, data[0].cells.length);
		const caption = headerRows.flat().join('');
		const basis = /预算/.test(caption) && !/决算|支出/.test(caption) ? 'budget' : 'actual';
		const aggregate = (label: string) => /汇总|合计|总计/.test(label) || data.length === 1;
		for (const row of data) {
			const name = row.cells[0].label;
			const unitName = aggregate(name) ? null : stripEnumerator(name).replace(/^二级机构\d*[:：]/, '');
			labels.forEach((label, i) => {
				if (i === 0) return;
				const v = moneyCell(row.cells[i], unit);
				if (!v) return;
				const span = { start: row.cells[0].start, end: row.cells[i].end };
				const item = sangongItemOf(label);
				if (item) {
					c.add({
						table: 'sangong',
						column: 'amount_wan',
						rowKey: sangongKey(fiscalYear, item, basis, unitName),
						value: v.wan,
						...span,
						method: 'table',
						rule: 'table_sangong_by_unit',
						decimals: v.decimals
					});
					return;
				}
				const category = spendingCategoryOf(label);
				if (category && unitName === null && basis === 'actual') {
					c.add({
						table: 'spending',
						column: 'amount_wan',
						rowKey: spendingKey(fiscalYear, category),
						value: v.wan,
						...span,
						method: 'table',
						rule: 'table_spending_by_unit',
						decimals: v.decimals
					});
				}
			});
		}
		r = h + data.length - 1;
	}
}

const findCol = (labels: string[], re: RegExp) => labels.findIndex((l) => re.test(l));

/** 自评表 资金 rows: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
function budgetRows(c: Collector, t: Table, project: string | null, out: TableFindings): void {
	// Cells run together: a project's 资金 rows read as the department's would be wrong numbers,
	// so only under a 部门整体 title (a project table has no project name here: skipped above).
	if (t.loose && !/部门整体/.test(t.title)) return;
	t.rows.forEach((row, r) => {
		const labels = row.cells.map((x) => x.label);
		const iInit = findCol(labels, /^年初预算(数)?$/);
		const iFull = findCol(labels, /^全年预算(数)?$/);
		const iExec = findCol(labels, /^全年执行(数)?$/);
		if (iInit < 0 || iFull < 0 || iExec < 0) return;
		const unit = moneyUnitBefore(t, r);
		if (!unit) return;
		const iWeight = findCol(labels, /^分值$/);
		const iRate = findCol(labels, /^执行率$/);
		const iScore = findCol(labels, /^得分/);
		const data = t.rows
			.slice(r + 1, r + 4)
			.find((d) => d.cells.slice(0, iInit).some((x) => /^(合计|年度资金总额|资金总额)$/.test(x.label)));
		if (!data) return;
		const table = project ? 'projects' : 'reports';
		const rowKey = project;
		const rule = project ? 'table_project_funds' : 'table_funds';
		const add = (column: string, i: number) => {
			const v = moneyCell(data.cells[i], unit);
			if (v)
				c.add({
					table,
					column,
					rowKey,
					value: v.wan,
					...quoteSpan(data, data.cells[i]),
					method: 'table',
					rule,
					decimals: v.decimals
				});
		};
		add('budget_initial', iInit);
		add('budget_full_year', iFull);
		add('executed', iExec);
		const rate = iRate >= 0 ? parseCellNumber(data.cells[iRate]?.label ?? '') : null;
		if (rate?.percent) {
			const column = project ? 'execution_rate' : 'execution_rate_reported';
			c.add({
				table,
				column,
				rowKey,
				value: shiftDecimal(rate.literal, -2),
				...quoteSpan(data, data.cells[iRate]),
				method: 'table',
				rule,
				decimals: decimalsOf(rate.literal) + 2
			});
		}
		if (!project) {
			const num = (i: number) => {
				const n = i >= 0 ? parseCellNumber(data.cells[i]?.label ?? '') : null;
				return n && !n.percent ? { cell: data.cells[i], value: Number(n.literal) } : null;
			};
			const weight = num(iWeight);
			const score = num(iScore);
			if (weight || score) {
				// The execution-rate indicator: named by its header cell (“执行率”), as the table does.
				out.indicators.push({
					level1: null,
					level1Text: null,
					groupWeight: null,
					level2: null,
					level3: iRate >= 0 ? row.cells[iRate] : null,
					target: null,
					actual: rate ? data.cells[iRate] : null,
					weight,
					score,
					row: data
				});
			}
		}
	});
}

/** 绩效指标 rows under 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分, then 总分. */
function indicatorRows(c: Collector, t: Table, project: string | null, out: TableFindings): void {
	t.rows.forEach((row, r) => {
		const labels = row.cells.map((x) => x.label);
		const i1 = findCol(labels, /^一级指标$/);
		const i2 = findCol(labels, /^二级指标$/);
		const i3 = findCol(labels, /^三级指标$/);
		const iW = findCol(labels, /^分值$/);
		const iS = findCol(labels, /^得分$/);
		if (i1 < 0 || i3 < 0 || iW < 0 || iS < 0) return;
		const iT = findCol(labels, /指标值|目标值/);
		const iA = findCol(labels, /完成值|实际值/);
		let level1: Cell | null = null;
		let level2: Cell | null = null;
		for (let d = r + 1; d < t.rows.length; d++) {
			const cells = t.rows[d].cells;
			const totalIdx = cells.findIndex((x) => /^(总分|合计|总计)$/.test(x.label));
			if (totalIdx >= 0) {
				totalRow(c, t.rows[d], totalIdx, project, out);
				break;
			}
			if (cells[i1]?.label) level1 = cells[i1];
			if (i2 >= 0 && cells[i2]?.label) level2 = cells[i2];
			if (project) continue;
			const num = (i: number) => {
				const n = parseCellNumber(cells[i]?.label ?? '');
				return n && !n.percent ? { cell: cells[i], value: Number(n.literal) } : null;
			};
			const weight = num(iW);
			const score = num(iS);
			if (!weight && !score) continue;
			const l1 = level1?.label ?? '';
			const group = /^(.*?)[(（](\d+(?:\.\d+)?)分[)）]$/.exec(l1);
			out.indicators.push({
				level1,
				level1Text: group ? group[1] : l1 || null,
				groupWeight: group ? Number(group[2]) : null,
				level2,
				level3: cells[i3]?.label ? cells[i3] : null,
				target: iT >= 0 && cells[iT]?.label ? cells[iT] : null,
				actual: iA >= 0 && cells[iA]?.label ? cells[iA] : null,
				weight,
				score,
				row: t.rows[d]
			});
		}
	});
}

function totalRow(
	c: Collector,
	row: TableRow,
	from: number,
	project: string | null,
	out: TableFindings
): void {
	const nums = row.cells.slice(from + 1).flatMap((cell) => {
		const n = parseCellNumber(cell.label);
		return n && !n.percent ? [{ cell, value: Number(n.literal), decimals: decimalsOf(n.literal) }] : [];
	});
	const score = nums[nums.length - 1];
	if (!score) return;
	if (nums.length >= 2) out.totalWeight = project ? out.totalWeight : nums[nums.length - 2].value;
	const span = { start: row.cells[from].start, end: score.cell.end };
	if (project) {
		c.add({
			table: 'projects',
			column: 'score',
			rowKey: project,
			value: score.value,
			...span,
			method: 'table',
			rule: 'table_project_total',
			decimals: score.decimals
		});
		for (const cell of row.cells) {
			const g = /等级[:：]?(优秀|优|良好|良|中等|中|较差|差)/.exec(cell.label);
			const grade = g && normalizeGrade(g[1]);
			if (grade)
				c.add({
					table: 'projects',
					column: 'grade',
					rowKey: project,
					value: grade,
					start: cell.start,
					end: cell.end,
					method: 'table',
					rule: 'table_project_total'
				});
		}
	} else {
		c.add({
			table: 'reports',
			column: 'score_total',
			rowKey: null,
			value: score.value,
			...span,
			method: 'table',
			rule: 'table_total_score',
			decimals: score.decimals
		});
	}
}

/** The project a 项目支出绩效自评表 is about: the cell after 项目名称 / 专项名称. */
function projectNameOf(t: Table): string | null {
	for (const row of t.rows) {
		const i = row.cells.findIndex((x) => /^(专项名称|项目名称)$/.test(x.label));
		if (i >= 0) {
			const name = row.cells.slice(i + 1).find((x) => x.label !== '');
			if (name) return name.label;
		}
	}
	return null;
}

/** 编制数 / 实有人数: beside the label, or under it in the next row. */
function headcount(c: Collector, t: Table): void {
	t.rows.forEach((row, r) => {
		row.cells.forEach((cell, i) => {
			const column = /^(人员)?编制(人)?数?$/.test(cell.label)
				? 'headcount_authorized'
				: /实有人数|实际在职人数|^在职人数$/.test(cell.label)
					? 'headcount_actual'
					: null;
			if (!column) return;
			const beside = row.cells[i + 1];
			const below = t.rows[r + 1]?.cells[i];
			const pick = [beside, below].find((x) => x && /^\d+$/.test(x.label));
			if (!pick) return;
			c.add({
				table: 'reports',
				column,
				rowKey: null,
				value: Number(pick.label),
				start: cell.start,
				end: Math.max(cell.end, pick.end),
				method: 'table',
				rule: 'table_headcount',
				decimals: 0
			});
		});
	});
}

/** “绩效自评综合得分及评价等次 | 95 分 等级：优”. */
function scoreCells(c: Collector, t: Table): void {
	for (const row of t.rows) {
		row.cells.forEach((cell, i) => {
			if (!/综合得分|自评得分|总得分/.test(cell.label)) return;
			const next = row.cells[i + 1];
			const m = next && /^(\d+(?:\.\d+)?)分/.exec(next.label);
			if (!m || !next) return;
			c.add({
				table: 'reports',
				column: 'score_total',
				rowKey: null,
				value: Number(m[1]),
				start: cell.start,
				end: next.end,
				method: 'table',
				rule: 'table_score_cell',
				decimals: decimalsOf(m[1])
			});
			const g = /等级[:：]?(优秀|优|良好|良|中等|中|较差|差)/.exec(next.label);
			const grade = g && normalizeGrade(g[1]);
			if (grade)
				c.add({
					table: 'reports',
					column: 'grade',
					rowKey: null,
					value: grade,
					start: cell.start,
					end: next.end,
					method: 'table',
					rule: 'table_score_cell'
				});
		});
	}
}

/** Cheap guard: a table without such a cell cannot hold what a rule looks for. */
const has = (t: Table, re: RegExp) => t.rows.some((r) => r.cells.some((c) => re.test(c.label)));

export function extractTables(
	c: Collector,
	tables: readonly Table[],
	fiscalYear: number | null
): TableFindings {
	const out: TableFindings = { indicators: [], totalWeight: null, projectNames: [] };
	for (const t of tables) {
		const project = isProjectTable(t) ? projectNameOf(t) : null;
		if (isProjectTable(t) && !project) continue;
		if (project) out.projectNames.push(project);
		if (!project) {
			if (has(t, /^20\d\d年/)) yearColumnTables(c, t);
			if (has(t, /^(机构|单位|部门)(名称)?$/)) unitRowTables(c, t, fiscalYear);
			if (has(t, /编制|人数/)) headcount(c, t);
			if (has(t, /得分/)) scoreCells(c, t);
		}
		if (has(t, /^年初预算/)) budgetRows(c, t, project, out);
		if (has(t, /^一级指标$/)) indicatorRows(c, t, project, out);
	}
	return out;
}
