/**
 * 湖南省衡阳市衡山县商务和粮食局, 2020: 县级专项资金绩效目标自评表 of 县级储备粮 (a .docx shared on a document
 * site). The county special-fund form: 专项资金名称 instead of 项目名称, funds with 全年预算数(A)/全年执行数(B)/
 * 执行率(B/A) only, indicators with 年度指标值/全年完成值/未完成原因和改进措施 — no 分值 and no 得分 columns at all.
 * One reason is already written (政策性挂账利息补贴保障率: actual "无", "没有轮换、动用库存"); a 说明 row closes it.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '2020年度县级专项资金绩效目标自评表（县级储备粮）',
    publisher: '衡山县商务和粮食局（文档转载于淘文阁）',
    province: '湖南',
    year: 2020,
    url: 'https://taowenge.com/p-72820237.html',
    completed:
      'The copy is the document\'s text run together; the grid is reconstructed from the form\'s order (labels, then ' +
      'values row by row). The 效益指标 group breaks across two pages in the source (its header repeats on page 2): joined ' +
      'into one group here. The 市民满意度调查 target reads "290%" in the copy — the "≥" of the form extracted as "2"; ' +
      'entered as "≥90%". All other values as published.',
  },
  classes: ['special-fund', 'no-weights', 'reasons-written'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['2020年度县级专项资金绩效目标自评表'],
        ['专项资金名称', null, '县级储备粮', null, '负责人及电话', '旷建成、向建军'],
        ['县级主管部门', null, '衡山县商务和粮食局', null, '实施单位', '粮食调控储备与产业发展股'],
        ['项目资金\n(万元)', null, null, '全年预算数(A)', '全年执行数(B)', '执行率(B/A)'],
        [null, '年度资金总额', null, 194.9, 194.9, '100%'],
        [null, '其中:中央、省、市补助县级资金', null, 194.9, 194.9, '100%'],
        [null, '其他资金'],
        ['年度\n总体\n目标', '年初设定目标', null, null, '全年实际完成情况'],
        [null, '保持和稳定地方粮食储备机制', null, null, '地方储备粮食规模达标'],
        ['绩\n效\n指\n标', '一级\n指标', '二级\n指标', '三级指标', '年度指标\n值', '全年\n完成值', '未完成原因和\n改进措施'],
        [null, '产\n出\n指\n标', '数量\n指标', '5000吨稻谷、500吨成品粮储备到位率', '100%', '100%'],
        [null, null, null, '库存数量真实率', '100%', '100%'],
        [null, null, '质量\n指标', '县级储备粮管理制度严格执行率', '100%', '100%'],
        [null, null, null, '储备粮管理专户管理率', '100%', '100%'],
        [null, null, null, '县级储备粮库存粮食明显变质比例', '0', '0'],
        [null, null, '时效\n指标', '县级储备粮贷款付息及时率', '100%', '100%'],
        [null, null, null, '县级储备粮应急保障率', '100%', '100%'],
        [null, null, '成本\n指标', '国家政策性粮收购价格执行率', '100%', '100%'],
        [null, null, null, '县级储备粮库存成本核算率', '100%', '100%'],
        [null, '效\n益\n指\n标', '经济\n效益\n指标', '利息费用保障率', '100%', '100%'],
        [null, null, null, '政策性挂账利息补贴保障率', '100%', '无', '没有轮换、动用库存'],
        [null, null, '生态\n效益\n指标', '低温、低氧、低剂量科学保粮率', '100%', '100%'],
        [null, null, null, '食品安全指标达标率', '100%', '100%'],
        [null, null, '可持\n续影\n响指标', '粮食储备设备维护及安全性', '高', '高'],
        [null, '满意\n度指\n标', '服务\n对象\n满意\n度指\n标', '因粮食市场波动引起的粮食安全事件发生数', '0起', '0起'],
        [null, null, null, '市民满意度调查', '≥90%', '100%'],
        ['说明', '无'],
        ['注:1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自有资金、社会资金,以及以前年度的结转结余资金等。'],
      ],
      merges: [
        'A1:G1', 'A2:B2', 'C2:D2', 'F2:G2', 'A3:B3', 'C3:D3', 'F3:G3',
        'A4:A7', 'B4:C4', 'F4:G4', 'B5:C5', 'F5:G5', 'B6:C6', 'F6:G6', 'B7:C7', 'F7:G7',
        'A8:A9', 'B8:D8', 'E8:G8', 'B9:D9', 'E9:G9',
        'A10:A26', 'B11:B19', 'C11:C12', 'C13:C15', 'C16:C17', 'C18:C19', 'B20:B24', 'C20:C21', 'C22:C23', 'B25:B26', 'C25:C26',
        'B27:G27', 'A28:G28',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '县级储备粮',
      // 194.9 ÷ 194.9 = 1; the form has no 分值 for it, so no weight and no score.
      funds: { budget: 194.9, executed: 194.9, rate: 1, weight: null, score: null },
      indicators: [
        { name: '库存数量真实率', weight: null, score: null },
        { name: '政策性挂账利息补贴保障率', weight: null, score: null },
        { name: '市民满意度调查', weight: null, score: null },
      ],
      // Nothing is weighted: no total and no grade; the missing weights are reported.
      totals: { score: null },
      grade: null,
      issues: [{ code: 'MISSING_VALUE' }],
      absentCodes: ['RATE_MISMATCH', 'FUNDS_SUM', 'TABLE_NOT_FOUND'],
    },
  ],
};
