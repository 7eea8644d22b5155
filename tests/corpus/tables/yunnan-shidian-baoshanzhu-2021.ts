/**
 * 云南省保山市施甸县农业农村局, 2021: 项目支出绩效自评表 of 保山猪保种场建设项目, filled 2022-07-16 — the 保山 form
 * shaped like 湖北's: 项目类别 (部门预算项目/市直专项/市对下转移支付项目), 预算执行情况(万元)(20分) with only 预算数(A),
 * 执行数(B), 执行率(B/A) and no 得分 column of its own, 年度绩效目标(80分) over 年初目标值(A)/实际完成值(B)/得分 and no
 * 分值 column (the execution weight in the group label), and the reasons written in rows under the 总分 row (偏差大或目标未完成原因分析, 改进措施及结果应用方案).
 * As published: nothing was spent (1500 budgeted, 0.00 executed, 执行率 "0.0000"), every 实际完成值 and 得分 is empty,
 * and the reason row says why (the land-use procedures were not complete).
 */
import type { CorpusFixture } from '../corpusFixture';

const REASON = '该项目由于受国土空间规划未全部结束影响,项目建设用地手续未全部办理完成,至今未形成实质性工程量,项目建设资金未形成支付。';

export const fixture: CorpusFixture = {
  source: {
    title: '保山猪保种场建设项目支出绩效自评表（2021年度项目支出绩效自评表）',
    publisher: '施甸县农业农村局（施甸县人民政府网站，2022-07-18）',
    province: '云南',
    year: 2021,
    url: 'https://shidian.gov.cn/info/4312/182363.htm',
    completed:
      'Read from the page text (an HTML table flattened to lines); cells placed on the 保山/湖北 grid. The check boxes of ' +
      '项目类别/项目属性 cannot be seen in the text and are shown as published text. The 效益指标 rows have no 二级 label in the ' +
      'text and are left without one. The copy is cut off inside the 改进措施及结果应用方案 text ("…及时完成"): that text is kept as ' +
      'far as shown, and the signature rows after it are not added. The 执行率 "0.0000" is a number 0 shown with four decimals.',
  },
  classes: ['nested-weights', 'no-weights', 'column-markers', 'reasons-written'],
  profile: { weights: { execution: 20 } },
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['2021年度项目支出绩效自评表'],
        ['单位名称: 施甸县农业农村局', null, null, null, '填报日期: 2022年7月16日'],
        ['项目名称', '保山猪保种场建设项目'],
        ['主管部门', '施甸县人民政府', null, null, '实施单位', '施甸县农业农村局'],
        ['项目类别', '1、部门预算项目      2、市直专项     3、市对下转移支付项目 □'],
        ['项目属性', '1、持续性项目        2、新增性项目 □'],
        ['预算执行情况(万元)\n(20分)', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)'],
        [null, '年度财政资金总额', null, 1500, { value: 0, text: '0.00', numberFormat: '0.00' }, { value: 0, text: '0.0000', numberFormat: '0.0000' }],
        ['年度绩效目标\n(80分)', '一级\n指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
        [null, '产出指标', '数量指标', '标准化圈舍面积(平方米)', 5000],
        [null, null, null, '办公用房面积(平方米)', 500],
        [null, null, null, '饲料加工用房面积(平方米)', 300],
        [null, null, null, '保种数量(头)', 300],
        [null, null, null, '年提供种猪数量(头)', 2000],
        [null, null, '质量指标', '工程合格率(%)', 95],
        [null, null, '时效指标', '项目竣工时间', 2023.12],
        [null, null, ' 成本指标', '投入资金(≥万元)', 1500],
        [null, '效益指标', null, '年新增畜牧产值 (万元)', 500],
        [null, null, null, '辐射带动养殖保山猪户数(户)', 300],
        [null, '满意度指标', ' 服务对象满意度指标', '项目业主满意度(%)', 95],
        ['总分'],
        ['偏差大或\n目标未完成\n原因分析', REASON],
        ['改进措施及\n结果应用方案', '1.进一步提高认识,强化责任落实。为确保该项目建设快速推进,市、县成立了项目专班,切实加强了组织领导,全面负责落实项目整改推进工作。\n2.多措并举,快速推进项目。一是多方协调沟通,及时完成'],
      ],
      merges: [
        'A1:G1', 'A2:D2', 'E2:G2', 'B3:G3', 'B4:D4', 'F4:G4', 'B5:G5', 'B6:G6',
        'A7:C7', 'B8:C8', 'A9:A20', 'B10:B17', 'C10:C14', 'B18:B19',
        'A21:F21', 'B22:G22', 'B23:G23',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '保山猪保种场建设项目',
      // 0 ÷ 1500 = 0; the weight 20 comes from the group label "预算执行情况(万元)(20分)"; score 0 × 20 = 0.
      // The reason below the 总分 row is the table's own explanation of the 0% execution.
      funds: { budget: 1500, executed: 0, rate: 0, weight: 20, score: 0, reason: REASON },
      indicators: [
        // No 分值 column: no row has a weight (80 cannot be split among eleven rows by the engine).
        { name: '标准化圈舍面积(平方米)', weight: null, score: null },
        { name: '项目业主满意度(%)', weight: null, score: null },
      ],
      totals: { score: null },
      grade: null,
      issues: [
        // The indicator weights are missing: reported, the table is still found.
        { code: 'MISSING_VALUE' },
      ],
      // The rate below 100% is explained in the table: not asked for again.
      absentCodes: ['RATE_MISMATCH', 'TABLE_NOT_FOUND', 'DEVIATION_UNEXPLAINED', 'SCORE_MISMATCH'],
    },
  ],
};
