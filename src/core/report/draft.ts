/**
 * Drafts the 绩效自评报告 from one scored table. Every number and every quotation comes from the
 * result through a field path; what the table cannot know becomes a 【请补充：…】 placeholder.
 * Pure and deterministic: the same table and profile give the same draft.
 */
import { Decimal, dec, ratioTimes, sameAt } from '../decimal';
import type { RuleProfile } from '../profile';
import type { IndicatorResult, Issue, TableResult } from '../result';
import { cleanText, formatFigureValue, type FigureFormat, type NumberStyle } from './format';
import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN, type FigureRun, type ReportDraft, type ReportParagraph, type ReportRun, type ReportSection } from './model';

export interface DraftOptions {
  /** 'seed' (the seven-part 自评报告, default) or 'national' (财预〔2020〕10号 reference outline). */
  outline?: 'seed' | 'national';
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (i: number) => CN_NUM[i] ?? String(i + 1);

/** Reads a field path like "funds.budget" or "indicators[3].name" from an object. */
export function readPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    cur = (cur as Record<string, unknown> | null | undefined)?.[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) cur = (cur as unknown[] | null | undefined)?.[Number(idx)];
  }
  return cur;
}

/** Builds runs against one table, so a figure can only be made from a path that resolves. */
class Writer {
  constructor(
    private readonly table: TableResult,
    readonly style: NumberStyle,
  ) {}

  has(path: string): boolean {
    const v = readPath(this.table, path);
    return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && cleanText(v) !== '');
  }

  num(path: string, format: Exclude<FigureFormat, 'text'>): FigureRun {
    const value = readPath(this.table, path);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`report: no number at ${path}`);
    return { kind: 'figure', text: formatFigureValue(value, format, this.style), format, value, source: path };
  }

  quote(path: string, transform: (s: string) => string = (s) => s): FigureRun {
    const value = readPath(this.table, path);
    if (typeof value !== 'string') throw new Error(`report: no text at ${path}`);
    return { kind: 'figure', text: transform(cleanText(value)), format: 'text', value, source: path };
  }

  derived(op: 'sum' | 'difference', of: string[], format: Exclude<FigureFormat, 'text'>): FigureRun {
    const values = of.map((p) => readPath(this.table, p) as number);
    const d = op === 'sum' ? values.reduce((a, v) => a.plus(dec(v)), new Decimal(0)) : dec(values[0]).minus(dec(values[1]));
    const value = d.toNumber();
    const source = op === 'sum' ? of.join(' + ') : `${of[0]} - ${of[1]}`;
    return { kind: 'figure', text: formatFigureValue(value, format, this.style), format, value, source, derived: { op, of } };
  }
}

const t = (text: string): ReportRun => ({ kind: 'text', text });
const ph = (hint: string): ReportRun => ({ kind: 'placeholder', text: `${PLACEHOLDER_OPEN}${hint}${PLACEHOLDER_CLOSE}`, hint });
const para = (...runs: (ReportRun | ReportRun[])[]): ReportParagraph => ({ runs: mergeText(runs.flat()) });

/** Joins adjacent text runs, so the model stays small and snapshots readable. */
function mergeText(runs: ReportRun[]): ReportRun[] {
  const out: ReportRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + r.text };
    else if (r.kind !== 'text' || r.text !== '') out.push(r);
  }
  return out;
}

type GroupKind = 'execution' | 'output' | 'effect' | 'satisfaction' | 'other';

/** One 一级 group as the report sees it: label, weight and score with their sources. */
interface Group {
  kind: GroupKind;
  label: ReportRun;
  weight: FigureRun | null;
  score: FigureRun | null;
  indicators: number[];
}

function groupKind(label: string): GroupKind {
  if (/满意/.test(label)) return 'satisfaction';
  if (/效益|效果/.test(label)) return 'effect';
  if (/产出/.test(label)) return 'output';
  if (/预算|执行|资金/.test(label)) return 'execution';
  return 'other';
}

/** 一级 labels carry their weight in some tables ("产出指标 (60 分)"): the report states it itself. */
const stripWeight = (s: string) => s.replace(/[（(]\s*[\d.]+\s*分?\s*[)）]\s*$/, '').trim();

const sameLabel = (a: string, b: string) => stripWeight(cleanText(a)).replace(/\s/g, '') === stripWeight(cleanText(b)).replace(/\s/g, '');

function buildGroups(w: Writer, table: TableResult): Group[] {
  const groups: Group[] = [];
  const indicatorRows = (label: string) =>
    table.indicators.map((ind, i) => (sameLabel(ind.level1, label) ? i : -1)).filter((i) => i >= 0);
  if (table.groups && table.groups.length) {
    table.groups.forEach((g, i) => {
      const kind = groupKind(g.label);
      groups.push({
        kind,
        label: kind === 'execution' ? t('预算执行率') : w.quote(`groups[${i}].label`, stripWeight),
        weight: w.has(`groups[${i}].weight`) ? w.num(`groups[${i}].weight`, 'score') : null,
        score: w.has(`groups[${i}].score`) ? w.num(`groups[${i}].score`, 'score') : null,
        indicators: kind === 'execution' ? [] : indicatorRows(g.label),
      });
    });
    return groups;
  }
  // No summaries from the engine: derive them, each figure recording the sum it came from.
  groups.push({
    kind: 'execution',
    label: t('预算执行率'),
    weight: w.has('funds.weight') ? w.num('funds.weight', 'score') : null,
    score: w.has('funds.score') ? w.num('funds.score', 'score') : null,
    indicators: [],
  });
  const seen: string[] = [];
  table.indicators.forEach((ind) => {
    const key = stripWeight(cleanText(ind.level1)).replace(/\s/g, '');
    if (!key || seen.includes(key)) return;
    seen.push(key);
    const rows = indicatorRows(ind.level1);
    const first = rows[0];
    const weighted = rows.filter((i) => table.indicators[i].kind !== 'not_applicable' && w.has(`indicators[${i}].weight`));
    const allScored = weighted.every((i) => w.has(`indicators[${i}].score`));
    groups.push({
      kind: groupKind(ind.level1),
      label: w.quote(`indicators[${first}].level1`, stripWeight),
      weight: weighted.length ? w.derived('sum', weighted.map((i) => `indicators[${i}].weight`), 'score') : null,
      score: weighted.length && allScored ? w.derived('sum', weighted.map((i) => `indicators[${i}].score`), 'score') : null,
      indicators: rows,
    });
  });
  return groups;
}

/** Not met: the engine says so, or the score fell short of the 分值. */
function unmet(ind: IndicatorResult): boolean {
  if (ind.kind === 'not_applicable') return false;
  if (ind.met === false) return true;
  return ind.score !== null && ind.weight !== null && dec(ind.score).lessThan(dec(ind.weight));
}

const hasDeviation = (ind: IndicatorResult) => {
  const d = cleanText(ind.deviation ?? '');
  return d !== '' && d !== '0' && d !== '无' && d !== '/';
};

/** The project name as the subject of a sentence: "××项目" without doubling 项目. */
function projectSubject(w: Writer, table: TableResult): ReportRun[] {
  if (!w.has('project.name')) return [ph('项目名称')];
  const name = cleanText(table.project.name ?? '');
  return [w.quote('project.name'), t(/项目$/.test(name) ? '' : '项目')];
}

interface Problem {
  problem: ReportRun[];
  suggestion: ReportRun[];
}

/** The sections' contents, shared by both outlines. */
class Content {
  readonly groups: Group[];
  readonly problems: Problem[];
  /** Each filing issue's sentence, by issue index: the overall result names errors the same way. */
  private readonly issueItems = new Map<number, ReportRun[]>();

  constructor(
    private readonly w: Writer,
    private readonly table: TableResult,
    private readonly profile: RuleProfile,
  ) {
    this.groups = buildGroups(w, table);
    this.problems = this.findProblems();
  }

  private get f() {
    return this.table.funds;
  }

  private issuesOf(code: Issue['code']): { issue: Issue; index: number }[] {
    return this.table.issues.map((issue, index) => ({ issue, index })).filter((x) => x.issue.code === code);
  }

  /** The indicator an issue's cell belongs to (same row), if any. */
  private indicatorAt(issue: Issue): number {
    if (!issue.cell) return -1;
    const m = /(\d+)$/.exec(issue.cell);
    if (!m) return -1;
    const row = Number(m[1]);
    return this.table.indicators.findIndex((ind) => ind.row === row);
  }

  private budgetAdjusted(): boolean {
    const f = this.f;
    return f.initialBudget !== null && f.budget !== null && !dec(f.initialBudget).equals(dec(f.budget));
  }

  private rateBelow(): boolean {
    return this.f.rate !== null && this.f.rate < this.profile.deviationBelowRate;
  }

  unitProfile(): ReportParagraph[] {
    const w = this.w;
    const runs: ReportRun[] = [];
    if (w.has('project.department')) runs.push(t('本项目主管部门为'), w.quote('project.department'));
    if (w.has('project.implementer')) runs.push(t(runs.length ? '，实施单位为' : '本项目实施单位为'), w.quote('project.implementer'));
    if (runs.length) runs.push(t('。'));
    runs.push(ph('单位主要职能和机构设置简况，如“××是负责……的部门”'));
    return [para(runs)];
  }

  projectBasics(): ReportParagraph[] {
    const w = this.w;
    const out: ReportParagraph[] = [];
    const year = w.has('year') ? [w.num('year', 'year'), t(' 年度')] : [t('本年度')];
    out.push(para(projectSubject(w, this.table), t(w.has('year') ? '为 ' : '为'), year, t('项目支出。'), ph('项目立项依据、主要内容和实施范围')));
    if (w.has('goals.expected')) out.push(para(t('年度总体目标（年初设定）：'), w.quote('goals.expected'), endStop(this.table.goals?.expected)));
    else out.push(para(t('年度总体目标（年初设定）：'), ph('自评表未填写年度总体目标，请补充年初设定的目标')));
    if (w.has('goals.actual')) out.push(para(t('年度总体目标实际完成情况：'), w.quote('goals.actual'), endStop(this.table.goals?.actual)));
    else out.push(para(t('年度总体目标实际完成情况：'), ph('自评表未填写实际完成情况，请概述年度目标的完成情况')));
    return out;
  }

  fundsUse(): ReportParagraph[] {
    const w = this.w;
    const f = this.f;
    const out: ReportParagraph[] = [];
    const runs: ReportRun[] = [...projectSubject(w, this.table)];
    const parts: ReportRun[][] = [];
    if (w.has('funds.initialBudget')) parts.push([t('年初预算 '), w.num('funds.initialBudget', 'amount'), t(' 万元')]);
    if (w.has('funds.budget')) parts.push([t(w.has('funds.initialBudget') ? '全年预算 ' : '全年预算（调整后）'), w.num('funds.budget', 'amount'), t(' 万元')]);
    else parts.push([t('全年预算'), ph('自评表未填写全年预算数')]);
    if (w.has('funds.executed')) {
      const year = w.has('year') ? [w.num('year', 'year'), t(' 年')] : [t('本年度')];
      parts.push([...year, t('实际支出 '), w.num('funds.executed', 'amount'), t(' 万元')]);
    } else parts.push([t('实际支出'), ph('自评表未填写全年执行数')]);
    if (w.has('funds.rate')) parts.push([t('预算执行率 '), w.num('funds.rate', 'percent'), t('（全年执行数 ÷ 全年预算数）')]);
    parts.forEach((p, i) => runs.push(...(i ? [t('，')] : []), ...p));
    runs.push(t('。'));
    const sources = f.sources
      .map((s, i) => ({ s, i }))
      .filter(({ i }) => w.has(`funds.sources[${i}].executed`) && w.has(`funds.sources[${i}].label`));
    if (sources.length) {
      runs.push(t('其中：'));
      sources.forEach(({ i }, k) => {
        if (k) runs.push(t('，'));
        runs.push(w.quote(`funds.sources[${i}].label`, (s) => s.replace(/^其中\s*[:：]?\s*/, '')), t('支出 '), w.num(`funds.sources[${i}].executed`, 'amount'), t(' 万元'));
      });
      runs.push(t('。'));
    }
    out.push(para(runs));
    if (this.budgetAdjusted()) {
      const down = dec(f.initialBudget as number).greaterThan(dec(f.budget as number));
      const diff = down ? w.derived('difference', ['funds.initialBudget', 'funds.budget'], 'amount') : w.derived('difference', ['funds.budget', 'funds.initialBudget'], 'amount');
      out.push(para(t(`全年预算较年初预算${down ? '调减' : '调增'} `), diff, t(' 万元。'), ph('预算调整的原因、依据和审批情况')));
    }
    if (f.budget !== null && f.executed !== null && this.rateBelow()) {
      out.push(para(t('全年预算结余 '), w.derived('difference', ['funds.budget', 'funds.executed'], 'amount'), t(' 万元未支出。'), ph('资金结余的原因及结余资金的处理情况')));
    }
    if (f.budget !== null && f.executed !== null && dec(f.executed).greaterThan(dec(f.budget))) {
      out.push(para(t('全年执行数超出全年预算 '), w.derived('difference', ['funds.executed', 'funds.budget'], 'amount'), t(' 万元。'), ph('超预算支出的原因和资金来源')));
    }
    return out;
  }

  fundsManagement(): ReportParagraph[] {
    return [para(ph('资金管理情况，如支出审核、资金拨付与项目进度挂钩、专账核算、有无截留挤占挪用等'))];
  }

  organisation(): ReportParagraph[] {
    return [para(ph('项目实施计划的制定和执行情况、组织分工'))];
  }

  management(): ReportParagraph[] {
    return [para(ph('项目管理制度的建立和执行情况，如管理办法、专账核算、票据和支出标准'))];
  }

  overall(): ReportParagraph[] {
    const w = this.w;
    const subject = projectSubject(w, this.table);
    if (this.table.grade !== null && w.has('totals.score')) {
      const max = w.has('totals.weight') ? [t('（满分 '), w.num('totals.weight', 'score'), t(' 分）')] : [];
      return [
        para(subject, t('自评总分 '), w.num('totals.score', 'score'), t(' 分'), max, t('，评价等级为“'), w.quote('grade'), t('”。'), ph('项目实施取得的总体成效')),
      ];
    }
    const out: ReportParagraph[] = [];
    const errors = this.table.issues.map((issue, i) => ({ issue, i })).filter((x) => x.issue.severity === 'error');
    const stated = w.has('totals.statedScore') ? [t('自评表填报总分为 '), w.num('totals.statedScore', 'score'), t(' 分。')] : [];
    out.push(para(subject, t('的自评表经复核存在须先更正的错误，暂不能确定总分和评价等级。'), stated));
    errors.forEach(({ i }, k) => out.push(para(t(`${k + 1}. `), this.issueItems.get(i) ?? w.quote(`issues[${i}].message`, (m) => m.replace(/[。.；;]+$/, '')), t('。'))));
    if (!errors.length) out.push(para(t('自评表中部分指标暂无得分，无法汇总总分。')));
    out.push(para(ph('更正自评表后重新生成报告，此处将写明总分和评价等级')));
    return out;
  }

  private indicatorSentence(i: number): ReportRun[] {
    const w = this.w;
    const ind = this.table.indicators[i];
    const p = `indicators[${i}]`;
    const runs: ReportRun[] = [w.quote(`${p}.name`)];
    if (w.has(`${p}.level2`)) runs.push(t('（'), w.quote(`${p}.level2`), t('）'));
    runs.push(t('：'));
    if (ind.kind === 'not_applicable') return [...runs, t('本年度不适用，不计分。')];
    const parts: ReportRun[][] = [];
    parts.push(w.has(`${p}.target`) ? [t('年度指标值'), ...valueRuns(w.quote(`${p}.target`))] : [t('年度指标值'), ph('自评表未填写')]);
    parts.push(w.has(`${p}.actual`) ? [t('实际完成值'), ...valueRuns(w.quote(`${p}.actual`))] : [t('实际完成值'), ph('自评表未填写')]);
    if (w.has(`${p}.weight`)) parts.push([t('分值 '), w.num(`${p}.weight`, 'score'), t(' 分')]);
    if (w.has(`${p}.weight`)) {
      parts.push(w.has(`${p}.score`) ? [t('得分 '), w.num(`${p}.score`, 'score'), t(' 分')] : [t('得分'), ph(ind.kind === 'qualitative' ? '按完成档次确定得分' : '得分')]);
    }
    parts.forEach((part, k) => runs.push(...(k ? [t('，')] : []), ...part));
    if (unmet(ind)) runs.push(t('，未完全达到年度指标值'));
    runs.push(t('。'));
    if (hasDeviation(ind)) runs.push(t('偏差原因及改进措施：'), w.quote(`${p}.deviation`), endStop(ind.deviation));
    return runs;
  }

  /** 主要指标分析: one item per 一级, execution first, each indicator under its 一级. */
  indicatorAnalysis(kinds?: GroupKind[]): ReportParagraph[] {
    const w = this.w;
    const out: ReportParagraph[] = [];
    const groups = this.groups.filter((g) => !kinds || kinds.includes(g.kind));
    groups.forEach((g, k) => {
      const head: ReportRun[] = [t(`${k + 1}. `), g.label, t('标准分值')];
      head.push(...(g.weight ? [t(' '), g.weight, t(' 分')] : [ph('分值')]));
      head.push(t('，综合得分'), ...(g.score ? [t(' '), g.score, t(' 分')] : [ph('得分（部分指标暂无得分）')]), t('。'));
      if (g.kind === 'execution') {
        if (w.has('funds.budget')) head.push(t('全年预算 '), w.num('funds.budget', 'amount'), t(' 万元'));
        if (w.has('funds.executed')) head.push(t(w.has('funds.budget') ? '，' : ''), t('全年执行 '), w.num('funds.executed', 'amount'), t(' 万元'));
        if (w.has('funds.rate')) head.push(t('，预算执行率 '), w.num('funds.rate', 'percent'));
        if (w.has('funds.budget') || w.has('funds.executed')) head.push(t('。'));
      }
      out.push(para(head));
      for (const i of g.indicators) out.push(para(this.indicatorSentence(i)));
    });
    return out;
  }

  /** 未完成原因分析: the unmet indicators with their own deviation text, or 无. */
  unmetReasons(): ReportParagraph[] {
    const w = this.w;
    const out: ReportParagraph[] = [];
    let k = 0;
    if (this.rateBelow() && w.has('funds.rate')) {
      k++;
      out.push(para(t(`${k}. 预算执行率 `), w.num('funds.rate', 'percent'), t('，资金未全部支出。原因：'), ph('预算执行率未达标的原因及拟采取的改进措施')));
    }
    this.table.indicators.forEach((ind, i) => {
      if (!unmet(ind)) return;
      k++;
      const p = `indicators[${i}]`;
      const runs: ReportRun[] = [t(`${k}. `), w.quote(`${p}.name`), t('：')];
      if (w.has(`${p}.target`)) runs.push(t('年度指标值'), ...valueRuns(w.quote(`${p}.target`)), t('，'));
      if (w.has(`${p}.actual`)) runs.push(t('实际完成值'), ...valueRuns(w.quote(`${p}.actual`)), t('，'));
      if (w.has(`${p}.score`) && w.has(`${p}.weight`)) runs.push(t('得分 '), w.num(`${p}.score`, 'score'), t(' 分（分值 '), w.num(`${p}.weight`, 'score'), t(' 分），'));
      runs.push(t('未完全达到年度指标值。原因及改进措施：'));
      if (hasDeviation(ind)) runs.push(w.quote(`${p}.deviation`), endStop(ind.deviation));
      else runs.push(ph(`“${cleanText(ind.name)}”未完成的原因及拟采取的改进措施（自评表未填写）`));
      out.push(para(runs));
    });
    if (!out.length) out.push(para(t('无。')));
    return out;
  }

  /** 存在的主要问题 and 改进工作的建议, derived together so each suggestion answers its problem. */
  private findProblems(): Problem[] {
    const w = this.w;
    const f = this.f;
    const problems: Problem[] = [];
    if (this.budgetAdjusted()) {
      const down = dec(f.initialBudget as number).greaterThan(dec(f.budget as number));
      problems.push({
        problem: [
          t('预算编制的精准度有待提高。年初预算 '), w.num('funds.initialBudget', 'amount'), t(' 万元，全年预算调整为 '), w.num('funds.budget', 'amount'),
          t(` 万元，${down ? '调减' : '调增'} `),
          down ? w.derived('difference', ['funds.initialBudget', 'funds.budget'], 'amount') : w.derived('difference', ['funds.budget', 'funds.initialBudget'], 'amount'),
          t(' 万元，年初预算与实际需求存在差距。'),
        ],
        suggestion: [t('加强预算编制的前期测算，结合以前年度支出情况和本年度工作任务据实编制年初预算，减少年中预算调整。')],
      });
    }
    if (this.rateBelow() && w.has('funds.rate')) {
      problems.push({
        problem: [t('预算执行不到位。全年预算执行率 '), w.num('funds.rate', 'percent'), t('，部分资金未按计划支出。')],
        suggestion: [t('加快预算执行进度，按月跟踪资金支出，对执行缓慢的事项及时分析原因、调整计划，提高资金使用效率。')],
      });
    }
    const unmetRows = this.table.indicators.map((ind, i) => (unmet(ind) ? i : -1)).filter((i) => i >= 0);
    if (unmetRows.length) {
      const { listed, names } = indicatorList(w, unmetRows);
      problems.push({
        problem: [t('部分绩效指标未达到年度目标：'), ...listed, t('。')],
        suggestion: [t('针对'), ...names, t('逐项分析未完成原因，细化工作措施，明确责任和完成时限，确保下一年度目标按期完成。')],
      });
    }
    const over = this.issuesOf('OVER_ACHIEVED').map((x) => this.indicatorAt(x.issue)).filter((i) => i >= 0);
    if (over.length) {
      const { listed, names } = indicatorList(w, over);
      problems.push({
        problem: [t('部分绩效目标设置偏低：'), ...listed, t('，实际完成值远超年度指标值。')],
        suggestion: [t('科学设定绩效目标，参考以前年度完成情况和行业标准合理确定'), ...names, t('等指标的年度指标值，避免目标值过低。')],
      });
    }
    const filing = this.filingProblems();
    if (filing.items.length) {
      const problem: ReportRun[] = [t('绩效自评表填报不够规范：')];
      filing.items.forEach((item, k) => problem.push(t(`${k ? '；' : ''}${cn(k)}是`), ...item));
      problem.push(t('。'));
      problems.push({
        problem,
        suggestion: [t('加强自评表填报审核：'), t(filing.fixes.join('；')), t('。提交前逐项复核自评表与本报告的数据一致。')],
      });
    }
    return problems;
  }

  /** Concrete filing problems, each naming the cell's indicator, with the fix for each kind. */
  private filingProblems(): { items: ReportRun[][]; fixes: string[] } {
    const w = this.w;
    const items: ReportRun[][] = [];
    const fixes: string[] = [];
    const fix = (s: string) => fixes.includes(s) || fixes.push(s);
    const add = (index: number, item: ReportRun[]) => {
      items.push(item);
      this.issueItems.set(index, item);
    };
    const weightSum = this.issuesOf('WEIGHT_SUM').length > 0;
    for (const [index, issue] of this.table.issues.entries()) {
      const i = this.indicatorAt(issue);
      const p = `indicators[${i}]`;
      const isFundsCell = issue.cell !== null && (issue.cell === this.f.rateCell || issue.cell === this.f.scoreCell);
      switch (issue.code) {
        case 'RATE_MISMATCH':
          // The 年度资金总额 row's rate states the problem; a 其中 row repeating it is fixed in the sheet, not repeated here.
          if (issue.cell === this.f.rateCell && w.has('funds.statedRate') && w.has('funds.rate')) {
            const f = this.f;
            // A common slip: dividing by 年初预算数 instead of the adjusted 全年预算数.
            const byInitial =
              f.executed !== null && f.initialBudget !== null && f.initialBudget > 0 && f.statedRate !== null &&
              sameAt(ratioTimes(f.executed, f.initialBudget, 1), f.statedRate, 2);
            add(index, [
              t('预算执行率填报为 '), w.num('funds.statedRate', 'percent'), t(byInitial ? '（系按年初预算数计算）' : ''),
              t('，按全年执行数 ÷ 全年预算数计算应为 '), w.num('funds.rate', 'percent'),
            ]);
            fix('预算执行率按全年执行数 ÷ 全年预算数（调整后）计算');
          }
          break;
        case 'SCORE_MISMATCH':
          if (isFundsCell && w.has('funds.statedScore') && w.has('funds.score')) {
            add(index, [t('预算执行率得分填报为 '), w.num('funds.statedScore', 'score'), t(' 分，按评分规则应为 '), w.num('funds.score', 'score'), t(' 分')]);
          } else if (i >= 0 && w.has(`${p}.statedScore`) && w.has(`${p}.score`)) {
            add(index, [w.quote(`${p}.name`), t('得分填报为 '), w.num(`${p}.statedScore`, 'score'), t(' 分，按评分规则应为 '), w.num(`${p}.score`, 'score'), t(' 分')]);
          } else break;
          fix('得分按评分规则计算');
          break;
        case 'UNIT_MISMATCH':
          if (i < 0) break;
          add(index, [w.quote(`${p}.name`), t('的年度指标值（'), w.quote(`${p}.target`), t('）与实际完成值（'), w.quote(`${p}.actual`), t('）计量单位不一致')]);
          fix('年度指标值与实际完成值使用同一计量单位');
          break;
        case 'VAGUE_ACTUAL':
          if (i < 0) break;
          add(index, [w.quote(`${p}.name`), t('的实际完成值填为“'), w.quote(`${p}.actual`), t('”，未填写实际达到的数值')]);
          fix('实际完成值填写实际达到的数值，不照抄年度指标值');
          break;
        case 'DEVIATION_UNEXPLAINED':
          if (i >= 0) add(index, [w.quote(`${p}.name`), t('未填写偏差原因分析及改进措施')]);
          else add(index, [t('预算执行存在偏差但未填写原因说明')]);
          fix('存在偏差的事项逐项填写偏差原因和改进措施');
          break;
        case 'WEIGHT_SUM':
          if (w.has('totals.weight')) add(index, [t('各项分值合计 '), w.num('totals.weight', 'score'), t(' 分，不符合分值合计一百分的要求（如本地规定总分不含预算执行率，应按该口径评分）')]);
          else add(index, [w.quote(`issues[${index}].message`)]);
          fix('各项分值合计为一百分');
          break;
        case 'TOTAL_MISMATCH':
          // Under WEIGHT_SUM the total differs as a consequence; the weights are the problem to name.
          if (weightSum || !w.has('totals.statedScore') || !w.has('totals.score')) break;
          add(index, [t('总分填报为 '), w.num('totals.statedScore', 'score'), t(' 分，按评分规则复核为 '), w.num('totals.score', 'score'), t(' 分')]);
          fix('总分按各项得分汇总');
          break;
        case 'QUALITATIVE_OUT_OF_TIER':
          if (i < 0) break;
          add(index, [w.quote(`${p}.name`), t('的得分与其完成档次对应的分值区间不符')]);
          fix('定性指标按完成档次确定得分');
          break;
        case 'LEVEL1_WEIGHT':
        case 'MISSING_VALUE':
        case 'NOT_A_NUMBER':
        case 'NEGATIVE_VALUE':
        case 'FUNDS_SUM':
        case 'SCORE_OVER_WEIGHT':
        case 'MISSING_SCORE':
        case 'EXECUTION_OVER_BUDGET':
          if (issue.severity === 'info') break;
          add(index, [w.quote(`issues[${index}].message`, (s) => s.replace(/[。.；;]+$/, ''))]);
          fix('按提示更正自评表中的错误和遗漏');
          break;
        case 'BUDGET_ADJUSTED':
        case 'OVER_ACHIEVED':
        case 'WEIGHT_PROFILE':
        case 'MANUAL_SCORE':
        case 'TABLE_NOT_FOUND':
        case 'UNREADABLE_FILE':
          // Not filing problems (ISSUE_CODES[code].report is 'fact' or 'none'): stated elsewhere or not at all.
          break;
        default: {
          // A code added to the contract fails compilation here until the report words it.
          const unhandled: never = issue.code;
          void unhandled;
        }
      }
    }
    return { items, fixes };
  }

  problemParagraphs(): ReportParagraph[] {
    const out = this.problems.map((p, k) => para(t(`${k + 1}. `), p.problem));
    out.push(para(ph('资金管理、项目组织实施中发现的其他问题（如有）')));
    return out;
  }

  suggestionParagraphs(): ReportParagraph[] {
    const out = this.problems.map((p, k) => para(t(`${k + 1}. `), p.suggestion));
    out.push(para(ph('针对其他问题的改进建议（如有）')));
    return out;
  }

  otherMatters(): ReportParagraph[] {
    const recomputed = this.table.issues.some((x) => x.code === 'SCORE_MISMATCH' || x.code === 'RATE_MISMATCH' || x.code === 'TOTAL_MISMATCH');
    if (recomputed) {
      return [para(t('本报告中的执行率和得分为按评分规则复核计算的结果；与自评表原填报数不一致的，已在“存在的主要问题”中列明，请同步更正自评表。'))];
    }
    return [para(t('无。'))];
  }
}

/**
 * Indicators named in a problem: "名称年度指标值 X，实际完成值 Y；…" (target and actual where the table
 * has them), and the names alone joined by "、" for the matching suggestion.
 */
function indicatorList(w: Writer, rows: number[]): { listed: ReportRun[]; names: ReportRun[] } {
  const listed: ReportRun[] = [];
  const names: ReportRun[] = [];
  rows.forEach((i, k) => {
    const p = `indicators[${i}]`;
    listed.push(...(k ? [t('；')] : []), w.quote(`${p}.name`));
    if (w.has(`${p}.target`) && w.has(`${p}.actual`)) listed.push(t('年度指标值'), ...valueRuns(w.quote(`${p}.target`)), t('，实际完成值'), ...valueRuns(w.quote(`${p}.actual`)));
    names.push(...(k ? [t('、')] : []), w.quote(`${p}.name`));
  });
  return { listed, names };
}

/** A quoted value: numbers follow a space the way the seed writes them, words go in quotation marks. */
function valueRuns(fig: FigureRun): ReportRun[] {
  return /\d/.test(fig.text) ? [t(' '), fig] : [t('“'), fig, t('”')];
}

/** A full stop after quoted text unless it already ends a sentence. */
function endStop(text: string | null | undefined): ReportRun {
  return t(/[。！？.!?；;]\s*$/.test(text ?? '') ? '' : '。');
}

function sec(heading: string, level: 1 | 2, paragraphs: ReportParagraph[] = []): ReportSection {
  return { heading, level, paragraphs };
}

/** Drafts the report for one table. */
export function draftReport(table: TableResult, profile: RuleProfile, options: DraftOptions = {}): ReportDraft {
  const outline = options.outline ?? profile.reportOutline ?? 'seed';
  const style: NumberStyle = { scoreDecimals: profile.decimals, scoreRounding: profile.rounding };
  const w = new Writer(table, style);
  const c = new Content(w, table, profile);
  const title: ReportRun[] = w.has('project.name') ? [...projectSubject(w, table), t('绩效自评报告')] : [t('项目绩效自评报告')];
  const subtitle: ReportRun[] = w.has('year') ? [t('（'), w.num('year', 'year'), t(' 年度）')] : [];
  const sections: ReportSection[] =
    outline === 'national'
      ? [
          sec('一、基本情况', 1),
          sec('（一）项目概况', 2, [...c.unitProfile(), ...c.projectBasics()]),
          sec('（二）项目资金情况', 2, c.fundsUse()),
          sec('二、绩效评价工作开展情况', 1, [para(ph('自评工作的组织、依据、方法和过程'))]),
          sec('三、综合评价情况及评价结论', 1, c.overall()),
          sec('四、绩效评价指标分析', 1),
          sec('（一）项目决策情况', 2, [para(ph('项目立项、绩效目标设定和资金分配的情况'))]),
          sec('（二）项目过程情况', 2, [...c.indicatorAnalysis(['execution']), ...c.fundsManagement(), ...c.management()]),
          sec('（三）项目产出情况', 2, orNone(c.indicatorAnalysis(['output', 'other']))),
          sec('（四）项目效益情况', 2, orNone(c.indicatorAnalysis(['effect', 'satisfaction']))),
          sec('五、主要经验及做法、存在的问题及原因分析', 1),
          sec('（一）主要经验及做法', 2, [para(ph('项目实施中的主要经验和做法'))]),
          sec('（二）存在的问题', 2, c.problemParagraphs()),
          sec('（三）原因分析', 2, c.unmetReasons()),
          sec('六、有关建议', 1, c.suggestionParagraphs()),
          sec('七、其他需要说明的问题', 1, c.otherMatters()),
        ]
      : [
          sec('一、项目概况', 1),
          sec('（一）项目单位简况', 2, c.unitProfile()),
          sec('（二）项目的基本情况', 2, c.projectBasics()),
          sec('二、项目资金使用及管理情况', 1),
          sec('（一）财政资金实际使用情况', 2, c.fundsUse()),
          sec('（二）项目资金管理情况分析', 2, c.fundsManagement()),
          sec('三、项目组织实施情况', 1),
          sec('（一）项目组织情况分析', 2, c.organisation()),
          sec('（二）项目管理情况分析', 2, c.management()),
          sec('四、项目绩效情况', 1),
          sec('（一）整体评价结果', 2, c.overall()),
          sec('（二）主要指标分析', 2, c.indicatorAnalysis()),
          sec('（三）项目绩效目标未完成原因分析', 2, c.unmetReasons()),
          sec('五、存在的主要问题', 1, c.problemParagraphs()),
          sec('六、改进工作的建议', 1, c.suggestionParagraphs()),
          sec('七、需要说明的其他问题', 1, c.otherMatters()),
        ];
  return { outline, sheet: table.sheet, title, subtitle, sections, numberStyle: style };
}

/** A national sub-section with no 一级 of its kind says so rather than standing empty. */
function orNone(paragraphs: ReportParagraph[]): ReportParagraph[] {
  return paragraphs.length ? paragraphs : [para(t('无。'))];
}
