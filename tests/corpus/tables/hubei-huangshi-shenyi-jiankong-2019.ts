/**
 * 湖北省黄石市文物局（湖北水泥遗址博物馆）, 2019: 黄石市项目支出绩效监控表 (申遗经费) — a mid-year monitoring
 * table (年初预算数 / 1-6月执行数 / 全年预计执行数, 半年度指标执行情况, 完成目标可能性), not a self-evaluation.
 * Kept in the same workbooks as 自评表; it must never be scored as a project table.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '黄石市项目支出绩效监控表（申遗）（2019年度）',
    publisher: '黄石市文物局（湖北水泥遗址博物馆）',
    province: '湖北',
    year: 2019,
    url: 'http://hsgyyc.com/xwdt_10201/gsgg_10206/201908/t20190821_663302.html',
    completed:
      'Complete as published (an HTML table). The ☑/□ boxes are kept as typed; 全年预计执行数 is empty in the source; ' +
      'the empty 数量/质量/时效 rows are the publisher\'s. The note under the table is shortened to its first item.',
  },
  classes: ['monitoring'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['黄石市项目支出绩效监控表 (申遗)'],
        ['(2019年度)'],
        ['项目单位(盖章):', null, null, null, null, '单位:万元'],
        ['项目名称', '申遗经费'],
        ['主管部门', '黄石市文化和旅游局', null, '项目执行单位', '黄石市文物局(湖北水泥遗址博物馆)'],
        ['项目属性', '1、持续性项目 □ 2、新增性项目 □'],
        ['项目类型', '1、常年性项目 □ √ 2、延续性项目 □ 3、一次性项目 □'],
        [null, '1、部门预算项目 □ 2、省直专项 □ 3、省对下转移支付项目 □'],
        ['项目资金\n(万元)', null, '年初预算数', '1-6月执行数', '全年预计执行数'],
        [null, '年度资金总额:', 220, 87.57],
        [null, '其中:当年一般公共预算拨款', 220, 87.57],
        ['绩效指标', '一级\n指标', '指标名称', '指标值', '半年度\n指标执行情况', '完成目标可能性(确定能、有可能、不可能)', '备注'],
        [null, '产\n出\n指\n标', '数量'],
        [null, null, '质量'],
        [null, null, '时效'],
        [null, null, '成本', '年度预算220万元', '按进度执行,已使用约40%', '确定能'],
        [null, '效\n益\n指\n标', '社会效益', '开展黄石矿冶工业遗产突出普遍价值研究、学术交流、对外宣传等工作,先后举办有社会影响力的活动5场;成立黄石矿冶文化研究中心暨矿冶文学陈列馆,凸显黄石工业遗产文化价值,推动申遗工作。', null, '确定能'],
        ['偏差或不能完成目标原因分析'],
        ['相关建议或举措'],
        ['注: 1.完成目标可能性:对应所设定的实现绩效目标的路径,分确定能、有可能、不可能三级综合判断完成的可能性。'],
      ],
      merges: ['A1:G1', 'A2:G2', 'A3:E3', 'F3:G3', 'B4:G4', 'B5:C5', 'E5:G5', 'B6:G6', 'B7:G7', 'A7:A8', 'B8:G8', 'A9:B9', 'E9:G9', 'A10:A11', 'E10:G10', 'E11:G11', 'A12:A17', 'B13:B16', 'A18:C18', 'D18:G18', 'A19:C19', 'D19:G19', 'A20:G20'],
    },
  ],
  expected: [],
  // The message must say what was found (a monitoring table) and what the tool scores.
  notFoundMentions: ['监控表', 'Sheet1', '项目支出绩效自评表'],
};
