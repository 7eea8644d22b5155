/**
 * 四川省眉山市青神县发展和改革局, 2023: 部门预算项目支出绩效自评表 of 工资性支出, as published on the county
 * site — half filled: the funds block is complete, but 完成值 and every 得分 are empty and the 原因 cell and the
 * 评价结论 rows still hold the template's instructions. The 四川 form: 预算执行情况(10分) with 年初预算/调整后预算数/
 * 预算执行数/预算执行率/权重/得分/原因; 绩效指标(90分) with 指标性质/指标值/度量单位/完成值/权重/得分/未完成原因分析.
 */
import type { CorpusFixture } from '../corpusFixture';
import { pct, fixed } from '../../core/helpers';

const NOTE =
  '1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.';

export const fixture: CorpusFixture = {
  source: {
    title: '部门预算项目支出绩效自评表（2023年度）51000021R000000019951-工资性支出',
    publisher: '青神县发展和改革局',
    province: '四川',
    year: 2023,
    url: 'https://www.scqs.gov.cn/info/13206/211004.htm',
    completed:
      'Complete as published (an HTML table read cell by cell). Its empty cells are the publisher\'s, not gaps of the copy: ' +
      '总额 得分, both 完成值 and 得分, 合计 得分. Amounts shown with two decimals ("0.00") entered as numbers formatted 0.00.',
  },
  classes: ['sichuan', 'column-markers'],
  profile: { deviationBelowRate: 0.9 },
  sheets: [
    {
      name: '自评表',
      rows: [
        ['报表编号:510000_0013zp'],
        ['部门预算项目支出绩效自评表(2023年度)'],
        ['项目名称', '51000021R000000019951-工资性支出'],
        ['主管部门', '青神县发展和改革局本级', null, null, null, '实施单位 (盖章)', null, '青神县发展和改革局'],
        ['项目基本情况', '1.项目年度目标完成情况', '项目年度目标', null, null, null, '年度目标完成情况'],
        [null, null, '严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。', null, null, null, '对照年度目标,说明相关任务目标的完成情况(100字以内)'],
        [null, '2.项目实施内容及过程概述'],
        ['预算执行情况(10分)', '年度预算数(万元)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
        [null, '总额', fixed(238.93), fixed(251.89), fixed(251.89), pct(1, 2), 10, null, NOTE],
        [null, '其中:财政资金', fixed(238.93), fixed(251.89), fixed(251.89), pct(1, 2), '/', '/'],
        [null, '财政专户管理资金', fixed(0), fixed(0), fixed(0), pct(0, 2), '/', '/'],
        [null, '单位资金', fixed(0), fixed(0), fixed(0), pct(0, 2), '/', '/'],
        [null, '其他资金', null, null, null, null, '/', '/'],
        ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
        [null, '产出指标', '数量指标', '发放(缴纳)覆盖率', '=', 100, '%', null, 60],
        [null, '效益指标', '社会效益指标', '足额保障率(参保率)', '=', 100, '%', null, 30],
        ['合计', null, null, null, null, null, null, null, 100],
        ['评价结论', '结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)'],
        ['存在问题', '结合自评情况,分析存在的问题及原因。(200字以内)'],
        ['改进措施', '针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)'],
        ['项目负责人:', null, null, null, null, '财务负责人:'],
      ],
      merges: [
        'A2:K2', 'B3:K3', 'B4:E4', 'F4:G4', 'H4:K4',
        'A5:A7', 'B5:B6', 'C5:F5', 'G5:K5', 'C6:F6', 'G6:K6', 'C7:K7',
        'A8:A13', 'I9:K13', 'A14:A16', 'A17:H17', 'B18:K18', 'B19:K19', 'B20:K20', 'A21:E21', 'F21:K21',
      ],
    },
  ],
  expected: [
    {
      sheet: '自评表',
      projectName: '51000021R000000019951-工资性支出',
      // A = 调整后预算数 251.89 (not 年初 238.93), B = 251.89 → rate 1; score = 1 × 10 = 10.
      funds: { budget: 251.89, executed: 251.89, rate: 1, weight: 10, score: 10 },
      indicators: [
        // No 完成值 and no stated 得分: nothing to compute or keep.
        { name: '发放(缴纳)覆盖率', weight: 60, score: null },
        { name: '足额保障率(参保率)', weight: 30, score: null },
      ],
      // Weights 10 + 60 + 30 = 100; no total while two weighted rows have no score.
      totals: { weight: 100, score: null },
      grade: null,
      issues: [
        // 年初预算 238.93 ≠ 调整后预算数 251.89.
        { code: 'BUDGET_ADJUSTED', cell: 'D9', severity: 'info' },
        { code: 'MISSING_VALUE', cell: 'H15', severity: 'error' },
        { code: 'MISSING_VALUE', cell: 'H16', severity: 'error' },
      ],
      absentCodes: ['WEIGHT_SUM', 'RATE_MISMATCH', 'FUNDS_SUM'],
    },
  ],
};
