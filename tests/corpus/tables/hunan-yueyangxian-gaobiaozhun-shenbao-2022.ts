/**
 * 湖南省岳阳县农业农村局 (实施单位 农田建设服务中心), 2022: 乡村振兴衔接资金绩效目标申报表 (基础设施建设类) of the
 * 2022 高标准农田建设项目 — a targets-only form: 资金情况 as text ("854万(高标准农田建设400万元,…)"), 年度目标, and
 * 一级/二级/三级指标 with one 指标值 column. Its own mistakes kept: the 其中:财政拨款 cell repeats the amount
 * ("854万854万(…)"), and several targets are the template's for village roads and water supply (脱贫村村内道路硬化里程,
 * 脱贫户供水设施数量) left in a farmland project. Not a self-evaluation table: never scored.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '乡村振兴衔接资金绩效目标申报表（高标准农田建设）— 绩效目标申报表（基础设施建设类）（2022年度）',
    publisher: '岳阳县农业农村局（岳阳县人民政府网站，2022-05-16）',
    province: '湖南',
    year: 2022,
    url: 'http://www.yyx.gov.cn/37584/38137/content_2016103.html',
    completed: 'Complete as published (an HTML table flattened to lines); cells placed on the form\'s grid in reading order.',
  },
  classes: ['declaration'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['绩效目标申报表(基础设施建设类)'],
        ['(2022年度)'],
        ['项目名称', '岳阳县2022年高标准农田建设项目', null, '项目负责人及电话', '彭兵'],
        ['主管部门', '岳阳县农业农村局', null, '实施单位', '农田建设服务中心'],
        ['资金情况 (万元)', '年度资金总额:', '854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)'],
        [null, '其中:财政拨款', '854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)'],
        [null, '其他资金'],
        ['总体目标', '年度目标', '完成项目主体工程70%'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '脱贫村村内道路硬化里程', '≥100公里'],
        [null, null, null, '脱贫户供水设施数量', '≥20座'],
        [null, null, '质量指标', '项目(工程)验收合格率', '100%'],
        [null, null, '时效指标', '项目(工程)完成及时率', '≥100%'],
        [null, null, '成本指标', '财政资金补助', '1600元/亩'],
        [null, '效益指标', '经济效益\n指标', '年增粮食', '3500公斤'],
        [null, null, '社会效益\n指标', '受益脱贫(监测)人口数', '≥500人'],
        [null, null, null, '解决脱贫(监测)饮水安全问题人数', '≥1000人'],
        [null, null, '生态效益\n指标', '新增和改善灌溉达标面积', '≥500亩'],
        [null, null, null, '新增和改善排水达标面积', '≥200亩'],
        [null, null, '可持续影响\n指标', '工程设计使用年限', '≥20年'],
        [null, '满意度指标', '服务对象满意度指标', '受益脱贫(监测)户满意度', '≥95%'],
        ['注:各地请根据实际情况,从上述绩效指标中选择适合的填报(其中三颗星为必填的核心绩效指标,可结合已下达的中央对地方专项转移支付绩效指标),也可自行增加或适当调整。'],
      ],
      merges: [
        'A1:E1', 'A2:E2', 'B3:C3', 'B4:C4', 'A5:A7', 'C5:E5', 'C6:E6', 'C7:E7', 'C8:E8',
        'A9:A21', 'B10:B14', 'C10:C11', 'B15:B20', 'C16:C17', 'C18:C19', 'A22:E22',
      ],
    },
  ],
  expected: [],
  // Found by its title and its header (targets only): the message names it rather than only "not found".
  notFoundMentions: ['Sheet1', '申报表'],
};
