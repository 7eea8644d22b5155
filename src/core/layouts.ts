/**
 * Layouts as descriptions of headers. Every column role has the header labels that name it in
 * published tables; a layout is recognised by which roles and titles it shows. Adding a locality's
 * variant means adding labels or a LayoutSpec here, not a parser.
 */
import { includesAny, normalizeLabel } from './text';

export type FundsRole = 'initialBudget' | 'budget' | 'executed' | 'weight' | 'rate' | 'score' | 'deviation';
export type IndicatorRole =
  | 'level1'
  | 'level2'
  | 'name'
  | 'nature'
  | 'target'
  | 'unit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation';

type Synonyms<R extends string> = { role: R; labels: string[]; exclude?: string[] }[];

/**
 * Column markers decide a funds column's meaning whatever the words around them (RULES.md, "More
 * layouts"): "(A)" is the full-year budget (预算数（A）, 调整预算数（A）), "(B)" the execution
 * (执行数（B）, 全年实际值（B）), "(B/A)" the rate. A header that starts with 得分/分值 keeps that role
 * even when it names the rate ("得分（20分*执行率）").
 */
const FUNDS_MARKERS: { role: FundsRole; marker: RegExp }[] = [
  { role: 'rate', marker: /\(B\/A\)/ },
  { role: 'budget', marker: /\(A\)/ },
  { role: 'executed', marker: /\(B\)/ },
];
const LEADING_ROLES: { role: FundsRole; prefix: string }[] = [
  { role: 'score', prefix: '得分' },
  { role: 'weight', prefix: '分值' },
  { role: 'weight', prefix: '权重' },
];

/** The execution weight a 得分 header carries: "得分（20分*执行率）" → 20 (湖北). */
export function headerWeight(text: string): number | null {
  const t = normalizeLabel(text);
  if (!t.startsWith('得分')) return null;
  const m = /(\d+(?:\.\d+)?)分/.exec(t.slice(2));
  return m ? Number(m[1]) : null;
}

const n = (xs: string[]) => xs.map(normalizeLabel);

/** Funds block columns, most specific first (执行率 before 执行数). */
export const FUNDS_COLUMNS: Synonyms<FundsRole> = [
  { role: 'rate', labels: n(['执行率', '预算执行率']) },
  { role: 'initialBudget', labels: n(['年初预算数', '年初预算']) },
  { role: 'budget', labels: n(['全年预算数', '调整后预算数', '调整后预算', '全年预算']) },
  { role: 'executed', labels: n(['全年执行数', '预算执行数', '全年实际执行数', '执行数']) },
  { role: 'weight', labels: n(['分值', '权重']) },
  { role: 'score', labels: n(['得分']) },
  // 四川 heads the funds block's reason column just "原因".
  { role: 'deviation', labels: n(['偏差原因', '未完成原因', '原因分析', '原因']) },
];

/** Indicator block columns. */
export const INDICATOR_COLUMNS: Synonyms<IndicatorRole> = [
  { role: 'level1', labels: n(['一级指标']) },
  { role: 'level2', labels: n(['二级指标']) },
  // Some forms head the name column "指标内容" or "指标名称" (武汉青山 2020, 湖北 高校 2021) instead of 三级指标.
  // The report sheet's 附表 is headed 指标名称 too: it is kept out by its generation fingerprint (engine.ts).
  { role: 'name', labels: n(['三级指标', '指标内容', '指标名称']) },
  { role: 'nature', labels: n(['指标性质']) },
  { role: 'unit', labels: n(['度量单位', '计量单位']) },
  { role: 'actual', labels: n(['实际完成值', '全年实际值', '实际值', '完成值', '实际完成']) },
  { role: 'target', labels: n(['年度指标值', '指标值', '年度目标值', '目标值']), exclude: n(['实际']) },
  { role: 'weight', labels: n(['分值', '权重']) },
  { role: 'score', labels: n(['得分']) },
  // A bare 原因 / 偏差说明 column carries the reasons too (RULES.md: "reasons may already be written").
  { role: 'deviation', labels: n(['偏差原因', '未完成原因', '原因分析', '改进措施', '原因', '偏差说明']) },
];

/** The role a header cell names, if any. */
export function matchRole<R extends string>(columns: Synonyms<R>, text: string): R | null {
  // Every row of every sheet is tried as a header: remember each text's answer per column set. The
  // two sets detection asks of every header cell have their memo at hand, without a WeakMap lookup.
  const own: unknown = columns;
  let memo = (own === INDICATOR_COLUMNS ? INDICATOR_MEMO : own === FUNDS_COLUMNS ? FUNDS_MEMO : ROLE_MEMO.get(columns)) as Map<string, R | null> | undefined;
  if (!memo) ROLE_MEMO.set(columns, (memo = new Map()));
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const role = findRole(columns, text);
  if (memo.size >= 20000) memo.clear();
  memo.set(text, role);
  return role;
}

const ROLE_MEMO = new WeakMap<object, Map<string, string | null>>();
const INDICATOR_MEMO = new Map<string, string | null>();
const FUNDS_MEMO = new Map<string, string | null>();

function findRole<R extends string>(columns: Synonyms<R>, text: string): R | null {
  const t = normalizeLabel(text);
  if (t === '' || t.length > 40) return null;
  if ((columns as unknown) === FUNDS_COLUMNS) {
    for (const l of LEADING_ROLES) if (t.startsWith(l.prefix)) return l.role as unknown as R;
    for (const m of FUNDS_MARKERS) if (m.marker.test(t)) return m.role as unknown as R;
  }
  for (const c of columns) {
    if (c.labels.some((l) => t.includes(l)) && !(c.exclude ?? []).some((x) => t.includes(x))) return c.role;
  }
  return null;
}

/** Labels of the blocks and rows, normalised. */
export const LABELS = {
  title: n(['项目支出绩效自评表', '项目绩效自评表', '绩效目标自评表', '绩效自评表']),
  projectName: n(['项目名称', '专项资金名称', '专项名称']),
  department: n(['主管部门']),
  implementer: n(['实施单位']),
  fundsTotal: n(['年度资金总额', '资金总额', '总额']),
  fundsGroup: n(['项目资金', '资金情况', '预算执行情况']),
  goalsExpected: n(['预期目标', '年初设定目标', '年度总体目标']),
  goalsActual: n(['实际完成情况', '年度总体目标完成情况综述', '总体目标完成情况']),
  total: n(['总分', '合计']),
  grade: n(['评价等级', '自评等级', '绩效等级', '等级', '评级']),
} as const;

/** Money units a funds block may be kept in; its values are reported in the block's own unit. */
export const MONEY_UNITS = ['亿元', '千元', '万元', '元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** The money unit a label declares: "项目资金（元）", "单位：亿元", "全年预算数(万元)". */
export function declaredMoneyUnit(text: string): MoneyUnit | null {
  const t = normalizeLabel(text);
  if (!t.includes('元')) return null;
  const m = /(?:\(|单位:?)(亿元|千元|万元|元)\)?/.exec(t);
  return m ? (m[1] as MoneyUnit) : null;
}

/**
 * Tables kept in the same workbooks that are not project self-evaluation tables (RULES.md): found by
 * their labels, never scored, named when no project table is found.
 */
export type TableKind = 'project' | 'department' | 'declaration' | 'monitoring';

export const OTHER_TABLE_KINDS: { kind: Exclude<TableKind, 'project'>; name: string; labels: string[] }[] = [
  { kind: 'department', name: '部门整体支出绩效自评表', labels: n(['部门整体支出绩效', '部门整体绩效', '部门整体支出']) },
  { kind: 'declaration', name: '绩效目标申报表', labels: n(['绩效目标申报表', '目标申报表', '绩效申报表']) },
  { kind: 'monitoring', name: '绩效运行监控表', labels: n(['绩效运行监控', '运行监控表', '绩效监控表', '绩效目标执行监控', '执行监控表']) },
];

/** The kind a title-like text names, if it names another kind of table. */
export function otherKindOf(normalized: string): (typeof OTHER_TABLE_KINDS)[number] | null {
  // Every label above has 整体, 申报 or 监控: three tests rule out almost every cell of a project table.
  if (normalized.length > 40 || !(normalized.includes('整体') || normalized.includes('申报') || normalized.includes('监控'))) return null;
  for (const k of OTHER_TABLE_KINDS) if (includesAny(normalized, k.labels)) return k;
  return null;
}

/** Header words only a monitoring table has: 1–N月执行, 全年预计完成. */
export const MONITORING_HEADER = n(['预计完成', '全年预计', '预计执行', '月执行', '偏差度']);

/** The 部门名称 of department tables. */
export const DEPARTMENT_NAME = n(['部门名称']);

/** Indicator rows that carry the execution points (older 项目决策/项目管理/… tables). */
export function isExecutionIndicator(name: string): boolean {
  const t = normalizeLabel(name);
  return t.length <= 12 && (t.includes('预算执行率') || t.includes('资金执行率') || t === '执行率' || t.includes('预算执行进度'));
}

export interface LayoutSignals {
  /** Header roles seen in the indicator block and the funds block, the title, and all header text. */
  indicatorRoles: Set<IndicatorRole>;
  fundsRoles: Set<FundsRole>;
  title: string;
  /** The header rows' normalised texts joined by "|"; joined on first ask (most layouts are told apart by their roles first). */
  headerText(): string;
  /** Whether 分值 comes before 指标值 in the indicator header. */
  weightBeforeTarget: boolean;
}

export interface LayoutSpec {
  id: string;
  name: string;
  matches(s: LayoutSignals): boolean;
}

/** Most specific first; national is the fallback. */
export const LAYOUTS: LayoutSpec[] = [
  {
    id: 'sichuan',
    name: '四川',
    matches: (s) =>
      s.indicatorRoles.has('nature') &&
      s.indicatorRoles.has('unit') &&
      (s.headerText().includes('预算执行情况') || s.headerText().includes('权重')),
  },
  { id: 'yunnan', name: '云南', matches: (s) => s.indicatorRoles.has('nature') || s.indicatorRoles.has('unit') },
  {
    id: 'transfer',
    name: '转移支付',
    matches: (s) =>
      s.title.includes('绩效目标自评表') ||
      (!s.fundsRoles.has('initialBudget') && s.weightBeforeTarget && s.headerText().includes('未完成原因')),
  },
  { id: 'national', name: '全国', matches: () => true },
];

export function classifyLayout(signals: LayoutSignals): LayoutSpec {
  return LAYOUTS.find((l) => l.matches(signals)) ?? LAYOUTS[LAYOUTS.length - 1];
}
