/**
 * Test helpers: Grids from literal 2D arrays (the way hyperformula's tests build sheets) and builders
 * for the published layouts (national, transfer, 云南, 四川), plus a contract shape checker.
 */
import { fromA1, gridFromArrays, toA1, type CellInput, type Grid, type CellRef } from '../../src/core/grid';
import { evaluateWorkbook } from '../../src/core/engine';
import { parseProfile, type ProfileInput, type RuleProfile } from '../../src/core/profile';
import type { IssueCode, TableResult, WorkbookResult } from '../../src/core/result';

/** 'B7' → { row: 6, col: 1 }. */
export const adr = (a1: string): CellRef => fromA1(a1);

/** A percent-formatted number as Excel stores it: 0.66 shown "66%". */
export function pct(value: number, decimals = 0): CellInput {
  const fmt = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
  return { value, text: `${(value * 100).toFixed(decimals)}%`, numberFormat: fmt };
}

/** A number shown with a fixed number of decimals ("10.00"). */
export function fixed(value: number, decimals = 2): CellInput {
  return { value, text: value.toFixed(decimals), numberFormat: `0.${'0'.repeat(decimals)}` };
}

/** A formula cell with its cached result. */
export function formula(f: string, value: number, text?: string, numberFormat?: string): CellInput {
  return { value, formula: f, text: text ?? String(value), numberFormat };
}

export interface Built {
  rows: CellInput[][];
  merges: string[];
}

/** Shifts a built table so that its A1 lands on `at` (rows, merges alike). */
export function place(b: Built, at = 'A1'): Built {
  const o = fromA1(at);
  const rows: CellInput[][] = [];
  b.rows.forEach((r, i) => {
    const row: CellInput[] = [];
    r.forEach((c, j) => (row[o.col + j] = c));
    rows[o.row + i] = row;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = b.merges.map((m) => m.split(':').map((a) => { const p = fromA1(a); return toA1(p.row + o.row, p.col + o.col); }).join(':'));
  return { rows, merges };
}

/** Stacks tables vertically with `gap` blank rows between them. */
export function stack(parts: Built[], gap = 2): Built {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  for (const p of parts) {
    const offset = rows.length;
    rows.push(...p.rows.map((r) => [...r]));
    merges.push(...place({ rows: [], merges: p.merges }, toA1(offset, 0)).merges);
    for (let i = 0; i < gap; i++) rows.push([]);
  }
  return { rows, merges };
}

export function toGrid(b: Built, name = '自评表', options: { at?: string; hidden?: boolean } = {}): Grid {
  const p = options.at ? place(b, options.at) : b;
  return gridFromArrays(name, p.rows, { merges: p.merges, hidden: options.hidden });
}

export interface Ind {
  /** 一级 label; undefined = same group as the row above (merged down when `mergeLevels`). */
  l1?: string;
  l2?: string;
  name: CellInput;
  target?: CellInput;
  actual?: CellInput;
  weight?: CellInput;
  score?: CellInput;
  deviation?: CellInput;
  /** 云南/四川 only. */
  nature?: CellInput;
  unit?: CellInput;
}

/** A clean national table: 10 + 50 + 30 + 10 = 100, every score right, no issue. */
export const CLEAN_INDICATORS: Ind[] = [
  { l1: '产出指标', l2: '数量指标', name: '热线来电受理量', target: '≥30万件', actual: '32.6万件', weight: 20, score: 20 },
  { l2: '质量指标', name: '工单按时办结率', target: '≥95%', actual: pct(0.975, 1), weight: 15, score: 15 },
  { l2: '时效指标', name: '工单办理时限', target: '≤5个工作日', actual: '4个工作日', weight: 5, score: 5 },
  { l2: '成本指标', name: '运行经费', target: '97.9万元', actual: '95.2万元', weight: 10, score: 10 },
  { l1: '效益指标', l2: '社会效益指标', name: '群众诉求解决率', target: '≥90%', actual: '92%', weight: 20, score: 20 },
  { l2: '可持续影响指标', name: '长效工作机制', target: '健全', actual: '达成年度指标', weight: 10, score: 10 },
  { l1: '满意度指标', l2: '服务对象满意度指标', name: '来电群众满意度', target: '≥90%', actual: '96.5%', weight: 10, score: 10 },
];

export interface FundsRowSpec {
  label: CellInput;
  /** 年初预算数, 全年预算数(A), 全年执行数(B), 分值, 执行率, 得分 (national order). */
  values: CellInput[];
}

export interface NationalOptions {
  title?: CellInput;
  yearLine?: CellInput;
  name?: CellInput;
  department?: CellInput;
  implementer?: CellInput;
  fundsHeader?: CellInput[];
  fundsGroup?: CellInput;
  funds?: FundsRowSpec[];
  indicatorHeader?: CellInput[];
  indicators?: Ind[];
  /** [分值合计, 总分]; null: no 总分 row. */
  total?: [CellInput, CellInput] | null;
  totalLabel?: string;
  mergeLevels?: boolean;
  /** Extra rows after the table (notes, signatures). */
  after?: CellInput[][];
}

export const NATIONAL_FUNDS: FundsRowSpec[] = [
  { label: '年度资金总额', values: [97.9, 97.9, 97.9, 10, pct(1, 2), 10] },
  { label: '其中：当年财政拨款', values: [97.9, 97.9, 97.9, '—', pct(1, 2), '—'] },
  { label: '上年结转资金', values: [null, null, null, '—', null, '—'] },
  { label: '其他资金', values: [null, null, null, '—', null, '—'] },
];

/**
 * The national 项目支出绩效自评表 (财预〔2020〕10号), laid out like the seed: A group labels, B 一级,
 * C 二级 / funds labels, D 三级 / 年初预算数 … I 偏差原因 / 得分.
 */
export function nationalTable(o: NationalOptions = {}): Built {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const r = () => rows.length + 1; // next Excel row
  merges.push(`A${r()}:I${r()}`);
  rows.push([o.title ?? '项目支出绩效自评表']);
  merges.push(`A${r()}:I${r()}`);
  rows.push([o.yearLine ?? '（2023年度）']);
  merges.push(`A${r()}:B${r()}`, `C${r()}:I${r()}`);
  rows.push(['项目名称', null, o.name === undefined ? '12345市民热线服务中心运行经费' : o.name]);
  rows.push(['主管部门', null, o.department ?? '西安市新城区人民政府办公室', null, null, '实施单位', null, o.implementer ?? '区政府办']);
  const funds = o.funds ?? NATIONAL_FUNDS;
  const fundsTop = r();
  rows.push([o.fundsGroup ?? '项目资金（万元）', null, null, ...(o.fundsHeader ?? ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'])]);
  for (const f of funds) rows.push([null, null, f.label, ...f.values]);
  merges.push(`A${fundsTop}:B${r() - 1}`);
  merges.push(`A${r()}:A${r() + 1}`, `B${r()}:E${r()}`, `F${r()}:I${r()}`, `B${r() + 1}:E${r() + 1}`, `F${r() + 1}:I${r() + 1}`);
  rows.push(['年度总体目标', '预期目标', null, null, null, '实际完成情况']);
  rows.push([null, '高效受理群众诉求，按时办结工单，保障热线平台正常运行。', null, null, null, '全年受理来电32.6万件，按时办结率97.5%，平台运行平稳。']);
  const indTop = r();
  rows.push(['绩效指标', ...(o.indicatorHeader ?? ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'])]);
  const inds = o.indicators ?? CLEAN_INDICATORS;
  let groupStart = r();
  let current = '';
  inds.forEach((ind, i) => {
    const starts = i === 0 || ind.l1 !== undefined;
    if (starts && i > 0 && o.mergeLevels !== false && r() - 1 > groupStart) merges.push(`B${groupStart}:B${r() - 1}`);
    if (starts) {
      groupStart = r();
      current = ind.l1 ?? '';
    }
    const l1 = starts || o.mergeLevels === false ? current : null;
    rows.push([null, l1, ind.l2 ?? null, ind.name, ind.target ?? null, ind.actual ?? null, ind.weight ?? null, ind.score ?? null, ind.deviation ?? null]);
  });
  if (o.mergeLevels !== false && r() - 1 > groupStart) merges.push(`B${groupStart}:B${r() - 1}`);
  merges.push(`A${indTop}:A${r() - 1}`);
  if (o.total !== null) {
    const [w, s] = o.total ?? [100, 100];
    merges.push(`A${r()}:F${r()}`);
    rows.push([o.totalLabel ?? '总分', null, null, null, null, null, w, s]);
  }
  rows.push(...(o.after ?? []));
  return { rows, merges };
}

/** The transfer-payment 绩效目标自评表: no 年初预算数, 分值 before 指标值, 未完成原因 column, starts at 一级指标 in A. */
export function transferTable(o: { indicators?: Ind[]; funds?: FundsRowSpec[]; total?: [CellInput, CellInput]; title?: string } = {}): Built {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const r = () => rows.length + 1;
  merges.push('A1:H1');
  rows.push([o.title ?? '2023年度中央对地方转移支付项目绩效目标自评表']);
  merges.push('A2:B2', 'C2:H2');
  rows.push(['项目名称', null, '农村公路养护中央补助资金']);
  rows.push(['主管部门', null, '县交通运输局', null, '实施单位', null, '县公路事业发展中心']);
  const top = r();
  rows.push(['资金情况（万元）', null, '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']);
  // 全年预算数, 全年执行数, 分值, 执行率, 得分
  const funds = o.funds ?? [
    { label: '年度资金总额：', values: [500, 450, 10, pct(0.9), 9] },
    { label: '其中：中央补助', values: [400, 360, null, pct(0.9), null] },
    { label: '地方资金', values: [100, 90, null, pct(0.9), null] },
  ];
  for (const f of funds) rows.push([null, f.label, ...f.values]);
  merges.push(`A${top}:A${r() - 1}`);
  rows.push(['年度总体目标', '预期目标', null, null, '实际完成情况']);
  rows.push([null, '完成农村公路日常养护1200公里，优良中等路率不低于80%。', null, null, '完成养护1180公里，优良中等路率82%。']);
  rows.push(['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施']);
  const inds = o.indicators ?? [
    { l1: '产出指标', l2: '数量指标', name: '农村公路养护里程', weight: 25, target: '≥1200公里', actual: '1180公里', score: 24.58, deviation: '部分路段汛期水毁，转入下年修复' },
    { l1: '产出指标', l2: '质量指标', name: '优良中等路率', weight: 25, target: '≥80%', actual: '82%', score: 25 },
    { l1: '效益指标', l2: '社会效益指标', name: '群众出行条件', weight: 30, target: '明显改善', actual: '明显改善', score: 30 },
    { l1: '满意度指标', l2: '服务对象满意度指标', name: '沿线群众满意度', weight: 10, target: '≥90%', actual: '93%', score: 10 },
  ];
  for (const i of inds) rows.push([i.l1 ?? null, i.l2 ?? null, i.name, i.weight ?? null, i.target ?? null, i.actual ?? null, i.score ?? null, i.deviation ?? null]);
  merges.push(`A${r()}:C${r()}`);
  const [w, s] = o.total ?? [100, 98.58];
  rows.push(['合计', null, null, w, null, null, s]);
  return { rows, merges };
}

/**
 * A 云南 table as published (丽江, 2020): a two-row indicator header — 绩效指标 | 年度指标值 (over
 * 指标性质/指标值/度量单位) | 实际完成值 | 分值 | 得分 | 偏差原因 — with "﹦" natures and bare numbers under 度量单位.
 */
export function yunnanTable(o: { indicators?: Ind[]; total?: [CellInput, CellInput] } = {}): Built {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const r = () => rows.length + 1;
  merges.push('A1:J1');
  rows.push(['2020年度项目支出绩效自评表']);
  merges.push('B2:J2');
  rows.push(['项目名称', '2020年省级自然资源卫片执法补助经费']);
  rows.push(['主管部门', '丽江市自然资源和规划局', null, null, null, '实施单位', '丽江市古城区自然资源局']);
  const top = r();
  rows.push(['项目资金\n（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  merges.push(`B${r()}:C${r()}`);
  rows.push([null, '年度资金总额', null, 7.29, 7.29, 7.29, fixed(10), pct(1), fixed(10)]);
  merges.push(`B${r()}:C${r()}`);
  rows.push([null, '其中：当年财政拨款', null, 7.29, 7.29, 7.29, null, pct(1)]);
  merges.push(`B${r()}:C${r()}`);
  rows.push([null, '上年结转资金']);
  merges.push(`B${r()}:C${r()}`);
  rows.push([null, '其他资金']);
  merges.push(`A${top}:A${r() - 1}`);
  merges.push(`A${r()}:A${r() + 1}`, `B${r()}:E${r()}`, `F${r()}:J${r()}`, `B${r() + 1}:E${r() + 1}`, `F${r() + 1}:J${r() + 1}`);
  rows.push(['年度\n总体\n目标', '预期目标', null, null, null, '实际完成情况']);
  rows.push([null, '开展自然资源卫片执法工作', null, null, null, '完成全年卫片执法图斑核查']);
  const h1 = r();
  merges.push(`A${h1}:C${h1}`, `D${h1}:F${h1}`, `G${h1}:G${h1 + 1}`, `H${h1}:H${h1 + 1}`, `I${h1}:I${h1 + 1}`, `J${h1}:J${h1 + 1}`);
  rows.push(['绩效指标', null, null, '年度指标值', null, null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  rows.push(['一级 指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位']);
  const inds = o.indicators ?? [
    { l1: '产出指标', l2: '数量指标', name: '卫片执法补助经费', nature: '﹦', target: 72890, unit: '元', actual: 72890, weight: fixed(10), score: fixed(10) },
    { l2: '质量指标', name: '项目验收合格率', nature: '﹦', target: 100, unit: '%', actual: 100, weight: 20, score: 20 },
    { l2: '时效指标', name: '项目完成及时率', nature: '﹦', target: 100, unit: '%', actual: 100, weight: fixed(20), score: fixed(20) },
    { l1: '效益指标', l2: '社会效益指标', name: '违法行为责停率', nature: '≥', target: 95, unit: '%', actual: 96, weight: fixed(30), score: fixed(30) },
    { l1: '满意度指标', l2: '服务对象满意度指标', name: '满意度', nature: '≥', target: 95, unit: '%', actual: 95, weight: fixed(10), score: fixed(10) },
  ];
  let groupStart = r();
  inds.forEach((i, k) => {
    if (k > 0 && i.l1 !== undefined) {
      if (r() - 1 > groupStart) merges.push(`A${groupStart}:A${r() - 1}`);
      groupStart = r();
    }
    rows.push([i.l1 ?? null, i.l2 ?? null, i.name, i.nature ?? null, i.target ?? null, i.unit ?? null, i.actual ?? null, i.weight ?? null, i.score ?? null, i.deviation ?? null]);
  });
  if (r() - 1 > groupStart) merges.push(`A${groupStart}:A${r() - 1}`);
  merges.push(`A${r()}:G${r()}`);
  const [w, s] = o.total ?? [fixed(100), fixed(100)];
  rows.push(['总分', null, null, null, null, null, null, w, s]);
  return { rows, merges };
}

/**
 * A 四川 部门预算项目支出绩效自评表 as published (青神县, 2023): 预算执行情况(10分) with 年初预算/调整后预算数/
 * 预算执行数/预算执行率/权重/得分/原因; 绩效指标(90分) with 指标性质/指标值/度量单位/完成值/权重/得分/未完成原因分析; 合计.
 */
export function sichuanTable(o: { indicators?: Ind[]; funds?: FundsRowSpec[]; total?: [CellInput, CellInput]; reason?: CellInput } = {}): Built {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const r = () => rows.length + 1;
  rows.push(['报表编号：510000_0013zp']);
  merges.push('A2:K2');
  rows.push(['部门预算项目支出绩效自评表（2023年度）']);
  merges.push('B3:K3');
  rows.push(['项目名称', '51000021R000000019951-工资性支出']);
  merges.push('B4:E4', 'F4:G4', 'H4:K4');
  rows.push(['主管部门', '青神县发展和改革局本级', null, null, null, '实施单位（盖章）', null, '青神县发展和改革局']);
  merges.push('A5:A6', 'B5:B6');
  rows.push(['项目基本情况', '1.项目年度目标完成情况', '项目年度目标', null, null, null, '年度目标完成情况']);
  rows.push([null, null, '严格执行相关政策，保障工资及时、足额发放。', null, null, null, '工资及时足额发放。']);
  const top = r();
  rows.push(['预算执行情况（10分）', '年度预算数（万元）', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因']);
  // 年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分, 原因
  const funds = o.funds ?? [
    { label: '总额', values: [238.93, 251.89, 241.81, pct(0.96, 2), 10, 9.6, o.reason === undefined ? '年中追加绩效工资12.96万元，部分年底到账未及时支付。' : o.reason] },
    { label: '其中：财政资金', values: [238.93, 251.89, 241.81, pct(0.96, 2), '/', '/'] },
    { label: '财政专户管理资金', values: [0, 0, 0, pct(0, 2), '/', '/'] },
    { label: '单位资金', values: [0, 0, 0, pct(0, 2), '/', '/'] },
    { label: '其他资金', values: [null, null, null, null, '/', '/'] },
  ];
  for (const f of funds) rows.push([null, f.label, ...f.values]);
  merges.push(`A${top}:A${r() - 1}`, `I${top + 1}:K${top + 1}`);
  const head = r();
  rows.push(['绩效指标（90分）', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
  const inds = o.indicators ?? [
    { l1: '产出指标', l2: '数量指标', name: '发放（缴纳）覆盖率', nature: '=', target: 100, unit: '%', actual: 100, weight: 60, score: 60 },
    { l1: '效益指标', l2: '社会效益指标', name: '足额保障率（参保率）', nature: '=', target: 100, unit: '%', actual: 100, weight: 30, score: 30 },
  ];
  for (const i of inds) rows.push([null, i.l1 ?? null, i.l2 ?? null, i.name, i.nature ?? null, i.target ?? null, i.unit ?? null, i.actual ?? null, i.weight ?? null, i.score ?? null, i.deviation ?? null]);
  merges.push(`A${head}:A${r() - 1}`);
  merges.push(`A${r()}:H${r()}`);
  const [w, s] = o.total ?? [100, 99.6];
  rows.push(['合计', null, null, null, null, null, null, null, w, s]);
  rows.push(['评价结论', '结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。']);
  rows.push(['存在问题', '无']);
  rows.push(['项目负责人：', null, null, null, null, '财务负责人：']);
  return { rows, merges };
}

export function evaluate(grids: Grid | Grid[], profile: ProfileInput | RuleProfile = {}): WorkbookResult {
  return evaluateWorkbook(Array.isArray(grids) ? grids : [grids], parseProfile(profile));
}

/** The one table of a result (fails the test when there is not exactly one). */
export function only(result: WorkbookResult): TableResult {
  if (result.tables.length !== 1) throw new Error(`expected one table, got ${result.tables.length}: ${JSON.stringify(result.issues)}`);
  return result.tables[0];
}

export const codes = (t: TableResult | WorkbookResult) => t.issues.map((i) => i.code);
export const issueAt = (t: TableResult, code: IssueCode) => t.issues.filter((i) => i.code === code);
export const ind = (t: TableResult, name: string) => {
  const found = t.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}: ${t.indicators.map((i) => i.name).join(', ')}`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// Contract shape checker (CONTRACT.md): every field with its type, codes and severities valid.

export const ISSUE_CODES: IssueCode[] = [
  'TABLE_NOT_FOUND', 'UNREADABLE_FILE', 'MISSING_VALUE', 'NOT_A_NUMBER', 'NEGATIVE_VALUE', 'EXECUTION_OVER_BUDGET',
  'BUDGET_ADJUSTED', 'FUNDS_SUM', 'RATE_MISMATCH', 'SCORE_MISMATCH', 'SCORE_OVER_WEIGHT', 'WEIGHT_SUM', 'LEVEL1_WEIGHT',
  'WEIGHT_PROFILE', 'TOTAL_MISMATCH', 'DEVIATION_UNEXPLAINED', 'UNIT_MISMATCH', 'VAGUE_ACTUAL', 'QUALITATIVE_OUT_OF_TIER',
  'MANUAL_SCORE', 'OVER_ACHIEVED', 'MISSING_SCORE',
];

/** Severity each code may carry (CONTRACT.md's table). */
export const CODE_SEVERITIES: Record<IssueCode, string[]> = {
  TABLE_NOT_FOUND: ['error'], UNREADABLE_FILE: ['error'], MISSING_VALUE: ['error', 'warning'], NOT_A_NUMBER: ['error'],
  NEGATIVE_VALUE: ['error'], EXECUTION_OVER_BUDGET: ['warning'], BUDGET_ADJUSTED: ['info'], FUNDS_SUM: ['error'],
  RATE_MISMATCH: ['warning'], SCORE_MISMATCH: ['warning'], SCORE_OVER_WEIGHT: ['error'], WEIGHT_SUM: ['error'],
  LEVEL1_WEIGHT: ['warning'], WEIGHT_PROFILE: ['info'], TOTAL_MISMATCH: ['warning'], DEVIATION_UNEXPLAINED: ['warning'],
  UNIT_MISMATCH: ['warning'], VAGUE_ACTUAL: ['warning'], QUALITATIVE_OUT_OF_TIER: ['warning'], MANUAL_SCORE: ['info'],
  OVER_ACHIEVED: ['info'], MISSING_SCORE: ['error'],
};

const KINDS = ['positive', 'negative', 'equal', 'qualitative', 'not_applicable', 'unknown'];
const SOURCES = ['computed', 'stated', 'none'];
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;
const RANGE = /^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/;
const CJK = /[\u4e00-\u9fff]/;

/** Every violation of the result contract, as readable paths; [] when the result is well-formed. */
export function contractViolations(result: WorkbookResult): string[] {
  const errs: string[] = [];
  const expect = (ok: boolean, path: string, v: unknown) => { if (!ok) errs.push(`${path}: ${JSON.stringify(v)}`); };
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const numOrNull = (v: unknown, p: string) => expect(v === null || num(v), p, v);
  const strOrNull = (v: unknown, p: string) => expect(v === null || typeof v === 'string', p, v);
  const a1OrNull = (v: unknown, p: string) => expect(v === null || (typeof v === 'string' && A1.test(v)), p, v);
  const checkIssue = (i: WorkbookResult['issues'][number], p: string, fileLevel: boolean) => {
    expect(ISSUE_CODES.includes(i.code), `${p}.code`, i.code);
    expect((CODE_SEVERITIES[i.code] ?? []).includes(i.severity), `${p}.severity(${i.code})`, i.severity);
    expect(typeof i.message === 'string' && CJK.test(i.message), `${p}.message`, i.message);
    if (fileLevel) expect(i.cell === null, `${p}.cell`, i.cell);
    else {
      a1OrNull(i.cell, `${p}.cell`);
      if (i.cell) expect(i.message.includes(i.cell), `${p}.message names ${i.cell}`, i.message);
    }
  };
  expect(Array.isArray(result.tables), 'tables', result.tables);
  expect(Array.isArray(result.issues), 'issues', result.issues);
  result.issues.forEach((i, k) => checkIssue(i, `issues[${k}]`, true));
  if (!result.tables.length) expect(result.issues.some((i) => i.code === 'TABLE_NOT_FOUND' || i.code === 'UNREADABLE_FILE'), 'no table: TABLE_NOT_FOUND or UNREADABLE_FILE', result.issues);
  result.tables.forEach((t, k) => {
    const p = `tables[${k}]`;
    expect(typeof t.sheet === 'string', `${p}.sheet`, t.sheet);
    expect(typeof t.range === 'string' && RANGE.test(t.range), `${p}.range`, t.range);
    expect(typeof t.layout === 'string' && t.layout.length > 0, `${p}.layout`, t.layout);
    strOrNull(t.title, `${p}.title`);
    expect(t.year === null || Number.isInteger(t.year), `${p}.year`, t.year);
    for (const f of ['name', 'department', 'implementer'] as const) strOrNull(t.project?.[f], `${p}.project.${f}`);
    const f = t.funds;
    for (const key of ['initialBudget', 'budget', 'executed', 'rate', 'weight', 'score', 'statedRate', 'statedScore'] as const) numOrNull(f[key], `${p}.funds.${key}`);
    a1OrNull(f.rateCell, `${p}.funds.rateCell`);
    a1OrNull(f.scoreCell, `${p}.funds.scoreCell`);
    expect(Array.isArray(f.sources), `${p}.funds.sources`, f.sources);
    f.sources.forEach((s, j) => {
      expect(typeof s.label === 'string', `${p}.funds.sources[${j}].label`, s.label);
      for (const key of ['initialBudget', 'budget', 'executed'] as const) numOrNull(s[key], `${p}.funds.sources[${j}].${key}`);
    });
    expect(Array.isArray(t.indicators), `${p}.indicators`, t.indicators);
    t.indicators.forEach((i, j) => {
      const q = `${p}.indicators[${j}]`;
      for (const key of ['level1', 'level2', 'name', 'target', 'actual'] as const) expect(typeof i[key] === 'string', `${q}.${key}`, i[key]);
      expect(i.name.length > 0, `${q}.name nonempty`, i.name);
      expect(KINDS.includes(i.kind), `${q}.kind`, i.kind);
      expect(SOURCES.includes(i.scoreSource), `${q}.scoreSource`, i.scoreSource);
      numOrNull(i.weight, `${q}.weight`);
      numOrNull(i.score, `${q}.score`);
      numOrNull(i.statedScore, `${q}.statedScore`);
      expect(Number.isInteger(i.row) && i.row >= 1, `${q}.row`, i.row);
      a1OrNull(i.scoreCell, `${q}.scoreCell`);
      if (i.score !== null && i.weight !== null) expect(i.score >= 0 && i.score <= i.weight + 1e-9, `${q}.score within 0..weight`, [i.score, i.weight]);
      expect((i.scoreSource === 'none') === (i.score === null), `${q}.scoreSource vs score`, [i.scoreSource, i.score]);
    });
    const tt = t.totals;
    for (const key of ['weight', 'score', 'statedWeight', 'statedScore'] as const) numOrNull(tt[key], `${p}.totals.${key}`);
    a1OrNull(tt.scoreCell, `${p}.totals.scoreCell`);
    strOrNull(t.grade, `${p}.grade`);
    expect(Array.isArray(t.issues), `${p}.issues`, t.issues);
    t.issues.forEach((i, j) => checkIssue(i, `${p}.issues[${j}]`, false));
    if (t.issues.some((i) => i.severity === 'error')) expect(t.grade === null, `${p}.grade null while an error stands`, t.grade);
  });
  return errs;
}

/** The clean indicators with some rows patched by index. */
export function patchIndicators(patches: Record<number, Partial<Ind>>): Ind[] {
  return CLEAN_INDICATORS.map((x, i) => ({ ...x, ...(patches[i] ?? {}) }));
}
