/**
 * The seed table's result as CONTRACT.md and issue 3 specify it (national defaults), built by hand so
 * the report can be tested independently of the engine. The real-pipeline tests use the engine.
 */
import type { IndicatorResult, Issue, TableResult } from '../../src/core/result';

const ind = (
  row: number,
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  kind: IndicatorResult['kind'],
  weight: number,
  score: number,
  statedScore: number,
  extra: Partial<IndicatorResult> = {},
): IndicatorResult => ({
  level1,
  level2,
  name,
  target,
  actual,
  kind,
  weight,
  score,
  statedScore,
  scoreSource: 'computed',
  row,
  scoreCell: `H${row}`,
  deviation: '',
  deviationCell: `I${row}`,
  met: true,
  level1DeclaredWeight: level1.startsWith('产出') ? 60 : level1.startsWith('效益') ? 30 : 10,
  ...extra,
});

const issue = (code: Issue['code'], severity: Issue['severity'], cell: string, message: string): Issue => ({ code, severity, cell, message, sheet: '自评表' });

export function seedResult(): TableResult {
  return {
    sheet: '自评表',
    range: 'A1:I21',
    layout: 'national',
    title: '项目绩效自评表',
    year: 2023,
    project: { name: '12345 市民热线服务中心运行经费', department: '西安市新城区人民政府办公室', implementer: '政府办' },
    goals: {
      expected: '1. 高效率服务群众，高质量办理工单。 2. 保障日常工作正常开展。 3. 发放劳务派遣人员工资、缴纳社保。',
      actual:
        '新城区成功入围西安市市民热线“接诉即办”改革试点区县。开通全省首家区县级营商环境专线，打造以热线电话为主、网络为辅的受理平台，实现了群众诉求的全渠道受理。建立工单办理情况日报机制、工单动态台账、全量回访等模式，有效提升办理效率。',
    },
    funds: {
      initialBudget: 97.9,
      budget: 64.95,
      executed: 64.95,
      rate: 1,
      weight: 10,
      score: 10,
      statedRate: 0.66,
      statedScore: 7,
      rateCell: 'H6',
      scoreCell: 'I6',
      sources: [
        { label: '其中：当年财政拨款', initialBudget: 97.9, budget: 64.95, executed: 64.95, row: 7 },
        { label: '上年结转资金', initialBudget: null, budget: null, executed: null, row: 8 },
        { label: '其他资金', initialBudget: null, budget: null, executed: null, row: 9 },
      ],
      row: 6,
    },
    indicators: [
      ind(13, '产出指标 (60 分)', '数量指标', '劳务派遣话务员人数', '12 人', '100%', 'positive', 20, 20, 20, { scoreSource: 'stated', met: null }),
      ind(14, '产出指标 (60 分)', '质量指标', '工作任务', '保质保量完成', '100%', 'qualitative', 20, 20, 20, { scoreSource: 'stated' }),
      ind(15, '产出指标 (60 分)', '时效指标', '按时办结率', '100%', '100%', 'positive', 10, 10, 10),
      ind(16, '产出指标 (60 分)', '成本指标', '运行经费', '97.9 万元', '64.95 万元', 'negative', 10, 10, 6),
      ind(17, '效益指标 (30 分)', '经济效益指标', '涉及营商环境类工单按时办结率', '100%', '100%', 'positive', 10, 10, 10),
      ind(18, '效益指标 (30 分)', '社会效益指标', '打造以热线电话为主、网络为辅的受理平台，有效解决群众诉求', '100%', '100%', 'positive', 10, 10, 10),
      ind(19, '效益指标 (30 分)', '可持续影响指标', '建立工单办理情况日报机制、工单动态台账、全量回访等模式，有效提升办理效率', '100%', '100%', 'positive', 10, 10, 10),
      ind(20, '满意度指标 (10 分)', '服务对象满意度指标', '服务对象满意度', '≥95%', '≥95%', 'positive', 10, 10, 10, { scoreSource: 'stated', met: null }),
    ],
    totals: { weight: 110, score: 110, statedWeight: 100, statedScore: 96, scoreCell: 'H21', weightCell: 'G21' },
    grade: null,
    issues: [
      issue('BUDGET_ADJUSTED', 'info', 'E6', '全年预算数（64.95 万元）与年初预算数（97.9 万元）不同，预算经过调整，请在偏差原因中说明。'),
      issue('RATE_MISMATCH', 'warning', 'H6', 'H6 填报的执行率 66% 与全年执行数 ÷ 全年预算数 = 100% 不一致（66% 是执行数 ÷ 年初预算数）。'),
      issue('SCORE_MISMATCH', 'warning', 'I6', 'I6 填报的得分 7 与按执行率计算的 10 不一致。'),
      issue('UNIT_MISMATCH', 'warning', 'F13', 'F13 的实际完成值 100% 与年度指标值 12 人单位不一致。'),
      issue('SCORE_MISMATCH', 'warning', 'H16', 'H16 填报的得分 6 与计算得分 10 不一致。'),
      issue('VAGUE_ACTUAL', 'warning', 'F20', 'F20 的实际完成值“≥95%”不是实际值。'),
      issue('WEIGHT_SUM', 'error', 'G21', '分值合计 60+30+10+10=110，全国规则要求 50/30/10/10 合计 100；如总分不含预算执行率，请在设置中选择“总分不含预算执行率”。'),
      issue('TOTAL_MISMATCH', 'warning', 'H21', 'H21 填报的总分 96 与计算总分 110 不一致。'),
    ],
    groups: [
      { label: '预算执行率', weight: 10, score: 10, statedScore: 7, declaredWeight: null },
      { label: '产出指标', weight: 60, score: 60, statedScore: 56, declaredWeight: 60 },
      { label: '效益指标', weight: 30, score: 30, statedScore: 30, declaredWeight: 30 },
      { label: '满意度指标', weight: 10, score: 10, statedScore: 10, declaredWeight: 10 },
    ],
  };
}

/** The seed under {"includeExecutionInTotal": false}: consistent weights, a total and a grade. */
export function seedResultGraded(): TableResult {
  const r = seedResult();
  r.totals = { ...r.totals, weight: 100, score: 100 };
  r.grade = '优';
  r.issues = r.issues.filter((x) => x.code !== 'WEIGHT_SUM');
  r.issues.find((x) => x.code === 'TOTAL_MISMATCH')!.message = 'H21 填报的总分 96 与计算总分 100 不一致。';
  return r;
}
