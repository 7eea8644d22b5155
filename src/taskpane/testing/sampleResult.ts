/**
 * Hand-made results shaped like CONTRACT.md's example (the seed workbook under national rules), for the
 * pane's unit tests. Built by functions so each test gets its own copy to modify.
 */
import type { IndicatorResult, TableResult, WorkbookResult } from '../../core/result';

function indicator(p: Partial<IndicatorResult> & Pick<IndicatorResult, 'level1' | 'level2' | 'name' | 'row'>): IndicatorResult {
  return {
    target: '',
    actual: '',
    kind: 'positive',
    weight: 10,
    score: 10,
    statedScore: 10,
    scoreSource: 'computed',
    scoreCell: `H${p.row}`,
    deviationDue: [],
    deviationGiven: false,
    overAchieved: false,
    actualProblem: null,
    completion: null,
    ...p,
  };
}

export function seedTable(overrides: Partial<TableResult> = {}): TableResult {
  const out = '产出指标 (60 分)';
  const eff = '效益指标 (30 分)';
  return {
    sheet: '自评表',
    range: 'A1:I21',
    layout: 'national',
    title: '项目绩效自评表',
    year: 2023,
    project: { name: '12345 市民热线服务中心运行经费', department: '西安市新城区人民政府办公室', implementer: '政府办' },
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
      sources: [{ label: '其中：当年财政拨款', initialBudget: 97.9, budget: 64.95, executed: 64.95 }],
      budgetAdjusted: true,
      rateFromInitial: true,
      deviationDue: ['budget-adjusted'],
      reason: null,
      countedInTotal: true,
    },
    indicators: [
      indicator({ level1: out, level2: '数量指标', name: '劳务派遣话务员人数', target: '12 人', actual: '100%', weight: 20, score: 20, statedScore: 20, row: 13 }),
      indicator({ level1: out, level2: '质量指标', name: '工作任务', target: '保质保量完成', actual: '100%', kind: 'qualitative', weight: 20, score: 20, statedScore: 20, scoreSource: 'stated', row: 14 }),
      indicator({ level1: out, level2: '时效指标', name: '按时办结率', target: '100%', actual: '100%', row: 15 }),
      indicator({ level1: out, level2: '成本指标', name: '运行经费', target: '97.9 万元', actual: '64.95 万元', kind: 'negative', score: 10, statedScore: 6, row: 16 }),
      indicator({ level1: eff, level2: '经济效益指标', name: '涉及营商环境类工单按时办结率', target: '100%', actual: '100%', row: 17 }),
      indicator({ level1: eff, level2: '社会效益指标', name: '打造受理平台', target: '100%', actual: '100%', row: 18 }),
      indicator({ level1: eff, level2: '可持续影响指标', name: '建立工单办理日报机制', target: '100%', actual: '100%', row: 19 }),
      indicator({ level1: '满意度指标 (10 分)', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥95%', actual: '≥95%', row: 20 }),
    ],
    totals: { weight: 110, score: 110, statedWeight: 100, statedScore: 96, scoreCell: 'H21' },
    grade: null,
    issues: [
      { code: 'WEIGHT_SUM', severity: 'error', cell: 'G21', message: '各项分值合计为 110，应为 100（G21）。请把产出指标的分值调整为 50，或在设置中改用“总分不含预算执行率”。' },
      { code: 'RATE_MISMATCH', severity: 'warning', cell: 'H6', message: '执行率填写为 66%，按 全年执行数÷全年预算数 应为 100%（H6）。' },
      { code: 'SCORE_MISMATCH', severity: 'warning', cell: 'H16', message: '“运行经费”得分填写为 6，按反向指标计算应为 10（H16）。' },
      { code: 'VAGUE_ACTUAL', severity: 'warning', cell: 'F20', message: '实际完成值“≥95%”不是具体数值（F20），请填写实际的满意度，例如 96%。' },
      { code: 'BUDGET_ADJUSTED', severity: 'info', cell: 'E6', message: '全年预算数 64.95 与年初预算数 97.9 不同（E6），请在偏差说明中写明调整原因。' },
    ],
    groups: [
      { label: '预算执行率', weight: 10, score: 10, statedScore: 7, declaredWeight: 10, kind: 'execution', indicators: [], countedInTotal: true },
      { label: '产出指标', weight: 60, score: 60, statedScore: 56, declaredWeight: 60, kind: 'output', indicators: [0, 1, 2, 3], countedInTotal: true },
      { label: '效益指标', weight: 30, score: 30, statedScore: 30, declaredWeight: 30, kind: 'effect', indicators: [4, 5, 6], countedInTotal: true },
      { label: '满意度指标', weight: 10, score: 10, statedScore: 10, declaredWeight: 10, kind: 'satisfaction', indicators: [7], countedInTotal: true },
    ],
    ...overrides,
  };
}

export function seedResult(overrides: Partial<WorkbookResult> = {}): WorkbookResult {
  return { file: 'xincheng-12345-2023.xlsx', tables: [seedTable()], issues: [], ...overrides };
}

export function emptyResult(): WorkbookResult {
  return {
    tables: [],
    issues: [{ code: 'TABLE_NOT_FOUND', severity: 'error', cell: null, message: '工作簿中没有找到项目支出绩效自评表。' }],
  };
}
