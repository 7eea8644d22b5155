/**
 * Every message the user reads: what is wrong, in which cell, how to fix it — in Chinese.
 * One builder per situation, so the wording lives in one place.
 */
import { formatNumber as num, formatPercent as pct } from './decimal';

const KIND_NAMES = { positive: '正向指标', negative: '反向指标', equal: '等于型指标' } as const;

export const messages = {
  notANumber: (cell: string, what: string, text: string, problem?: string) =>
    problem === 'chinese_numeral'
      ? `${of(cell, what)}“${text}”用汉字写数字，无法可靠换算。请改为阿拉伯数字（如“十二人”改为“12 人”）。`
      : problem === 'out_of_range'
        ? `${of(cell, what)}是数字 ${text}，但超出可准确计算的范围（绝对值不超过 9,007,199,254,740,991），无法计算。请核对是否多输了位数或单位有误。`
        : problem === 'error_value'
          ? `${of(cell, what)}是错误值“${text}”，无法计算。请检查该单元格的公式或直接填写数字。`
          : `${of(cell, what)}“${text}”不是数字。请填写数字（${exampleFor(what)}），无此项请填“—”。`,
  negative: (cell: string, what: string, value: number) =>
    `${of(cell, what)}为 ${num(value)}，小于 0。${what}不能为负数，请核对后改正。`,
  missing: (cell: string, what: string, why: string) => `${of(cell, what)}为空。${why}`,
  fundsMissing: (cell: string) =>
    `${cell} 附近未找到“项目资金（万元）”部分（年初预算数、全年预算数、全年执行数）。请按自评表格式补充资金情况，才能计算预算执行率。`,
  indicatorsMissing: (cell: string) =>
    `${cell} 所在的指标表头下没有任何指标行，无法计算指标得分、总分和等级。请在表头下逐行填写三级指标及其年度指标值、实际完成值、分值和得分。`,
  weightsMissing: (cell: string) =>
    `${cell} 所在的指标表头没有“分值”（权重）列，各指标的分值缺失，无法计算得分、总分和等级。请在表头加“分值”列并填写各指标分值（原则上预算执行率 10、产出 50、效益 30、满意度 10，合计 100）。`,
  otherTableKind: (sheet: string, kind: string) => `工作表「${sheet}」是${kind}；本工具评的是项目支出绩效自评表`,
  budgetZero: (cell: string) => `${cell} 的全年预算数为 0，无法计算执行率（B÷A）。请填写调整后的全年预算数。`,
  overBudget: (cell: string, executed: number, budget: number) =>
    `${cell} 的全年执行数 ${num(executed)} 万元大于全年预算数 ${num(budget)} 万元，执行率超过 100%（得分按 100% 计）。请核对执行数，或说明超支原因。`,
  budgetAdjusted: (cell: string, initial: number, budget: number) =>
    `${cell} 的全年预算数 ${num(budget)} 万元与年初预算数 ${num(initial)} 万元不同，说明预算做过调整。执行率按调整后的全年预算数（A）计算；请在偏差原因或自评报告中说明调整原因。`,
  fundsSum: (cell: string, column: string, total: number, parts: string, sum: number) =>
    `${cell} 的${column}合计 ${num(total)} 万元不等于各来源之和 ${parts} = ${num(sum)} 万元。请核对年度资金总额或各资金来源。`,
  rateMismatch: (cell: string, stated: number, rate: number, executed: number, budget: number, initial: number | null) => {
    let m = `${cell} 填写的执行率 ${pct(stated)} 与 全年执行数 ÷ 全年预算数 = ${num(executed)} ÷ ${num(budget)} = ${pct(rate)} 不符。`;
    if (initial !== null && initial > 0 && Math.abs(executed / initial - stated) < 0.005 && initial !== budget) {
      m += `填写值相当于按年初预算数计算（${num(executed)} ÷ ${num(initial)} ≈ ${pct(executed / initial)}），但执行率应以调整后的全年预算数（A）为分母。`;
    }
    return `${m}请改为 ${pct(rate)}。`;
  },
  executionScoreMismatch: (cell: string, stated: number, score: number, rate: number, weight: number) =>
    `${cell} 原填 ${num(stated)} 分，按执行率 ${pct(Math.min(rate, 1))} × 分值 ${num(weight)} 计算应为 ${num(score)} 分。请改为 ${num(score)} 分。`,
  scoreMismatch: (cell: string, name: string, stated: number, score: number, kind: keyof typeof KIND_NAMES, how: string) =>
    `${cell}（${name}）原填 ${num(stated)} 分，按${KIND_NAMES[kind]}计算应为 ${num(score)} 分（${how}）。请改为 ${num(score)} 分。`,
  qualitativeScoreMismatch: (cell: string, name: string, stated: number, score: number) =>
    `${cell}（${name}）原填 ${num(stated)} 分，实际完成情况表明已达成年度指标，应为 ${num(score)} 分。`,
  scoreOverWeight: (cell: string, name: string, stated: number, weight: number) =>
    `${cell}（${name}）得分 ${num(stated)} 超过分值 ${num(weight)}。得分不能高于分值，请改正。`,
  weightSum: (parts: string, total: number, national: string, hint: string) =>
    `计分的权重合计为 ${parts} = ${num(total)}，应为 100。全国通行权重为 ${national}（财预〔2020〕10号）。${hint}`,
  /** The 一级 whose weights make WEIGHT_SUM fail, said first at its own cell. */
  weightCause: (cell: string, label: string, actual: number, expected: number) => `${cell}（${label}）各指标分值合计 ${num(actual)}，按评分规则应为 ${num(expected)}。`,
  weightSumExcludingHint: () =>
    '若本地规定总分不含预算执行率（指标合计 100 分），请在“设置”中选择“总分不含预算执行率”，本表即前后一致；否则请调整各一级指标分值使合计为 100。',
  weightSumFix: () => '请调整各指标分值，使合计为 100。',
  level1Weight: (cell: string, label: string, declared: number, parts: string, sum: number) =>
    `${cell}“${label}”标明 ${num(declared)} 分，但其下各指标分值合计 ${parts} = ${num(sum)}。请使标注与各指标分值一致。`,
  weightProfile: (cell: string, label: string, actual: number, expected: number) =>
    `${cell}“${label}”的分值合计为 ${num(actual)}，规则设置中的通行权重为 ${num(expected)}。单位可按实际调整，但请确认这是有意为之、总权重仍为 100。`,
  totalMismatch: (cell: string, stated: number, total: number, parts: string) =>
    `${cell} 原填总分 ${num(stated)}，按各项得分合计应为 ${parts} = ${num(total)}。请改为 ${num(total)}。`,
  totalMismatchBlocked: (cell: string, stated: number, total: number, parts: string) =>
    `${cell} 原填总分 ${num(stated)}，与各项得分合计 ${parts} = ${num(total)} 不符；表中还有错误，须先改正错误，再按改正后的得分填写总分。`,
  totalMissing: (cell: string) => `${cell} 以下未找到“总分”行。请在指标下方加一行“总分”，以便填写合计分。`,
  deviation: (cell: string, name: string, why: string) =>
    `${cell}（${name}）须填写偏差原因分析及改进措施：${why}。`,
  unitMismatch: (cell: string, name: string, target: string, actual: string) =>
    `${cell}（${name}）实际完成值“${actual}”与年度指标值“${target}”的计量单位不同，无法比较。请用与指标值相同的单位填写实际完成值。`,
  vagueBound: (cell: string, name: string, actual: string) =>
    `${cell}（${name}）实际完成值“${actual}”是一个范围而不是实际数值（或照抄了指标值）。请填写实际达到的数值，如“96.5%”。`,
  vagueText: (cell: string, name: string, actual: string, target: string) =>
    `${cell}（${name}）年度指标值“${target}”是数值，但实际完成值“${actual}”是文字，无法计算得分。请填写实际数值。`,
  qualitativeOutOfTier: (cell: string, name: string, stated: number, tier: string, lo: number, hi: number) =>
    `${cell}（${name}）得分 ${num(stated)} 不在“${tier}”档的分数范围 ${num(lo)}～${num(hi)} 内。请按完成情况在该档范围内打分，或修改实际完成情况的描述。`,
  manualScore: (cell: string, name: string, range: string) =>
    `${cell}（${name}）是定性指标，具体得分由填报人判断${range}。已保留所填得分。`,
  overAchieved: (cell: string, name: string, actual: string, target: string, ratio: number) =>
    `${cell}（${name}）实际完成值“${actual}”达到年度指标值“${target}”的 ${pct(ratio, 0)}，远超目标。请在偏差原因中说明（年初指标值是否设置偏低）。`,
  missingScore: (cell: string, name: string, why: string) =>
    `${cell}（${name}）无法得出得分：${why}，因此无法计算总分和等级。请补充后再评分。`,
};

/** "H6 的年初预算数" but "H16 “运行经费”的得分" (never a double 的). */
function of(cell: string, what: string): string {
  return what.includes('的') ? `${cell} ${what}` : `${cell} 的${what}`;
}

/** The example in a not-a-number message: an amount for amounts, a score for scores and weights. */
function exampleFor(what: string): string {
  if (/得分|分值|总分/.test(what)) return '如“8”或“8.5”';
  if (/执行率/.test(what)) return '如“95%”';
  return '可带单位，如“97.9”或“97.9 万元”';
}

/**
 * An issue's message without the address it opens with, for a place that shows the cell beside it (the
 * pane's list) or is the cell itself (its note): "H16（运行经费）原填…" → "运行经费：原填…".
 */
export function messageWithoutCell(message: string, cell: string | null): string {
  if (!cell || !message.startsWith(cell)) return message;
  let rest = message.slice(cell.length).replace(/^\s+/, '');
  const named = /^（([^（）]+)）/.exec(rest);
  if (named) rest = `${named[1]}：${rest.slice(named[0].length)}`;
  else rest = rest.replace(/^的/, '');
  return rest;
}

export const TIER_NAMES = { achieved: '达成年度指标', partial: '部分达成年度指标并具有一定效果', failed: '未达成年度指标且效果较差' } as const;
