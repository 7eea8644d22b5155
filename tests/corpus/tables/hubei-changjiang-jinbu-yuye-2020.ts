/**
 * 2020年度长江禁捕项目自评表 of a 区 农业工作科 (主管部门 区市场监督管理局, project 渔业成品油价格改革补贴), the
 * 湖北 2020 project form again: 预算执行情况(万元)(20分) whose 得分 header carries the weight
 * ("得分(20分*执行率)"), 年度绩效目标(80分) with (A)/(B) markers in the indicator header, and no 分值 column for
 * the indicator rows. Its execution rate is typed as a bare 1 (for 100%).
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '2020年度长江禁捕项目自评表（单位名称：农业工作科）',
    publisher: '农业工作科（主管部门 区市场监督管理局；文档转载于 第壹文秘 1wenmi.com）',
    province: '湖北',
    year: 2020,
    url: 'https://1wenmi.com/doc/330418.html',
    completed:
      'The page does not name the city or province: 湖北 is inferred from the form itself (the 湖北 2020 项目自评表 with ' +
      '预算执行情况(万元)(20分), 得分(20分*执行率), 年初目标值(A)/实际完成值(B), 项目类别 部门预算项目/市直专项/市对下' +
      '转移支付项目). The copy is OCR text of a .docx, cells in reading order; read back where the reading is certain: the ' +
      'check boxes (OCR "0"/"口") shown as □ (which were ticked cannot be seen); "≥" which the OCR gives as "2" (the ' +
      'form\'s own note writes "目标值为2X" for ≥X) in the actual "≥90%"; the vertical labels 年度绩效目标(80分) ("度效标' +
      'O0B年绩目1分EB"), 产出指标 ("出标产指"), 效益指标 ("益标效指") and 满意度指标 ("意指斥满度打") read back. The ' +
      'time row\'s target is split by a page break ("12月底之前完成10" / "0%100%10") and read as 12月底之前完成 | 100% | ' +
      '100% | 10. The 效益指标 label stands alone on its row (no 二级/三级 beside it), then 满意度指标 | 服务对象满意度 | ' +
      '退捕渔民抽样调查满意度 — the same arrangement a 黄冈 copy of this form shows. 填报日期 is empty in the copy. The ' +
      'note under the table is shortened to its first item.',
  },
  classes: ['score-header-weight', 'column-markers', 'no-weights'],
  profile: { weights: { execution: 20 } },
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['2020年度长江禁捕项目自评表'],
        ['单位名称:农业工作科', null, null, null, '填报日期:'],
        ['项目名称', '渔业成品油价格改革补贴'],
        ['主管部门', '区市场监督管理局', null, null, '项目实施单位', '农业科'],
        ['项目类别', '1、部门预算项目□ 2、市直专项□ 3、市对下转移支付项目□'],
        ['项目属性', '1、持续性项目 2、新增性项目□'],
        ['项目类型', '1、常年性项目 2、延续性项目□ 3、一次性项目□'],
        ['预算执行情况(万元)(20分)', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分(20分*执行率)'],
        [null, '年度财政资金总额', null, 1.56, 1.56, 1, 20],
        ['年度\n绩效\n目标\n(80分)', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
        [null, '产出\n指标', '数量指标', '补贴渔船数', 6, 6, 20],
        [null, null, '质量指标', '渔船补贴发放率', '100%', '100%', 10],
        [null, null, '时效指标', '12月底之前完成', '100%', '100%', 10],
        [null, '效益\n指标'],
        [null, '满意\n度指\n标', '服务对象满意度', '退捕渔民抽样调查满意度', '90%', '≥90%', 40],
        ['总分', null, null, null, null, null, 100],
        ['偏差大或目标未完成原因分析', '无'],
        ['改进措施及结果应用方案', '无'],
        ['备注:1.预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为资金使用单位财政资金实际支出数。'],
      ],
      merges: [
        'A1:G1', 'A2:D2', 'E2:G2', 'B3:G3', 'B4:D4', 'F4:G4', 'B5:G5', 'B6:G6', 'B7:G7',
        'A8:C8', 'B9:C9', 'A10:A15', 'B11:B13', 'A16:F16', 'B17:G17', 'B18:G18', 'A19:G19',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '渔业成品油价格改革补贴',
      // 1.56 ÷ 1.56 = 1 (the stated bare 1 read as 100%); weight 20 from the 得分 header "(20分*执行率)";
      // score = 1 × 20 = 20, as stated.
      funds: { budget: 1.56, executed: 1.56, rate: 1, weight: 20, score: 20 },
      indicators: [
        // No 分值 column: no row has a weight (the stated 20/10/10/40 are scores, not weights).
        { name: '补贴渔船数', weight: null },
        { name: '渔船补贴发放率', weight: null },
        { name: '12月底之前完成', weight: null },
        { name: '退捕渔民抽样调查满意度', weight: null },
      ],
      // Indicator weights missing → no total, no grade (the stated 100 cannot be checked).
      totals: { score: null },
      grade: null,
      issues: [
        // The rows' weights are missing (the header has no 分值 column): reported at the header, the table is still found.
        { code: 'MISSING_VALUE', cell: 'D10', severity: 'error' },
        // The actual "≥90%" is a range copied from the target's form, not a value reached.
        { code: 'VAGUE_ACTUAL', cell: 'F15', severity: 'warning' },
      ],
      absentCodes: ['RATE_MISMATCH', 'SCORE_MISMATCH', 'TABLE_NOT_FOUND'],
    },
  ],
};
