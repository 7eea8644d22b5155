/**
 * 2020年市级服务贸易发展资金项目自评表 of a 区商务局 (implementer 投资促进中心), filed 2021-04-22 — the 湖北
 * project form: 项目类别 部门预算项目/区直专项, 预算执行情况(万元)(20分) whose 得分 header carries the weight
 * ("得分(20分*执行率)"), 年度绩效目标(80分) over 产出指标(60分) and 效益指标(40分) with (A)/(B) markers in the
 * indicator header too (年初目标值(A), 实际完成值(B)) — and no 分值 column for the indicator rows.
 * Its own mistakes kept: the nested weights disagree (60 + 40 = 100 under a group of 80), the stated indicator
 * scores sum to 100 on their own and 总分 says 100, leaving the 20 execution points out.
 */
import type { CorpusFixture } from '../corpusFixture';
import { pct } from '../../core/helpers';


export const fixture: CorpusFixture = {
  source: {
    title: '2020年市级服务贸易发展资金项目自评表（附于《市财政局、市商务局拨付2020年市级服务贸易发展资金的通知》）',
    publisher: '区商务局（文档转载于 kunmingchi.com）',
    province: '湖北',
    year: 2020,
    url: 'https://www.kunmingchi.com/archives/973rxnk2je7n4oep6ym4.html',
    completed:
      'The page does not name the city or province: 湖北 is inferred from the form itself (湖北省项目绩效自评表 with ' +
      '预算执行情况(20分), 得分(20分*执行率), 年度绩效目标(80分), 项目类别 部门预算项目/区直专项). The copy is text extracted ' +
      'from a PDF with the cells out of order: the grid is reconstructed. Reconstructed placements: the labels 数量指标/' +
      '质量指标/时效指标 (extracted after the rows) are assigned to rows 11–13, 14 and 15–16 by their sense and their sums ' +
      '(6 × 10 = 产出 60); 社会效益指标/可持续影响指标 to rows 17/18; the 项目类型 "□ 3、一次性项目 □" fragment joined to its row. ' +
      'Check boxes ticked in the original cannot be seen in the text and are shown unticked. Values as published.',
  },
  classes: ['score-header-weight', 'nested-weights', 'column-markers', 'no-weights'],
  profile: { weights: { execution: 20 } },
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['2020年市级服务贸易发展资金项目自评表'],
        ['单位名称:区商务局', null, null, null, '填报日期:2021年4月22日'],
        ['项目名称', '2020年市级服务贸易发展资金'],
        ['主管部门', '区商务局', null, null, '项目实施单位', '投资促进中心'],
        ['项目类别', '1、部门预算项目 □ 2、区直专项 □'],
        ['项目属性', '1、持续性项目 □ 2、新增性项目 □'],
        ['项目类型', '1、常年性项目 □ 2、延续性项目 □ 3、一次性项目 □'],
        ['预算执行\n情况(万元)\n(20分)', null, null, '预算数\n(A)', '执行数(B)', '执行率(B/A)', '得分\n(20分*执行率)'],
        [null, '年度财政\n资金总额', null, 285.84, 285.84, pct(1), 20],
        ['年度\n绩效\n目标\n(80分)', '一级指标', '二级指标', '三级指标', '年初目标值\n(A)', '实际完成值\n(B)', '得分'],
        [null, '产出指标\n(60分)', '数量指标', '服务外包在岸(万美元)', 20000, 23333.56, 10],
        [null, null, null, '服务外包离岸(万美元)', 4500, 4557.51, 10],
        [null, null, null, '支持服务贸易、服务外包企业数量', 3, 3, 10],
        [null, null, '质量指标', '企业国际质量提升', '获得目的国(地区)受众欢迎', '受目的国受众欢迎显著', 10],
        [null, null, '时效指标', '预算资金执行率', '90%', '100%', 10],
        [null, null, null, '资金拨付及时性', '98%以上', '100%', 10],
        [null, '效益指标\n(40分)', '社会效益\n指标', '企业把握政治导向和文化方向情况', '企业把握正确政治导向和文化方向情况的评价', '企业较好把握正确政治导向和文化方向情况的评价', 20],
        [null, null, '可持续影\n响指标', '推动企业走出去方面发挥的作用', '是否利于企业走出去', '有利于推动企业走出去', 20],
        ['总分', null, null, null, null, null, 100],
        ['偏差大或\n目标未完成\n原因分析'],
        ['改进措施及\n结果应用方案'],
        ['单位主要负责人\n签批意见', null, null, null, '签名:    年  月  日'],
        ['备注:1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。'],
      ],
      merges: [
        'A1:G1', 'A2:D2', 'E2:G2', 'B3:G3', 'B4:D4', 'F4:G4', 'B5:G5', 'B6:G6', 'B7:G7',
        'A8:C8', 'A9:A9', 'B9:C9', 'A10:A18', 'B11:B16', 'C11:C13', 'C15:C16', 'B17:B18',
        'A19:F19', 'B20:G20', 'B21:G21', 'B22:D22', 'E22:G22', 'A23:G23',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '2020年市级服务贸易发展资金',
      // 285.84 ÷ 285.84 = 1; weight 20 from the 得分 header "(20分*执行率)"; score = 1 × 20 = 20.
      funds: { budget: 285.84, executed: 285.84, rate: 1, weight: 20, score: 20 },
      indicators: [
        // No 分值 column: no row has a weight (the 60/40 group weights cannot be split among the rows).
        { name: '服务外包在岸(万美元)', weight: null },
        { name: '预算资金执行率', weight: null },
        { name: '推动企业走出去方面发挥的作用', weight: null },
      ],
      // Indicator weights missing → no total, no grade.
      totals: { score: null },
      grade: null,
      issues: [
        // The rows' weights are missing (reported, the table is still found).
        { code: 'MISSING_VALUE' },
        // 年度绩效目标(80分) declares 80 over 产出指标(60分) + 效益指标(40分) = 100.
        { code: 'LEVEL1_WEIGHT', cell: 'A10', severity: 'warning' },
      ],
      absentCodes: ['RATE_MISMATCH', 'TABLE_NOT_FOUND'],
    },
  ],
};
