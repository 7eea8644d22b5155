/**
 * Drafts the 绩效自评报告 from one scored table, written as the unit's own document. Every number and
 * every quotation comes from the result through a field path; the engine decides every fact (deviation
 * due, budget adjusted, groups…), the draft only words it. What the table cannot know is a 【请补充：…】
 * placeholder; what it only suggests is 【请核实：…】. The tool's findings about the table go to the
 * separate 填报问题清单 (`findings`), never into the body.
 * Pure and deterministic: the same table and profile give the same draft.
 */
import { Decimal, dec } from '../decimal';
import type { Grid } from '../grid';
import { ISSUE_CODES } from '../issueRegistry';
import type { RuleProfile } from '../profile';
import { natureComparator } from '../scoring';
import type { IndicatorResult, Level1Summary, TableResult } from '../result';
import { attachedTable } from './attachment';
import { cleanText, formatFigureValue, typeset, type FigureFormat, type NumberStyle } from './format';
import {
  CORRECT_FIRST,
  PLACEHOLDER_CLOSE,
  PLACEHOLDER_OPEN,
  VERIFY_OPEN,
  runsText,
  type Finding,
  type FigureRun,
  type ReportDraft,
  type ReportParagraph,
  type ReportRun,
  type ReportSection,
  type ScoreRow,
} from './model';

export interface DraftOptions {
  /** 'seed' (the seven-part 自评报告, default) or 'national' (财预〔2020〕10号 附件3 reference outline). */
  outline?: 'seed' | 'national';
  /** The table's sheet, so the draft can attach the 自评表 itself (Word). */
  grid?: Grid;
}

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

  /** One part of a table text (a goal item), as prose. */
  part(path: string, text: string): FigureRun {
    const value = readPath(this.table, path);
    if (typeof value !== 'string' || !typeset(value).includes(text)) throw new Error(`report: "${text}" is not part of ${path}`);
    return { kind: 'figure', text, format: 'text', value, source: path };
  }

  /** Table text as prose (typeset: no space between Chinese and digits). */
  quote(path: string, transform: (s: string) => string = (s) => s): FigureRun {
    const value = readPath(this.table, path);
    if (typeof value !== 'string') throw new Error(`report: no text at ${path}`);
    return { kind: 'figure', text: transform(typeset(value)), format: 'text', value, source: path };
  }

  /** A reason the filer wrote, exactly as written (only line breaks and runs of spaces collapsed). */
  reason(path: string): FigureRun {
    const value = readPath(this.table, path);
    if (typeof value !== 'string') throw new Error(`report: no text at ${path}`);
    return { kind: 'figure', text: value.replace(/\s+/g, ' ').trim(), format: 'text', value, source: path, verbatim: true };
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
const correctFirst = (): ReportRun => ({ kind: 'placeholder', text: CORRECT_FIRST, hint: '请先按填报问题清单更正自评表后重新生成' });
/** 【请核实：…】 around runs that state what the table suggests: every run highlighted, figures still traced. */
const verify = (...runs: ReportRun[]): ReportRun[] => [t(VERIFY_OPEN), ...runs, t(PLACEHOLDER_CLOSE)].map((r) => (r.kind === 'placeholder' ? r : { ...r, highlight: true }));
const para = (...runs: (ReportRun | ReportRun[])[]): ReportParagraph => ({ runs: mergeText(runs.flat()) });

/** Joins adjacent text runs of the same highlight, so the model stays small and snapshots readable. */
function mergeText(runs: ReportRun[]): ReportRun[] {
  const out: ReportRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.kind === 'text' && last?.kind === 'text' && !!last.highlight === !!r.highlight) out[out.length - 1] = { ...last, text: last.text + r.text };
    else if (r.kind !== 'text' || r.text !== '') out.push(r);
  }
  return out;
}

/** 一级 labels carry their weight in some tables ("产出指标 (60 分)"): the report states it itself. */
const stripWeight = (s: string) => s.replace(/[（(]\s*[\d.]+\s*分?\s*[)）]\s*$/, '').trim();

/** A full stop after quoted text unless it already ends a sentence. */
function endStop(text: string | null | undefined): ReportRun {
  return t(/[。！？.!?；;]\s*$/.test(text ?? '') ? '' : '。');
}

/** The comparator a 指标性质 cell adds to a bare target ("≥" + "95" + "%"), none for "=" and 定性. */
function comparatorOf(ind: IndicatorResult): string {
  if (!ind.nature) return '';
  const c = natureComparator(ind.nature);
  if (c === '>=') return '≥';
  if (c === '<=') return '≤';
  if (c === '>' || c === '<') return c;
  return '';
}

const CN_ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CN_COUNT = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const BARE_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const isNoneMark = (s: string) => /^[/／\-—–]?$/.test(s.trim());

/** Split the 年度总体目标 text into its numbered items ("1. … 2. …"), or one item. */
export function goalItems(text: string): string[] {
  const clean = typeset(text);
  const parts = clean.split(/\s*(?:^|(?<=[。；;，,\s]))\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．)）]\s*/).map((s) => s.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [clean];
}

/** The sections' contents, shared by both outlines. */
class Content {
  constructor(
    private readonly w: Writer,
    private readonly table: TableResult,
  ) {}

  private get f() {
    return this.table.funds;
  }

  /** "本项目" once the project has been named in full. */
  private subject(): ReportRun[] {
    if (!this.w.has('project.name')) return [t('本项目')];
    const name = typeset(this.table.project.name ?? '');
    return [this.w.quote('project.name'), t(/项目$/.test(name) ? '' : '项目')];
  }

  /** A target or actual as the table shows it, with the 指标性质 comparator and 度量单位 kept. */
  private value(i: number, which: 'target' | 'actual'): ReportRun[] {
    const ind = this.table.indicators[i];
    const p = `indicators[${i}]`;
    const text = cleanText(ind[which]);
    const unit = ind.unit && !isNoneMark(ind.unit) && BARE_NUMBER.test(text) ? typeset(ind.unit) : '';
    const comparator = which === 'target' && BARE_NUMBER.test(text) ? comparatorOf(ind) : '';
    const fig = this.w.quote(`${p}.${which}`);
    if (/\d/.test(text) || unit) return [t(comparator), fig, t(unit)];
    return [t('“'), fig, t('”')];
  }

  private unitName(): ReportRun[] {
    if (this.w.has('project.implementer')) return [this.w.quote('project.implementer')];
    if (this.w.has('project.department')) return [this.w.quote('project.department')];
    return [ph('单位名称')];
  }

  unitProfile(): ReportParagraph[] {
    const w = this.w;
    const runs: ReportRun[] = [];
    if (w.has('project.department')) runs.push(t('本项目主管部门为'), w.quote('project.department'));
    if (w.has('project.implementer')) runs.push(t(runs.length ? '，实施单位为' : '本项目实施单位为'), w.quote('project.implementer'));
    if (runs.length) runs.push(t('。'));
    runs.push(ph('单位主要职能和机构设置简况'));
    return [para(runs)];
  }

  projectBasics(): ReportParagraph[] {
    const w = this.w;
    const year = w.has('year') ? [w.num('year', 'year'), t('年度')] : [t('本年度')];
    return [para(this.subject(), t('为'), year, t('项目支出。'), ph('项目立项依据、主要内容和实施范围'))];
  }

  /** 年度总体目标, item by item, and what the table says was achieved. */
  goals(withActual = true): ReportParagraph[] {
    const w = this.w;
    const out: ReportParagraph[] = [];
    const expected = this.table.goals?.expected ?? '';
    if (w.has('goals.expected')) {
      const items = goalItems(expected);
      if (items.length > 1) {
        const runs: ReportRun[] = [t(`年初设定的年度总体目标共${CN_COUNT[items.length] ?? '多'}项：`)];
        items.forEach((item, k) => runs.push(t(`${k ? '；' : ''}${CN_ORDINAL[k] ?? '另'}是`), w.part('goals.expected', item.replace(/[。；;，,]$/, ''))));
        out.push(para(runs, t('。')));
      } else out.push(para(t('年初设定的年度总体目标：'), w.quote('goals.expected'), endStop(expected)));
    } else out.push(para(t('年初设定的年度总体目标：'), ph('年初设定的年度总体目标')));
    if (!withActual) return out;
    if (w.has('goals.actual')) {
      out.push(para(t('年度总体目标完成情况：'), w.quote('goals.actual'), endStop(this.table.goals?.actual)));
      if (goalItems(expected).length > 1) out.push(para(ph('逐项对照上述年度总体目标，说明每项目标的完成程度')));
    } else out.push(para(t('年度总体目标完成情况：'), ph('年度总体目标的完成情况')));
    return out;
  }

  /** 年初 → 调整 → 执行, per source where the table has them; the adjustment to verify or its reason quoted. */
  fundsUse(): ReportParagraph[] {
    const w = this.w;
    const f = this.f;
    const out: ReportParagraph[] = [];
    const parts: ReportRun[][] = [];
    if (w.has('funds.initialBudget')) parts.push([t('年初预算'), w.num('funds.initialBudget', 'amount'), t('万元')]);
    if (w.has('funds.budget')) parts.push([t(w.has('funds.initialBudget') ? '全年预算' : '全年预算（调整后）'), w.num('funds.budget', 'amount'), t('万元')]);
    else parts.push([t('全年预算'), ph('全年预算数')]);
    const year = w.has('year') ? [w.num('year', 'year'), t('年')] : [t('本年度')];
    if (w.has('funds.executed')) parts.push([...year, t('实际支出'), w.num('funds.executed', 'amount'), t('万元')]);
    else parts.push([t('实际支出'), ph('全年实际支出')]);
    if (w.has('funds.rate')) parts.push([t('预算执行率'), w.num('funds.rate', 'percent')]);
    const runs: ReportRun[] = [...this.subject()];
    parts.forEach((p, i) => runs.push(...(i ? [t('，')] : []), ...p));
    runs.push(t('。'));
    out.push(para(runs));

    // Sources with their own figures: 年初 → 调整 → 执行 as the table gives them.
    const sources = f.sources.map((s, i) => ({ s, i })).filter(({ s, i }) => w.has(`funds.sources[${i}].label`) && (s.executed ?? 0) + (s.budget ?? 0) + (s.initialBudget ?? 0) !== 0);
    if (sources.length) {
      const src: ReportRun[] = [t('资金来源：')];
      sources.forEach(({ i }, k) => {
        const p = `funds.sources[${i}]`;
        if (k) src.push(t('；'));
        src.push(w.quote(`${p}.label`, (s) => s.replace(/^其中\s*[:：]?\s*/, '')));
        const bits: ReportRun[][] = [];
        if (w.has(`${p}.initialBudget`)) bits.push([t('年初预算'), w.num(`${p}.initialBudget`, 'amount'), t('万元')]);
        if (w.has(`${p}.budget`)) bits.push([t('全年预算'), w.num(`${p}.budget`, 'amount'), t('万元')]);
        if (w.has(`${p}.executed`)) bits.push([t('实际支出'), w.num(`${p}.executed`, 'amount'), t('万元')]);
        bits.forEach((b, j) => src.push(t(j ? '，' : ''), ...b));
      });
      src.push(t('。'));
      out.push(para(src));
    }

    if (f.budgetAdjusted && f.initialBudget !== null && f.budget !== null) {
      const down = dec(f.initialBudget).greaterThan(dec(f.budget));
      const diff = down ? w.derived('difference', ['funds.initialBudget', 'funds.budget'], 'amount') : w.derived('difference', ['funds.budget', 'funds.initialBudget'], 'amount');
      const change = [t(`全年预算较年初预算${down ? '减少' : '增加'}`), diff, t('万元')];
      // The table's own reason settles it; without one the difference may be a filing slip: verify, never assert.
      if (f.reason) out.push(para(change, t('。预算调整及执行偏差原因：'), w.reason('funds.reason'), endStop(f.reason)));
      else out.push(para(verify(...change, t('，是否为年度中预算调整；如是，请说明调整原因、依据和审批情况'))));
    }
    if (f.deviationDue.includes('rate-below-threshold') && f.budget !== null && f.executed !== null) {
      const left = [t('全年预算结余'), w.derived('difference', ['funds.budget', 'funds.executed'], 'amount'), t('万元未支出。')];
      if (f.reason && !f.budgetAdjusted) out.push(para(left, t('原因：'), w.reason('funds.reason'), endStop(f.reason)));
      else if (!f.reason) out.push(para(left, ph('资金结余的原因及结余资金的处理情况')));
      else out.push(para(left));
    }
    if (f.budget !== null && f.executed !== null && dec(f.executed).greaterThan(dec(f.budget))) {
      out.push(para(t('全年执行数超出全年预算'), w.derived('difference', ['funds.executed', 'funds.budget'], 'amount'), t('万元。'), ph('超预算支出的原因和资金来源')));
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

  get totalDetermined(): boolean {
    return this.table.grade !== null && this.w.has('totals.score');
  }

  /** The total and grade, or the instruction to correct the table first: never a validation message. */
  overall(): ReportParagraph[] {
    const w = this.w;
    const out: ReportParagraph[] = [];
    if (this.totalDetermined) {
      const max = w.has('totals.weight') ? [t('（满分'), w.num('totals.weight', 'score'), t('分）')] : [];
      out.push(para(this.subject(), t('自评总分'), w.num('totals.score', 'score'), t('分'), max, t('，评价等级为“'), w.quote('grade'), t('”。'), ph('项目实施取得的总体成效')));
    } else {
      out.push(para(this.subject(), t('自评总分和评价等级：'), correctFirst(), t('。')));
    }
    // Scores the table states for rows whose actual does not answer the target stand in the total: say so.
    const open = this.table.indicators.map((ind, i) => (ind.actualProblem && ind.scoreSource === 'stated' && w.has(`indicators[${i}].score`) ? i : -1)).filter((i) => i >= 0);
    if (open.length) {
      const names: ReportRun[] = [];
      open.forEach((i, k) => names.push(t(k ? '、' : ''), t('“'), w.quote(`indicators[${i}].name`), t('”')));
      out.push(para(t('其中'), names, t('的得分沿用自评表所填，完成情况待核实（见下文指标分析）。')));
    }
    if (!this.f.countedInTotal && w.has('funds.score')) {
      out.push(para(t('按本地评分口径，预算执行率得分（'), w.num('funds.score', 'score'), t('分）单独列示，不计入总分。')));
    }
    out.push(para(t('各项指标的分值和得分见“指标评分表”。')));
    return out;
  }

  /** One indicator in full sentences: how far it was met, why, and whether its target looks low. */
  private indicatorParagraph(i: number): ReportParagraph {
    const w = this.w;
    const ind = this.table.indicators[i];
    const p = `indicators[${i}]`;
    const runs: ReportRun[] = [t('“'), w.quote(`${p}.name`), t('”')];
    if (w.has(`${p}.level2`)) runs.push(t('（'), w.quote(`${p}.level2`, stripWeight), t('）'));
    if (ind.kind === 'not_applicable') return para(runs, t('本年度不适用，不计分。'));
    const target = w.has(`${p}.target`) ? this.value(i, 'target') : null;
    const actual = w.has(`${p}.actual`) ? this.value(i, 'actual') : null;
    runs.push(t('年度指标值为'), ...(target ?? [ph('自评表未填写年度指标值')]));
    const scored = w.has(`${p}.weight`);
    const scorePart = (): ReportRun[] =>
      !scored ? [] : w.has(`${p}.score`) ? [t('得'), w.num(`${p}.score`, 'score'), t('分（分值'), w.num(`${p}.weight`, 'score'), t('分）')] : [t('得分'), ph(ind.kind === 'qualitative' ? '按完成档次确定的得分' : '得分'), t('（分值'), w.num(`${p}.weight`, 'score'), t('分）')];

    if (ind.actualProblem === 'unit-mismatch') {
      runs.push(t('，实际完成值填列为'), ...(actual ?? []), t('，与年度指标值的计量单位不一致，未能反映完成程度'));
      if (scored && w.has(`${p}.score`)) runs.push(t('；表中'), ...scorePart());
      runs.push(t('。'), ph('按年度指标值的计量单位说明实际完成数量及完成情况'));
    } else if (ind.actualProblem === 'bound-not-value') {
      runs.push(t('，实际完成值填列为'), ...(actual ?? []), t('，未反映实际达到的数值'));
      if (scored && w.has(`${p}.score`)) runs.push(t('；表中'), ...scorePart());
      runs.push(t('。'), ph('实际达到的数值及其来源，如满意度调查的结果、方式和样本量'));
    } else if (ind.actualProblem === 'text-for-number') {
      runs.push(t('，实际完成情况填列为'), ...(actual ?? []), t('，未给出实际完成的数值'));
      if (scored && w.has(`${p}.score`)) runs.push(t('；表中'), ...scorePart());
      runs.push(t('。'), ph('实际完成的数值'));
    } else if (ind.kind === 'qualitative') {
      runs.push(t('，实际完成情况为'), ...(actual ?? [ph('自评表未填写实际完成情况')]));
      runs.push(t(ind.met === true ? '，达成年度指标' : ind.met === false ? '，部分达成年度指标' : ''));
      const sp = scorePart();
      runs.push(...(sp.length ? [t('，'), ...sp] : []), t('。'));
    } else {
      runs.push(t('，实际完成值为'), ...(actual ?? [ph('自评表未填写实际完成值')]));
      if (ind.met === true) runs.push(t(ind.kind === 'negative' ? '，控制在年度指标值以内' : '，已完成年度目标'));
      else if (ind.met === false) {
        if (w.has(`${p}.completion`)) runs.push(t('，完成年度指标值的'), w.num(`${p}.completion`, 'percent'));
        runs.push(t(ind.kind === 'negative' ? '，超出年度指标值' : '，未完全达到年度目标'));
      }
      const sp = scorePart();
      runs.push(...(sp.length ? [t('，'), ...sp] : []), t('。'));
    }

    if (ind.overAchieved) {
      if (w.has(`${p}.completion`)) runs.push(t('实际完成值为年度指标值的'), w.num(`${p}.completion`, 'percent'), t('，超出年度指标值较多。'));
      else runs.push(t('实际完成值超出年度指标值较多。'));
    }
    if (ind.deviationGiven) runs.push(t('偏差原因及改进措施：'), w.reason(`${p}.deviation`), endStop(ind.deviation));
    else if (ind.deviationDue.includes('below-weight')) runs.push(ph('未完成年度目标的原因及拟采取的改进措施'));
    else if (ind.overAchieved) runs.push(ph('超额完成的原因，以及年初指标值是否设置偏低'));
    return para(runs);
  }

  private groupHead(g: Level1Summary, gi: number, k: number): ReportRun[] {
    const w = this.w;
    const label = g.kind === 'execution' ? [t('预算执行率')] : [w.quote(`groups[${gi}].label`, stripWeight)];
    const head: ReportRun[] = [t(`${k}. `), ...label, t('：分值'), w.num(`groups[${gi}].weight`, 'score'), t('分，')];
    head.push(...(w.has(`groups[${gi}].score`) ? [t('得分'), w.num(`groups[${gi}].score`, 'score'), t('分。')] : [t('得分'), ph('部分指标得分待确定'), t('。')]));
    return head;
  }

  /** The execution item: budget, spending, rate, whether it counts, and the table's reason. */
  private executionItem(gi: number, k: number): ReportParagraph[] {
    const w = this.w;
    const f = this.f;
    const runs = this.groupHead(this.table.groups[gi], gi, k);
    if (w.has('funds.budget')) runs.push(t('全年预算'), w.num('funds.budget', 'amount'), t('万元'));
    if (w.has('funds.executed')) runs.push(t(w.has('funds.budget') ? '，' : ''), t('全年执行'), w.num('funds.executed', 'amount'), t('万元'));
    if (w.has('funds.rate')) runs.push(t('，预算执行率'), w.num('funds.rate', 'percent'));
    if (w.has('funds.budget') || w.has('funds.executed')) runs.push(t('。'));
    if (!f.countedInTotal) runs.push(t('按本地评分口径，该项得分不计入总分。'));
    if (f.deviationDue.includes('rate-below-threshold')) {
      runs.push(t('预算执行率未达到规定要求，资金未全部支出。'));
      runs.push(...(f.reason ? [t('原因：'), w.reason('funds.reason'), endStop(f.reason)] : [ph('预算执行率未达要求的原因及拟采取的改进措施')]));
    } else if (f.reason) {
      runs.push(t('执行偏差原因：'), w.reason('funds.reason'), endStop(f.reason));
    }
    return [para(runs)];
  }

  /** 主要指标分析: one item per 一级 (the engine's groups), execution first, each indicator in full sentences. */
  indicatorAnalysis(kinds?: Level1Summary['kind'][]): ReportParagraph[] {
    const out: ReportParagraph[] = [];
    let k = 0;
    this.table.groups.forEach((g, gi) => {
      if (kinds && !kinds.includes(g.kind)) return;
      k++;
      if (g.kind === 'execution') {
        out.push(...this.executionItem(gi, k));
        return;
      }
      out.push(para(this.groupHead(g, gi, k)));
      for (const i of g.indicators) out.push(this.indicatorParagraph(i));
    });
    // Rows without a 分值 (not in any group) are still the unit's results.
    const grouped = new Set(this.table.groups.flatMap((g) => g.indicators));
    const rest = this.table.indicators.map((_, i) => i).filter((i) => !grouped.has(i) && (!kinds || kinds.includes('output')));
    for (const i of rest) out.push(this.indicatorParagraph(i));
    return out;
  }

  private unmetRows(): number[] {
    return this.table.indicators.map((ind, i) => (ind.kind !== 'not_applicable' && (ind.met === false || ind.deviationDue.includes('below-weight')) ? i : -1)).filter((i) => i >= 0);
  }

  private overRows(): number[] {
    return this.table.indicators.map((ind, i) => (ind.overAchieved ? i : -1)).filter((i) => i >= 0);
  }

  /** One unmet item with its cause: the table's reason verbatim, or a placeholder. */
  private unmetItem(i: number): ReportRun[] {
    const w = this.w;
    const ind = this.table.indicators[i];
    const p = `indicators[${i}]`;
    const runs: ReportRun[] = [t('“'), w.quote(`${p}.name`), t('”年度指标值为'), ...(w.has(`${p}.target`) ? this.value(i, 'target') : [ph('年度指标值')])];
    if (w.has(`${p}.actual`)) runs.push(t('，实际完成值为'), ...this.value(i, 'actual'));
    runs.push(t('，未完全达到年度目标。原因：'));
    if (ind.deviationGiven) runs.push(w.reason(`${p}.deviation`), endStop(ind.deviation));
    else runs.push(ph('未完成的原因及拟采取的改进措施'));
    return runs;
  }

  /** 未完成原因分析 (seed outline): each unmet item with its cause, or a sentence saying all were met. */
  unmetReasons(): ReportParagraph[] {
    const w = this.w;
    const f = this.f;
    const out: ReportParagraph[] = [];
    let k = 0;
    if (f.deviationDue.includes('rate-below-threshold') && w.has('funds.rate')) {
      k++;
      out.push(para(t(`${k}. 预算执行率为`), w.num('funds.rate', 'percent'), t('，资金未全部支出。原因：'), ...(f.reason ? [w.reason('funds.reason'), endStop(f.reason)] : [ph('资金未全部支出的原因及拟采取的改进措施')])));
    }
    for (const i of this.unmetRows()) {
      k++;
      out.push(para(t(`${k}. `), this.unmetItem(i)));
    }
    if (!out.length) {
      // Rows whose actual does not answer the target are not "met": they wait for the unit's check.
      const open = this.table.indicators.map((ind, i) => (ind.actualProblem ? i : -1)).filter((i) => i >= 0);
      if (!open.length) out.push(para(t('本年度各项绩效指标均已完成年度目标。')));
      else {
        const names: ReportRun[] = [];
        open.forEach((i, k) => names.push(t(k ? '、' : ''), t('“'), w.quote(`indicators[${i}].name`), t('”')));
        out.push(para(t('除'), names, t('的完成情况待核实外，其余绩效指标均已完成年度目标。')));
      }
    }
    return out;
  }

  /** The unit's own problems: what the results show (unmet, unspent, targets set low), each with its cause. */
  problems(withCauses: boolean): { problem: ReportRun[]; suggestion: ReportRun[] }[] {
    const w = this.w;
    const f = this.f;
    const out: { problem: ReportRun[]; suggestion: ReportRun[] }[] = [];
    if (f.deviationDue.includes('rate-below-threshold') && w.has('funds.rate')) {
      const cause = withCauses ? [t('原因：'), ...(f.reason ? [w.reason('funds.reason'), endStop(f.reason)] : [ph('资金未全部支出的原因')])] : [];
      out.push({
        problem: [t('预算执行进度有待加快。全年预算执行率为'), w.num('funds.rate', 'percent'), t('，部分资金未按计划支出。'), ...cause],
        suggestion: [t('加快预算执行进度，按月跟踪资金支出，对执行缓慢的事项及时分析原因、调整计划，提高资金使用效率。')],
      });
    }
    const unmet = this.unmetRows();
    if (unmet.length) {
      const listed: ReportRun[] = [];
      const names: ReportRun[] = [];
      unmet.forEach((i, k) => {
        listed.push(t(k ? '；' : ''), ...(withCauses ? this.unmetItem(i) : [t('“'), w.quote(`indicators[${i}].name`), t('”')]));
        names.push(t(k ? '、' : ''), t('“'), w.quote(`indicators[${i}].name`), t('”'));
      });
      out.push({
        problem: [t('部分绩效指标未完成年度目标：'), ...listed, ...(withCauses ? [] : [t('。')])],
        suggestion: [t('针对'), ...names, t('逐项分析未完成原因，细化工作措施，明确责任和完成时限。')],
      });
    }
    const over = this.overRows();
    if (over.length) {
      const names: ReportRun[] = [];
      over.forEach((i, k) => names.push(t(k ? '、' : ''), t('“'), w.quote(`indicators[${i}].name`), t('”')));
      out.push({
        problem: [t('部分绩效目标设置偏低：'), ...names, t('的实际完成值远超年度指标值。'), ...(withCauses ? [ph('目标设置偏低的原因')] : [])],
        suggestion: [t('参考以前年度完成情况和行业标准，合理确定'), ...names, t('等指标的年度指标值。')],
      });
    }
    return out;
  }

  problemParagraphs(withCauses = false): ReportParagraph[] {
    const list = this.problems(withCauses);
    const out = list.map((p, k) => para(t(`${k + 1}. `), p.problem));
    out.push(para(ph(list.length ? '项目实施和资金管理中存在的其他问题（如有）' : '项目实施和资金管理中存在的主要问题；确无问题的，写明“无”')));
    return out;
  }

  suggestionParagraphs(): ReportParagraph[] {
    const list = this.problems(false);
    const out = list.map((p, k) => para(t(`${k + 1}. `), p.suggestion));
    out.push(para(ph(list.length ? '针对其他问题的改进建议（如有）' : '改进工作的建议')));
    return out;
  }

  /** The execution score's place in the total is said where the total is (整体评价) and in the execution item. */
  otherMatters(): ReportParagraph[] {
    return [para(t('无。'))];
  }

  /** 二（一）of the national outline: the object and range of the evaluation, from the table. */
  evaluationScope(): ReportParagraph[] {
    const w = this.w;
    const runs: ReportRun[] = [t('评价对象为'), ...this.subject()];
    if (w.has('year')) runs.push(w.num('year', 'year'), t('年度'));
    runs.push(t('项目支出'));
    if (w.has('funds.budget')) runs.push(t('，涉及全年预算资金'), w.num('funds.budget', 'amount'), t('万元'));
    runs.push(t('。'), ph('绩效评价的目的'));
    return [para(runs)];
  }

  unitSignature(): ReportRun[] {
    return this.unitName();
  }
}

function sec(heading: string, level: 1 | 2, paragraphs: ReportParagraph[] = []): ReportSection {
  return { heading, level, paragraphs };
}

const LEVEL_NAMES = { error: '错误', warning: '提醒', info: '提示' } as const;

/**
 * The 填报问题清单: every finding of the engine about this table, errors first, in the engine's words
 * (what is wrong, where, how to correct it). A separate list: the unit's report never carries them.
 */
export function findingsOf(table: TableResult): Finding[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return table.issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => order[a.issue.severity] - order[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => ({
      place: issue.cell ? `${issue.sheet ?? table.sheet}!${issue.cell}` : (issue.sheet ?? table.sheet),
      level: issue.status === 'corrected' ? '已更正' : LEVEL_NAMES[issue.severity],
      // The registry is a Record over every code: a new code has its title before it can reach this list.
      title: ISSUE_CODES[issue.code].title,
      text: issue.message,
    }));
}

/** The indicator score table (附表): 一级 by 一级, execution first, then the total. */
function scoreTable(table: TableResult, style: NumberStyle, totalDetermined: boolean): ScoreRow[] {
  const n = (v: number | null) => (v === null ? '' : formatFigureValue(v, 'score', style));
  const rows: ScoreRow[] = [];
  const f = table.funds;
  for (const g of table.groups) {
    if (g.kind === 'execution') {
      rows.push({
        level1: '预算执行率', level2: '', name: f.countedInTotal ? '预算执行率' : '预算执行率（不计入总分）',
        target: '', actual: f.rate === null ? '' : formatFigureValue(f.rate, 'percent', style), weight: n(g.weight), score: n(g.score),
      });
      continue;
    }
    for (const i of g.indicators) {
      const ind = table.indicators[i];
      if (ind.kind === 'not_applicable') continue;
      const shown = (s: string) => typeset(s);
      rows.push({
        level1: stripWeight(typeset(g.label)), level2: stripWeight(typeset(ind.level2)), name: typeset(ind.name),
        target: `${comparatorOf(ind)}${shown(ind.target)}${ind.unit && !isNoneMark(ind.unit) && BARE_NUMBER.test(cleanText(ind.target)) ? typeset(ind.unit) : ''}`,
        actual: `${shown(ind.actual)}${ind.unit && !isNoneMark(ind.unit) && BARE_NUMBER.test(cleanText(ind.actual)) ? typeset(ind.unit) : ''}`,
        weight: n(ind.weight), score: n(ind.score),
      });
    }
  }
  rows.push({ level1: '总分', level2: '', name: '', target: '', actual: '', weight: n(table.totals.weight), score: totalDetermined ? n(table.totals.score) : '待更正' });
  return rows;
}

/** Drafts the report for one table. */
export function draftReport(table: TableResult, profile: RuleProfile, options: DraftOptions = {}): ReportDraft {
  const outline = options.outline ?? profile.reportOutline ?? 'seed';
  const style: NumberStyle = { scoreDecimals: profile.decimals, scoreRounding: profile.rounding };
  const w = new Writer(table, style);
  const c = new Content(w, table);
  const named = w.has('project.name');
  const projectLine: ReportRun[] = named ? [w.quote('project.name'), t(/项目$/.test(typeset(table.project.name ?? '')) ? '' : '项目')] : [t('项目')];
  const title: ReportRun[] = [...projectLine, t('绩效自评报告')];
  const subtitle: ReportRun[] = w.has('year') ? [t('（'), w.num('year', 'year'), t('年度）')] : [];
  const sections: ReportSection[] =
    outline === 'national'
      ? /*
         * 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件3“项目支出绩效评价报告（参考提纲）”:
         * 一、基本情况（一）项目概况（二）项目绩效目标; 二、绩效评价工作开展情况（一）绩效评价目的、对象和
         * 范围（二）绩效评价原则、评价指标体系（附表说明）、评价方法、评价标准等（三）绩效评价工作过程;
         * 三、综合评价情况及评价结论（附相关评分表）; 四、绩效评价指标分析（一）项目决策情况（二）项目过程
         * 情况（三）项目产出情况（四）项目效益情况; 五、主要经验及做法、存在的问题及原因分析; 六、有关建议;
         * 七、其他需要说明的问题. (Published with the notice on www.gov.cn, zhengceku 2020-03, content_5485586.)
         * Part 五 has no sub-sections there, so each problem is written with its cause in one paragraph.
         */
        [
          sec('一、基本情况', 1),
          sec('（一）项目概况', 2, [...c.unitProfile(), ...c.projectBasics(), ...c.fundsUse()]),
          sec('（二）项目绩效目标', 2, c.goals(false)),
          sec('二、绩效评价工作开展情况', 1),
          sec('（一）绩效评价目的、对象和范围', 2, c.evaluationScope()),
          sec('（二）绩效评价原则、评价指标体系、评价方法、评价标准等', 2, [para(t('评价指标体系采用项目支出绩效自评表所列指标（见附件）。'), ph('评价原则、评价方法和评价标准'))]),
          sec('（三）绩效评价工作过程', 2, [para(ph('自评工作的组织、分工和过程'))]),
          sec('三、综合评价情况及评价结论', 1, c.overall()),
          sec('四、绩效评价指标分析', 1),
          sec('（一）项目决策情况', 2, [para(ph('项目立项、绩效目标设定和资金分配的情况'))]),
          sec('（二）项目过程情况', 2, [...c.indicatorAnalysis(['execution']), ...c.fundsManagement(), ...c.management()]),
          sec('（三）项目产出情况', 2, orNone(c.indicatorAnalysis(['output', 'other']), '本项目自评表未设产出指标。')),
          sec('（四）项目效益情况', 2, [...orNone(c.indicatorAnalysis(['effect', 'satisfaction']), '本项目自评表未设效益指标。'), ...c.goals().slice(1)]),
          sec('五、主要经验及做法、存在的问题及原因分析', 1, [para(ph('项目实施中的主要经验和做法')), ...c.problemParagraphs(true)]),
          sec('六、有关建议', 1, c.suggestionParagraphs()),
          sec('七、其他需要说明的问题', 1, c.otherMatters()),
        ]
      : [
          sec('一、项目概况', 1),
          sec('（一）项目单位简况', 2, c.unitProfile()),
          sec('（二）项目的基本情况', 2, [...c.projectBasics(), ...c.goals()]),
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
  const unit = c.unitSignature();
  const date: ReportRun[] = [ph('成文日期')];
  const grid = options.grid;
  return {
    outline,
    sheet: table.sheet,
    title,
    titleLines: [projectLine, [t('绩效自评报告')]],
    subtitle,
    sections,
    numberStyle: style,
    cover: {
      evaluationType: '部门单位绩效自评',
      project: named ? [w.quote('project.name')] : [ph('项目名称')],
      unit,
      department: w.has('project.department') ? [w.quote('project.department')] : [ph('主管部门')],
      date,
    },
    signature: { unit, date },
    scoreTable: scoreTable(table, style, c.totalDetermined),
    attachment: grid ? attachedTable(grid, table.range) : null,
    findings: findingsOf(table),
    totalDetermined: c.totalDetermined,
  };
}

/** A national sub-section with no 一级 of its kind says so rather than standing empty. */
function orNone(paragraphs: ReportParagraph[], sentence: string): ReportParagraph[] {
  return paragraphs.length ? paragraphs : [para(t(sentence))];
}

export { runsText };
