/**
 * 四川省遂宁市大英县司法局, 2023: 部门预算项目支出绩效自评表 of 2023年全县安可替代补助资金项目, from the county's
 * 2023 决算 published page by page on the county media site. The 四川 form again, filled this time — with a
 * 年初预算 of 0.00 (the whole 3.36万元 came in mid-year) and the template's instructions left in the 原因 cell.
 * The stored copy of this page ends inside the first indicator row (see completed): only the funds part is
 * asserted.
 */
import type { CorpusFixture } from '../corpusFixture';
import { pct, fixed, type Built } from '../../core/helpers';

const NOTE =
  '1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.';

/** The page's table as far as the copy goes (also placed below the previous table's tail in the stacked fixture). */
export const ANKE: Built = {
  rows: [
    ['部门预算项目支出绩效自评表(2023年度)'],
    ['项目名称', '51092324T000010263357-2023年全县安可替代补助资金项目'],
    ['主管部门', '大英县司法局部门', null, null, null, '实施单位', null, '大英县司法局'],
    ['项目基本情况', '1.项目年度目标完成情况', '项目年度目标', null, null, null, '年度目标完成情况'],
    [null, null, '根据要求购买安可设备,并完成项目资金支付。', null, null, null, '完成'],
    [null, '2.项目实施内容及过程概述', '2023年购买13台安可电脑,并于12月前完成资金支付。'],
    ['预算执行情况(10分)', '年度预算数(万元)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
    [null, '总额', fixed(0), fixed(3.36), fixed(3.36), pct(1, 2), 10, 10, NOTE],
    [null, '其中:财政资金', fixed(0), fixed(3.36), fixed(3.36), pct(1, 2), '/', '/'],
    [null, '财政专户管理资金', fixed(0), fixed(0), fixed(0), pct(0, 2), '/', '/'],
    [null, '单位资金', fixed(0), fixed(0), fixed(0), pct(0, 2), '/', '/'],
    [null, '其他资金', null, null, null, null, '/', '/'],
    ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
    [null, '产出指标', '质量指标', '完成安可产品购买并按要求支付资金', '=', 100],
  ],
  merges: [
    'A1:K1', 'B2:K2', 'B3:E3', 'F3:G3', 'H3:K3',
    'A4:A6', 'B4:B5', 'C4:F4', 'G4:K4', 'C5:F5', 'G5:K5', 'C6:K6',
    'A7:A12', 'I8:K12', 'A13:A14',
  ],
};

export const fixture: CorpusFixture = {
  source: {
    title: '部门预算项目支出绩效自评表（2023年度）51092324T000010263357-2023年全县安可替代补助资金项目',
    publisher: '大英县司法局（大英县2023年度部门决算公开，大英县融媒体中心网站第21页）',
    province: '四川',
    year: 2023,
    url: 'https://dyxrmt.cn/article-157795-21.html',
    completed:
      'Transcribed from the HTML table as far as the stored copy goes. The copy ends after the first indicator row\'s ' +
      '指标值 (100): that row\'s 度量单位, 完成值, 权重, 得分 and 未完成原因分析, any further indicator rows, 合计 and the ' +
      '评价结论/存在问题/改进措施 rows are on the next page and could not be read: left empty, nothing guessed. The page ' +
      'also begins with the tail of the previous project\'s table, which is not transcribed.',
  },
  classes: ['sichuan', 'column-markers'],
  profile: { deviationBelowRate: 0.9 },
  sheets: [{ name: '自评表', rows: ANKE.rows, merges: ANKE.merges }],
  expected: [
    {
      sheet: '自评表',
      projectName: '51092324T000010263357-2023年全县安可替代补助资金项目',
      // A = 调整后预算数 3.36, B = 3.36 → rate 1 → 1 × 10 = 10 (stated 10); 年初 0.00 is not the budget.
      funds: { budget: 3.36, executed: 3.36, rate: 1, weight: 10, score: 10 },
      // The one readable indicator row has no 权重/完成值 in the copy: no total can be formed, so no grade.
      grade: null,
      // 年初预算 0.00 ≠ 调整后预算数 3.36: the budget was set mid-year.
      issues: [{ code: 'BUDGET_ADJUSTED', cell: 'D8', severity: 'info' }],
      absentCodes: ['RATE_MISMATCH', 'FUNDS_SUM', 'SCORE_MISMATCH'],
    },
  ],
};
