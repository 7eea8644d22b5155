/**
 * 四川省遂宁市大英县, 2020: the 绩效目标 table of the 双心及文明城市创建专项资金 project (10万元), inside its
 * 2020 项目支出绩效自评报告 on the county media site — 一级/二级/三级指标 with 指标值 and 实施进度 ("已完成100%")
 * only: no 实际完成值, no 分值, no 得分. A targets table (what RULES.md calls a 绩效目标申报表) kept beside the
 * self-evaluation: it must not be scored as one.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '2020年度双心及文明城市创建专项资金项目支出绩效自评报告：项目绩效目标表',
    publisher: '大英县（大英县融媒体中心网站转载的项目支出绩效自评报告，第19页）',
    province: '四川',
    year: 2020,
    url: 'https://dyxrmt.cn/article-147197-19.html',
    completed:
      'The stored copy of this page starts at the table\'s header row (绩效指标 | 一级指标 | … | 实施进度); the report\'s ' +
      'lines above it are on the previous page and are not transcribed. The table rows are complete; the 一级 labels ' +
      '项目决策/项目效益 are the publisher\'s. Merges inferred from the rows having one cell fewer under a merged label.',
  },
  classes: ['declaration'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['绩效\n指标', '一级指标', '二级指标', '三级指标', '指标值', '实施进度'],
        [null, '项目决策', '数量指标', '宣传次数', '至少全年完成2次宣传', '已完成100%'],
        [null, null, '质量指标', '创建质量', '按质按量完成', '已完成100%'],
        [null, null, '时效指标', '全年', '1-12月', '已完成100%'],
        [null, null, '成本指标', '成本', '10万元', '已完成100%'],
        [null, '项目效益', '社会效益\n指标', '提升全县消费者维权意识', '不断提升', '已完成100%'],
        [null, '满意度指标', '满意度指标', '群众满意度', '90%', '已完成100%'],
        ['3.分析评价申报内容是否与实际相符,申报目标是否合理可行'],
        ['评价申报内容与实际相符,申报目标合理可行。'],
      ],
      merges: ['A1:A7', 'B2:B5'],
    },
  ],
  expected: [],
  // The message must say what the sheet holds (targets only, no 实际完成值) rather than only "not found".
  notFoundMentions: ['Sheet1', '申报表', '实际完成值'],
};
