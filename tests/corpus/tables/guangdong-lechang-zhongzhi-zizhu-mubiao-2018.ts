/**
 * 广东省韶关市乐昌市, 2018: 中等职业学校国家助学金和免学费补助资金绩效目标表 (附件2 of the 乐昌 finance bureau's notice
 * allocating the 2018 central funds to 乐昌市中等职业技术学校) — a 转移支付 special-fund form: 专项名称 instead of
 * 项目名称, the chain of 中央/省级/市级/县级 departments, 资金情况(万元) with 年度金额 but no budget/execution columns,
 * 总体目标 beside 已实施情况/未实施情况及原因, and an indicator header 一级目标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 |
 * 未达到指标值原因 — no 分值, no 得分. As published the amounts and every 实际完成值 are still empty (targets set at
 * allocation, to be reported against later): still a table, whose missing weights and actuals must be reported.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '中等职业学校国家助学金和免学费补助资金绩效目标表（2018年度）（乐昌市财政局资金安排通知附件2）',
    publisher: '乐昌市财政局（乐昌市人民政府网站“财政专项信息”，页面经转载站繁体化）',
    province: '广东',
    year: 2018,
    url: 'http://blackcurrantstudio.com/zdlyxxgk/dzjg/lcsczj/czysjshsgjfgk/czzxxx/content/post_2231307.html',
    completed:
      'The stored copy shows the page in traditional characters (a converting mirror of the 乐昌 government site); transcribed ' +
      'back into simplified characters. Cells as the HTML table gives them. The copy is cut off after the second indicator ' +
      'row (中职免学费应受助学生数 | 100%): nothing after it is added (the other 产出/效益/满意度 rows are unknown).',
  },
  classes: ['special-fund', 'no-weights', 'transfer'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['附件2'],
        ['中等职业学校国家助学金和免学费补助资金绩效目标表'],
        ['(2018年度)'],
        ['专项名称', null, '学生资助补助经费(中等职业学校国家助学金和免学费补助资金)'],
        ['中央主管部门', null, '财政部、教育部、人力资源社会保障部'],
        ['省级财政部门', null, '广东省财政厅', null, '省级主管部门', '广东省教育厅、广东省人力资源和社会保障厅'],
        ['市级财政部门', null, '韶关市财政局', null, '市级主管部门', '韶关市教育局'],
        ['县级财政部门', null, '县(市、区)财政部门', null, '县级主管部门', '县(市、区)教育部门'],
        ['资金情况\n(万元)', null, '年度金额'],
        [null, null, '其中:中央资金'],
        [null, null, '地方资金', null, '市:', '县:'],
        ['总体目标', '目标1:中等职业教育各项国家资助政策按规定得到落实;\n目标2:教育公平显著提升,满足家庭经济困难学生基本学习生活需求:\n目标3:提升中职教育吸引力', null, null, '已实施情况:'],
        [null, null, null, null, '未实施情况及原因:'],
        ['绩效指标', '一级目标', '二级指标', '三级指标', '指标值', '实际完成值', '未达到指标值原因'],
        [null, '产出指标', '数量指标', '中等职业学校国家助学金应受助学生数', '100%'],
        [null, null, null, '中职免学费应受助学生数', '100%'],
      ],
      merges: ['A1:G1', 'A2:G2', 'A3:G3', 'A4:B4', 'C4:G4', 'A5:B5', 'C5:G5', 'A6:B6', 'C6:D6', 'F6:G6', 'A7:B7', 'C7:D7', 'F7:G7', 'A8:B8', 'C8:D8', 'F8:G8', 'A9:B11', 'A12:A13', 'B12:D13', 'E12:G12', 'E13:G13', 'A14:A16', 'B15:B16', 'C15:C16'],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      // 专项名称 stands for 项目名称.
      projectName: '学生资助补助经费(中等职业学校国家助学金和免学费补助资金)',
      // 资金情况 has only 年度金额 (empty): no 全年预算数/执行数, so no rate can be computed.
      funds: { budget: null, executed: null, rate: null },
      indicators: [
        // No 分值 column: the rows are read, not weighted; nothing is scored.
        { name: '中等职业学校国家助学金应受助学生数', weight: null, score: null },
        { name: '中职免学费应受助学生数', weight: null, score: null },
      ],
      totals: { weight: null, score: null },
      grade: null,
      issues: [
        // The funds block is missing (A14: where the indicator header starts).
        { code: 'MISSING_VALUE', cell: 'A14', severity: 'error' },
        // The 分值 column is missing: the weights are reported, the table is still found.
        { code: 'MISSING_VALUE', cell: 'D14', severity: 'error' },
        // No 总分 row in the copy.
        { code: 'MISSING_VALUE', cell: 'A16', severity: 'warning' },
      ],
      absentCodes: ['TABLE_NOT_FOUND', 'WEIGHT_SUM', 'SCORE_MISMATCH'],
    },
  ],
};
