/**
 * 黄冈市档案馆 (湖北), 2020年度项目绩效自评表 (附件2 of its 2020年度项目绩效自评报告, filed 2021-04): the 湖北 2020
 * project form whose 得分 header carries the execution weight ("得分(20分*执行率)") — here with the amounts typed
 * with their unit inside a 万元 block ("10万"), the rate as text ("100%"), and the indicator block headed
 * 年度绩效指标 instead of 年度绩效目标(80分). The stored copy ends inside the indicator header: only the funds
 * block can be checked.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '黄冈市档案馆2020年度项目绩效自评报告 — 附件2：黄冈市档案馆2020年度项目绩效自评表',
    publisher: '黄冈市档案馆（文档转载于 bubsandbeans.com）',
    province: '湖北',
    year: 2020,
    url: 'http://bubsandbeans.com/paper/218226069.html',
    completed:
      'The copy is the text of a .docx shown in traditional characters by the hosting site; it is transcribed back in ' +
      'simplified characters (檔案館→档案馆, 預算執行情況→预算执行情况, 萬→万 …), cells in reading order. The 自评报告 ' +
      'text before the table (自评得分100分 …) is not transcribed. 主管部门 is empty in the copy. The copy ends inside the ' +
      'indicator header ("年度绩效指标 一级指标 二级指标 三级指"): that header row is completed from the same 湖北 form ' +
      '(三级指标 | 年初目标值(A) | 实际完成值(B) | 得分, as in the other copies of this form in the corpus); no indicator ' +
      'row, 总分 or note is added.',
  },
  classes: ['score-header-weight', 'column-markers'],
  profile: { weights: { execution: 20 } },
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['黄冈市档案馆2020年度项目绩效自评表'],
        ['单位名称:黄冈市档案馆', null, null, null, '填报日期:2021年4月'],
        ['项目名称', '档案抢救与保护、档案工作考评、查询利用、档案资料征集、数字化、编研、陈列等专项经费'],
        ['主管部门', null, null, null, '项目实施单位', '黄冈市档案馆'],
        ['项目类别', '1、上级专项 2、本级专项'],
        ['项目属性', '1、持续性项目 2、新增性项目'],
        ['项目类型', '1、一次性拨付项目 2、多次拨付项目'],
        ['预算执行情况(万元)(20分)', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分(20分*执行率)'],
        [null, '年度财政资金总额', null, '10万', '10万', '100%', 20],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
      ],
      merges: ['A1:G1', 'A2:D2', 'E2:G2', 'B3:G3', 'B4:D4', 'F4:G4', 'B5:G5', 'B6:G6', 'B7:G7', 'A8:C8', 'B9:C9'],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '档案抢救与保护、档案工作考评、查询利用、档案资料征集、数字化、编研、陈列等专项经费',
      // "10万" in a 万元 block = 10 (万元); 10 ÷ 10 = 1, as stated ("100%"); weight 20 from the 得分 header;
      // score = 1 × 20 = 20, as stated.
      funds: { budget: 10, executed: 10, rate: 1, weight: 20, score: 20 },
      // Cut off after the indicator header: nothing to total, no grade, and said so at the header's 三级指标 cell.
      totals: { score: null },
      grade: null,
      issues: [{ code: 'MISSING_VALUE', cell: 'D10', severity: 'error' }],
      absentCodes: ['RATE_MISMATCH', 'SCORE_MISMATCH', 'NOT_A_NUMBER', 'UNIT_MISMATCH'],
    },
  ],
};
