/**
 * The blank 项目支出绩效自评表 (财预〔2020〕10号 附件) as a SheetSpec, and its transfer-payment variant
 * (绩效目标自评表). Laid out with the labels the detector already knows (layouts.ts), so a filled
 * template is found and scored like any published table, without special cases.
 */
import { columnLetters } from './grid';
import type { SheetSpec, SpecCell, SpecMerge, SpecStyle, SpecValidation } from './sheetSpec';

export type TemplateLayout = 'national' | 'transfer';

export interface TemplateOptions {
  layout: TemplateLayout;
  /** The 年度 shown under the title; omitted: a blank "（    年度）" field to fill in. */
  year?: number;
  /** Sheet name; default 空白自评表. */
  name?: string;
}

export const TEMPLATE_LAYOUTS: readonly TemplateLayout[] = ['national', 'transfer'];
export const DEFAULT_TEMPLATE_NAME = '空白自评表';
export const TEMPLATE_TITLES: Record<TemplateLayout, string> = {
  national: '项目支出绩效自评表',
  transfer: '绩效目标自评表',
};

/** Fill of cells the user types into. Lavender: distinct from every mark colour (red, yellow, green, blue), so typed input never reads as a mark. */
export const INPUT_FILL = '#EDE7F6';
/**
 * Fill of cells 一键评分 writes (执行率, 得分, 总分, 评价等级). Grey, not light blue: the info mark's
 * fill (SEVERITY_FILL.info, #DDEBF7) would be lost on a light-blue cell.
 */
export const COMPUTED_FILL = '#F2F2F2';
export const COMPUTED_NOTE = '由一键评分自动计算';

/** The usual 二级 indicators under each 一级 (财预〔2020〕10号 附件 indicator framework). */
export const LEVEL2_BY_LEVEL1: readonly { level1: string; level2: readonly string[] }[] = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { level1: '满意度指标', level2: ['服务对象满意度指标'] },
];

/** Empty 三级 rows offered under each 二级. */
export const SPARE_ROWS_PER_LEVEL2 = 2;

export const FUNDS_ROWS = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'] as const;

const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const WIDTH = 9; // columns A..I

/** Which column (0-based) holds what; the two layouts differ only in these. */
interface Columns {
  funds: {
    /** The row label: one column, or two merged. */
    label: [number, number];
    initialBudget: number | null;
    budget: number;
    executed: number;
    weight: number;
    rate: number;
    score: number;
  };
  indicators: {
    group: number;
    level1: number;
    level2: number;
    name: number;
    target: number;
    actual: number;
    weight: number;
    score: number;
    deviation: number;
  };
  deviationTitle: string;
  /** Column widths in characters, A..I. */
  widths: number[];
}

const COLUMNS: Record<TemplateLayout, Columns> = {
  national: {
    funds: { label: [2, 2], initialBudget: 3, budget: 4, executed: 5, weight: 6, rate: 7, score: 8 },
    indicators: { group: 0, level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, deviation: 8 },
    deviationTitle: '偏差原因分析及改进措施',
    widths: [6, 12, 20, 24, 14, 14, 8, 10, 26],
  },
  // 转移支付: no 年初预算数, 分值 before 指标值.
  transfer: {
    funds: { label: [2, 3], initialBudget: null, budget: 4, executed: 5, weight: 6, rate: 7, score: 8 },
    indicators: { group: 0, level1: 1, level2: 2, name: 3, weight: 4, target: 5, actual: 6, score: 7, deviation: 8 },
    deviationTitle: '未完成原因及拟采取的改进措施',
    widths: [6, 12, 20, 24, 10, 14, 14, 10, 26],
  },
};

/** Row numbers (1-based) of the blocks; fixed apart from the indicator rows. */
export interface TemplateRows {
  title: number;
  year: number;
  projectName: number;
  department: number;
  fundsHeader: number;
  fundsTotal: number;
  fundsLast: number;
  goalsHeader: number;
  goalsText: number;
  indicatorHeader: number;
  firstIndicator: number;
  lastIndicator: number;
  total: number;
  legend: number;
}

export function templateRows(): TemplateRows {
  const indicatorCount = LEVEL2_BY_LEVEL1.reduce((n, g) => n + g.level2.length * SPARE_ROWS_PER_LEVEL2, 0);
  const firstIndicator = 13;
  const lastIndicator = firstIndicator + indicatorCount - 1;
  return {
    title: 1,
    year: 2,
    projectName: 3,
    department: 4,
    fundsHeader: 5,
    fundsTotal: 6,
    fundsLast: 5 + FUNDS_ROWS.length,
    goalsHeader: 10,
    goalsText: 11,
    indicatorHeader: 12,
    firstIndicator,
    lastIndicator,
    total: lastIndicator + 1,
    legend: lastIndicator + 3,
  };
}

/** One indicator row of the template: its row number and the 一级/二级 it is offered under. */
export interface TemplateIndicatorRow {
  row: number;
  level1: string;
  level2: string;
}

export function templateIndicatorRows(): TemplateIndicatorRow[] {
  const out: TemplateIndicatorRow[] = [];
  let row = templateRows().firstIndicator;
  for (const g of LEVEL2_BY_LEVEL1) {
    for (const level2 of g.level2) {
      for (let i = 0; i < SPARE_ROWS_PER_LEVEL2; i++) out.push({ row: row++, level1: g.level1, level2 });
    }
  }
  return out;
}

/** Where each input and output of a template sits (A1), for filling it and for tests. */
export interface TemplateAddresses {
  projectName: string;
  department: string;
  implementer: string;
  year: string;
  funds: { row: number; initialBudget: string | null; budget: string; executed: string; weight: string; rate: string; score: string }[];
  goalsExpected: string;
  goalsActual: string;
  indicatorColumns: { level2: string; name: string; target: string; actual: string; weight: string; score: string; deviation: string };
  total: { weight: string; score: string; gradeLabel: string; grade: string };
}

export function templateAddresses(layout: TemplateLayout): TemplateAddresses {
  const R = templateRows();
  const c = COLUMNS[layout];
  const L = columnLetters;
  const f = c.funds;
  const i = c.indicators;
  const grade = gradeColumns(c);
  return {
    projectName: `C${R.projectName}`,
    department: `C${R.department}`,
    implementer: `H${R.department}`,
    year: `A${R.year}`,
    funds: FUNDS_ROWS.map((_, k) => {
      const row = R.fundsTotal + k;
      return {
        row,
        initialBudget: f.initialBudget === null ? null : `${L(f.initialBudget)}${row}`,
        budget: `${L(f.budget)}${row}`,
        executed: `${L(f.executed)}${row}`,
        weight: `${L(f.weight)}${row}`,
        rate: `${L(f.rate)}${row}`,
        score: `${L(f.score)}${row}`,
      };
    }),
    goalsExpected: `B${R.goalsText}`,
    goalsActual: `F${R.goalsText}`,
    indicatorColumns: {
      level2: L(i.level2),
      name: L(i.name),
      target: L(i.target),
      actual: L(i.actual),
      weight: L(i.weight),
      score: L(i.score),
      deviation: L(i.deviation),
    },
    total: {
      weight: `${L(i.weight)}${R.total}`,
      score: `${L(i.score)}${R.total}`,
      gradeLabel: `${L(grade.label)}${R.total}`,
      grade: `${L(grade.value)}${R.total}`,
    },
  };
}

/**
 * 评价等级 sits in the 总分 row, in the first two adjacent columns right of 三级指标 that hold neither
 * 分值 nor 得分: the detector reads the grade from the cell right of the label.
 */
function gradeColumns(c: Columns): { label: number; value: number } {
  const i = c.indicators;
  const taken = new Set([i.weight, i.score]);
  for (let col = i.name + 1; col + 1 < i.deviation; col++) {
    if (!taken.has(col) && !taken.has(col + 1)) return { label: col, value: col + 1 };
  }
  throw new Error('no room for 评价等级 in the total row');
}

/**
 * The year a new template is most likely for: self-evaluation of a budget year runs into the first
 * half of the next one, so before July it is last year.
 */
export function defaultTemplateYear(today: Date): number {
  return today.getMonth() < 6 ? today.getFullYear() - 1 : today.getFullYear();
}

/**
 * `base`, or `base (2)`, `base (3)`… whichever no sheet has yet. Excel compares sheet names
 * case-insensitively and allows 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase()));
  const fit = (suffix: string) => `${[...base].slice(0, 31 - suffix.length).join('')}${suffix}`;
  for (let n = 1; ; n++) {
    const name = fit(n === 1 ? '' : ` (${n})`);
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

export function isTemplateLayout(x: unknown): x is TemplateLayout {
  return typeof x === 'string' && (TEMPLATE_LAYOUTS as readonly string[]).includes(x);
}

/** Year line under the title: "（2026年度）", or a blank field. */
export function yearLine(year: number | undefined): string {
  return year === undefined ? '（      年度）' : `（${year}年度）`;
}

const body: SpecStyle = { fontName: BODY_FONT, fontSize: 11, border: true, vertical: 'middle', wrap: true };
const label: SpecStyle = { ...body, bold: true, horizontal: 'center' };
const input: SpecStyle = { ...body, fill: INPUT_FILL, locked: false };
const computed: SpecStyle = { ...body, fill: COMPUTED_FILL, horizontal: 'center' };

/** The template as a SheetSpec. Throws RangeError on an unknown layout or a year outside 1900–2200. */
export function templateSpec(options: TemplateOptions): SheetSpec {
  const layout = options.layout;
  if (!isTemplateLayout(layout)) throw new RangeError(`unknown template layout: ${String(layout)}`);
  const year = options.year;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) {
    throw new RangeError(`bad template year: ${String(year)}`);
  }
  const name = options.name ?? DEFAULT_TEMPLATE_NAME;
  const c = COLUMNS[layout];
  const R = templateRows();
  const L = columnLetters;
  const last = L(WIDTH - 1);

  const cells: SpecCell[] = [];
  const merges: SpecMerge[] = [];
  const validations: SpecValidation[] = [];
  const cell = (address: string, value: string | number | null, style: SpecStyle, extra: Partial<SpecCell> = {}) =>
    cells.push({ address, value, ...style, ...extra });
  /** A bordered area: merged when wider or taller than one cell, value in its top-left. */
  const area = (range: string, value: string | number | null, style: SpecStyle, extra: Partial<SpecCell> = {}) => {
    const [from, to] = range.split(':');
    cell(from, value, style, extra);
    if (to && to !== from) merges.push({ range, ...style });
  };
  const at = (col: number, row: number) => `${L(col)}${row}`;
  const span = (c1: number, c2: number, row: number, row2 = row) => (c1 === c2 && row === row2 ? at(c1, row) : `${at(c1, row)}:${at(c2, row2)}`);

  // ---- title and year
  area(`A${R.title}:${last}${R.title}`, TEMPLATE_TITLES[layout], { fontName: TITLE_FONT, fontSize: 18, bold: true, horizontal: 'center', vertical: 'middle' });
  area(`A${R.year}:${last}${R.year}`, yearLine(year), { fontName: BODY_FONT, fontSize: 12, horizontal: 'center', vertical: 'middle' });

  // ---- header fields
  area(`A${R.projectName}:B${R.projectName}`, '项目名称', label);
  area(`C${R.projectName}:${last}${R.projectName}`, null, input);
  area(`A${R.department}:B${R.department}`, '主管部门', label);
  area(`C${R.department}:E${R.department}`, null, input);
  area(`F${R.department}:G${R.department}`, '实施单位', label);
  area(`H${R.department}:${last}${R.department}`, null, input);

  // ---- funds
  const f = c.funds;
  area(`A${R.fundsHeader}:B${R.fundsLast}`, '项目资金（万元）', label);
  area(span(f.label[0], f.label[1], R.fundsHeader), null, label);
  const fundsHeaders: [number | null, string][] = [
    [f.initialBudget, '年初预算数'],
    [f.budget, '全年预算数（A）'],
    [f.executed, '全年执行数（B）'],
    [f.weight, '分值'],
    [f.rate, '执行率（B/A）'],
    [f.score, '得分'],
  ];
  for (const [col, text] of fundsHeaders) if (col !== null) cell(at(col, R.fundsHeader), text, label);
  FUNDS_ROWS.forEach((rowLabel, k) => {
    const row = R.fundsTotal + k;
    const isTotal = k === 0;
    area(span(f.label[0], f.label[1], row), rowLabel, { ...body, bold: isTotal, horizontal: isTotal ? 'center' : 'left' });
    for (const col of [f.initialBudget, f.budget, f.executed]) if (col !== null) cell(at(col, row), null, { ...input, numberFormat: '0.00', horizontal: 'right' });
    if (isTotal) {
      cell(at(f.weight, row), 10, { ...input, horizontal: 'center' });
      cell(at(f.rate, row), null, { ...computed, numberFormat: '0.00%' }, { note: `${COMPUTED_NOTE}：执行率 = 全年执行数（B）÷ 全年预算数（A）。` });
      cell(at(f.score, row), null, { ...computed, numberFormat: '0.00' }, { note: `${COMPUTED_NOTE}：得分 = 执行率（不超过 100%）× 分值。` });
    } else {
      // Source rows carry no points of their own (the official form's "—").
      cell(at(f.weight, row), '—', { ...body, horizontal: 'center' });
      cell(at(f.rate, row), null, { ...input, numberFormat: '0.00%', horizontal: 'center' });
      cell(at(f.score, row), '—', { ...body, horizontal: 'center' });
    }
  });
  const fundsFirst = R.fundsTotal;
  const fundsLast = R.fundsLast;
  const amountPrompts: [number | null, string, string][] = [
    [f.initialBudget, '年初预算数（万元）', '年初批复的预算数，单位万元。年中调整过预算的，请在“全年预算数（A）”中填调整后的数。'],
    [f.budget, '全年预算数（A）（万元）', '调整后的全年预算数，单位万元；执行率以它为分母。年度资金总额应等于下面各项资金之和。'],
    [f.executed, '全年执行数（B）（万元）', '全年实际支出，单位万元；没有支出请填 0。'],
  ];
  for (const [col, title, prompt] of amountPrompts) {
    if (col === null) continue;
    validations.push({ range: span(col, col, fundsFirst, fundsLast), type: 'decimal', min: 0, promptTitle: title, prompt, error: '请填写不小于 0 的金额（万元），不要带单位。' });
  }
  validations.push({
    range: at(f.weight, R.fundsTotal),
    type: 'decimal',
    min: 0,
    max: 100,
    promptTitle: '预算执行率分值',
    prompt: '全国规则为 10 分（预算执行率 10 + 产出 50 + 效益 30 + 满意度 10 = 100）。本地规则不同的，按本地规则填写。',
    error: '分值应为 0～100 之间的数字。',
  });
  validations.push({
    range: span(f.rate, f.rate, R.fundsTotal + 1, fundsLast),
    type: 'percent',
    min: 0,
    max: 10,
    promptTitle: '执行率（可选）',
    prompt: '该项资金的执行率，如 100%；可不填。',
    error: '请填写不小于 0 的百分比，如 98%。',
  });

  // ---- goals
  area(`A${R.goalsHeader}:A${R.goalsText}`, '年度总体目标', label);
  area(`B${R.goalsHeader}:E${R.goalsHeader}`, '预期目标', label);
  area(`F${R.goalsHeader}:${last}${R.goalsHeader}`, '实际完成情况', label);
  area(`B${R.goalsText}:E${R.goalsText}`, null, { ...input, vertical: 'top' });
  area(`F${R.goalsText}:${last}${R.goalsText}`, null, { ...input, vertical: 'top' });

  // ---- indicators
  const i = c.indicators;
  const rows = templateIndicatorRows();
  area(`${L(i.group)}${R.indicatorHeader}:${L(i.group)}${R.lastIndicator}`, '绩效指标', label);
  const indicatorHeaders: [number, string, string?][] = [
    [i.level1, '一级指标'],
    [i.level2, '二级指标'],
    [i.name, '三级指标', '每行填写一个三级指标名称；不用的行留空即可（不计分）。不适用的指标可在分值处填“/”。'],
    [i.target, '年度指标值', '可写 ≥95%、≤97.9 万元、12 人或定性描述（如“保质保量完成”）。成本指标写金额即按“越低越好”评分。'],
    [i.actual, '实际完成值', '填写实际达到的值，单位与年度指标值一致（如 98%、12 人、64.95 万元）；不要照抄“≥95%”。定性指标写实际完成情况。'],
    [i.weight, '分值'],
    [i.score, '得分'],
    [i.deviation, c.deviationTitle, '得分低于分值、或实际值远超指标值时，请说明原因和改进措施。'],
  ];
  for (const [col, text, note] of indicatorHeaders) cell(at(col, R.indicatorHeader), text, label, note ? { note } : {});
  for (const g of LEVEL2_BY_LEVEL1) {
    const groupRows = rows.filter((r) => r.level1 === g.level1);
    const top = groupRows[0].row;
    const bottom = groupRows[groupRows.length - 1].row;
    area(span(i.level1, i.level1, top, bottom), g.level1, label);
    validations.push({
      range: span(i.level2, i.level2, top, bottom),
      type: 'list',
      list: [...g.level2],
      promptTitle: `${g.level1}的二级指标`,
      prompt: '从下拉列表选择二级指标。每行填一个三级指标，不用的行留空。',
      error: `请从下拉列表中选择${g.level1}的二级指标。`,
    });
  }
  for (const r of rows) {
    cell(at(i.level2, r.row), r.level2, { ...input, horizontal: 'center' });
    cell(at(i.name, r.row), null, input);
    cell(at(i.target, r.row), null, { ...input, horizontal: 'center' });
    cell(at(i.actual, r.row), null, { ...input, horizontal: 'center' });
    cell(at(i.weight, r.row), null, { ...input, horizontal: 'center' });
    cell(at(i.score, r.row), null, { ...computed, numberFormat: '0.00' });
    cell(at(i.deviation, r.row), null, input);
  }
  const first = R.firstIndicator;
  const lastRow = R.lastIndicator;
  validations.push({
    range: span(i.weight, i.weight, first, lastRow),
    type: 'decimal',
    min: 0,
    max: 100,
    promptTitle: '分值',
    prompt: '该指标的分值。原则上 预算执行率 10 + 产出 50 + 效益 30 + 满意度 10 = 100 分。',
    error: '分值应为 0～100 之间的数字；不适用的指标请把三级指标名称留空。',
  });
  validations.push({
    range: span(i.score, i.score, first, lastRow),
    type: 'decimal',
    min: 0,
    max: 100,
    promptTitle: '得分（自动计算）',
    prompt: `${COMPUTED_NOTE}。定性指标未完全达成时，请在该档分值范围内自行填写得分。`,
    error: '得分应为 0～100 之间的数字，且不超过分值。',
  });

  // ---- total and grade
  const grade = gradeColumns(c);
  area(span(0, i.name, R.total), '总分', label);
  cell(at(grade.label, R.total), '评价等级', label);
  cell(at(grade.value, R.total), null, computed, { note: `${COMPUTED_NOTE}：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60；有错误未改正时不评级。` });
  // The points add up live, so a sum other than 100 shows while filling.
  cell(at(i.weight, R.total), null, { ...computed, numberFormat: 'General' }, {
    formula: `SUM(${at(f.weight, R.fundsTotal)},${at(i.weight, first)}:${at(i.weight, lastRow)})`,
    note: '分值合计（含预算执行率），应为 100 分。',
  });
  cell(at(i.score, R.total), null, { ...computed, bold: true, numberFormat: '0.00' }, { note: `${COMPUTED_NOTE}：总分 = 预算执行率得分 + 各指标得分。` });
  for (let col = i.name + 1; col < WIDTH; col++) {
    if (![grade.label, grade.value, i.weight, i.score].includes(col)) cell(at(col, R.total), null, body);
  }

  // ---- legend, outside the table
  area(`A${R.legend}:${last}${R.legend}`, '说明：浅黄色单元格请填写，浅灰色单元格由“一键评分”自动计算（定性指标未完全达成时，得分请自行填写）。金额单位为万元。某类指标多于两个时，可在该类的行中间插入行；不用的行留空即可。', {
    fontName: BODY_FONT,
    fontSize: 9,
    fontColor: '#595959',
    wrap: true,
    vertical: 'top',
  });

  const rowHeights: Record<number, number> = {
    [R.title]: 32,
    [R.year]: 20,
    [R.fundsHeader]: 30,
    [R.goalsText]: 72,
    [R.indicatorHeader]: 30,
    [R.legend]: 30,
  };
  for (const r of [R.projectName, R.department, R.goalsHeader, R.total]) rowHeights[r] = 22;
  for (let r = R.fundsTotal; r <= R.fundsLast; r++) rowHeights[r] = 20;
  for (let r = first; r <= lastRow; r++) rowHeights[r] = 22;

  return {
    name,
    cells,
    merges,
    columnWidths: [...c.widths],
    rowHeights,
    // Title and the 项目名称/主管部门 lines stay in view while filling the blocks below.
    freeze: { rows: R.department, columns: 0 },
    validations,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 } },
  };
}
