/**
 * 湖北省武汉市青山区教育局 (执行单位 化工区学校), 2020: 绩效目标表 of 农村义务教育薄弱学校改造补助资金 (16万元),
 * published on the district site — a targets-only table whose name column is headed "指标内容" (not 三级指标):
 * 一级指标 | 二级指标 | 指标内容 | 指标值, no 实际完成值, no 分值, no 得分. A 绩效目标申报表 in RULES.md's terms:
 * never scored, and the message must say what it is.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '绩效目标表（2020年度）— 农村义务教育薄弱学校改造补助资金',
    publisher: '武汉市青山区教育局（青山区人民政府网站，2021-01-05）',
    province: '湖北',
    year: 2020,
    url: 'https://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zxzj/ywjygz/202101/t20210105_1589009.shtml',
    completed: 'Complete as published (an HTML table flattened to lines); cells placed in reading order on a four-column grid.',
  },
  classes: ['declaration'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['绩效目标表'],
        ['(2020年度)'],
        ['项目名称', '农村义务教育薄弱学校改造补助资金'],
        ['项目主管部门', '青山区教育局', '项目执行单位', '化工区学校'],
        ['资金情况\n(万元)', '年度资金总额:', 16],
        [null, '    其中 :上级资金', 16],
        ['总体目标', '年度目标'],
        [null, '全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。'],
        ['绩效指标', '一级指标', '二级指标', '指标内容', '指标值'],
        [null, '产出指标', '数量指标', '农村义务教育学校改造覆盖率', '100%'],
        [null, null, '质量指标', '校舍维修改造质量合格率', '100%'],
        [null, null, null, '购置设施设备质量合格率', '100%'],
        [null, null, '时效指标', '预算资金当年下达率', '100%'],
        [null, null, null, '项目按计划完成率', '100%'],
        [null, null, '成本指标', '建设项目成本控制率', '100%'],
        [null, '效益指标', '可持续影响指标', '义务教育优质均衡发展情况', '稳步提高'],
        [null, null, '社会公众或服务对象满意度指标', '学生家长满意度', '≥90%'],
        [null, null, null, '学校满意度', '≥90%'],
      ],
      merges: ['A1:E1', 'A2:E2', 'B3:E3', 'D4:E4', 'A5:A6', 'C5:E5', 'C6:E6', 'A7:A8', 'B7:E7', 'B8:E8', 'A9:A18', 'B10:B15', 'C11:C12', 'C13:C14', 'B16:B18', 'C17:C18'],
    },
  ],
  expected: [],
  notFoundMentions: ['Sheet1', '申报表'],
};
