/**
 * 金寨经济开发区 (安徽金寨县), 项目支出绩效目标申报表 (2021年度): 物业管理. A target-setting form: funds as
 * one 年度资金总额, 年度目标, and indicators with 指标值 only (no 实际完成值, no 分值/得分). People keep it in the
 * same workbook as the year-end self-evaluation; it must never be scored, and the user must be told what it is.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '金寨经济开发区2021年度项目支出绩效目标申报表（物业管理）',
    publisher: '安徽金寨经济开发区管理委员会',
    province: '安徽',
    year: 2021,
    url: 'https://www.ahjinzhai.gov.cn/public/6617781/34383152.html',
    completed:
      'Transcribed from the HTML table in reading order. The note under the table is cut off in the copy after ' +
      '"2.各单位可根据项目特点自行增加或减少二级指标，并细化"; the note is kept as far as it goes.',
  },
  classes: ['declaration'],
  sheets: [
    {
      name: '绩效目标',
      merges: ['A1:E1', 'A2:E2', 'B3:E3', 'A5:A7', 'C5:E5', 'C6:E6', 'C7:E7', 'B8:E8', 'A9:A18', 'B10:B13', 'B14:B17', 'A19:E19', 'A20:E20'],
      rows: [
        ['项目支出绩效目标申报表'],
        ['（2021年度）'],
        ['项目名称', '物业管理'],
        ['主管部门', '县财政局', '实施单位', '安徽金寨经济开发区管理委员会'],
        ['项目资金\n（万元）', '年度资金总额：', 1125],
        [null, ' 其中：财政拨款', 1125],
        [null, '      其他资金'],
        ['年度目标', '目标1：维护辖区各安置小区安全巡逻、环境卫生及物业日常管理'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '指标1：安置小区物业费', '8个'],
        [null, null, '质量指标', '指标1：完成开发区工委、管委下达的安置小区物业费清算任务，指导小区物业开展文明创建等工作。', '房屋设备、设施的管理到位，环境卫生整洁，车辆停放有序'],
        [null, null, '时效指标', '指标1：按时保质完成开发区安置小区物业管理工作', '2021年全年'],
        [null, null, '成本指标', '指标1：项目总成本（≤**万元）', '≤1125万元'],
        [null, '效益指标', '经济效益指标', '指标1：清算8个安置小区本年度物业费和历史的遗留物业费（≥**%）。', '≥95%'],
        [null, null, '社会效益指标', '指标1：改善安置小区群众生活质量，提升安置小区生活水平。助力全县文明城市创建。', '显著改善'],
        [null, null, '生态效益指标', '指标1：优化安置小区生活环境，提高居民生活质量，营造安全舒适的居住环境。', '显著提高'],
        [null, null, '可持续影响指标', '指标1：持续提供人力物力保障，解决居民群众生产生活问题', '持续保障'],
        [null, '满意度指标', '服务对象满意度指标', '指标1：小区居民满意度（≥**%）', '≥90%'],
        ['注： 1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金、社会资金等。'],
        ['2.各单位可根据项目特点自行增加或减少二级指标，并细化'],
      ],
    },
  ],
  expected: [], // a target declaration: no project self-evaluation table in the file
  notFoundMentions: ['绩效目标申报表'],
};
