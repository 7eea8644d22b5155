/**
 * 甘肃省嘉峪关市 (嘉峪关城市博物馆, 主管部门 嘉峪关市文化和旅游局), 2023: 省级部门预算项目支出绩效目标表 of
 * 博物馆纪念馆市级免费开放补助资金 — the 甘肃 targets form: a block of label/value pairs (一级/二级项目名称, 项目类型,
 * 资金用途, 项目总投资 …), 年度绩效目标, then 一级/二级/三级指标 with a single 指标目标值 column: no 实际完成值, no 分值,
 * no 得分. A 绩效目标申报表 in RULES.md's terms, kept with the self-evaluations: never scored as a project.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '省级部门预算项目支出绩效目标表（2023年度）— 博物馆纪念馆市级免费开放补助资金',
    publisher: '嘉峪关城市博物馆（文档转载于 bigxun.com）',
    province: '甘肃',
    year: 2023,
    url: 'http://bigxun.com/view/1667741699571552258',
    completed:
      'The copy is OCR text of a two-table document, cells run together; only the first table is transcribed (the second, ' +
      '博物馆提升改造项目, is cut off). Cells are placed as label/value pairs in reading order. OCR slips corrected where the ' +
      'reading is certain: "项目完成H期" → 项目完成日期, "二100百分比" → =100百分比, "就业LJUI,冈位" → 就业岗位. Empty fields ' +
      '(项目实施计划, 其他依据, 需要说明的其他问题) are the publisher\'s.',
  },
  classes: ['declaration'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['省级部门预算项目支出绩效目标表'],
        ['2023年度'],
        ['一级项目名称', '文化事业发展专项资金', '二级项目名称', '博物馆纪念馆市级免费开放补助资金'],
        ['项目类型', '新增项目', '项目分类', '专项工作经费'],
        ['资金用途', '业务类项目', '主管部门', '嘉峪关市文化和旅游局'],
        ['项目开始日期', '2023-01-01', '项目完成日期', '2023-12-31'],
        ['项目总投资', '20万元', '中央补助安排', 0],
        ['省级财政安排', 0, '其他资金', '20万元'],
        ['预算申报数', '20万元', '资金性质', '一般公共预算'],
        ['基本情况', '保障博物馆正常运转'],
        ['项目立项必要性', '保障各项业务正常运行'],
        ['保证项目实施的制度措施', '博物馆绩效考核'],
        ['项目实施计划', null, '组织实施单位', '甘肃省文物局'],
        [null, null, '监督管理单位', '嘉峪关文旅局'],
        [null, null, '项目实施单位', '嘉峪关城市博物馆'],
        ['政策依据', '甘财科[2022]78号'],
        ['其他依据'],
        ['需要说明的其他问题'],
        ['年度绩效目标', '进一步提高博物馆纪念馆运行效率和免费开放服务水平'],
        ['一级指标', '二级指标', '三级指标', '指标目标值'],
        ['产出指标', '数量指标', '免费开放天数', '=300天'],
        [null, '质量指标', '博物馆绩效考核指标完成率', '=100百分比'],
        [null, '时效指标', '各项工作完成及时率%', '=99百分比'],
        ['成本指标', '经济成本指标', '资金使用效率', '=100百分比'],
        [null, '社会成本指标', '对当地文物保护、文化传承影响', '长远'],
        [null, '生态环境成本指标', '提升博物馆绿化水平', '提升'],
        ['效益指标', '经济效益指标', '为当地提供就业岗位', '增加岗位'],
        [null, '社会效益指标', '免费开放接待观众人数', '=30000人次'],
        [null, '生态效益指标', '历史文化传承环保意识时限', '长远'],
        ['满意度指标', '服务对象满意度', '服务对象满意度%', '=99百分比'],
      ],
      merges: ['A1:D1', 'A2:D2', 'B10:D10', 'B11:D11', 'B12:D12', 'A13:B15', 'B16:D16', 'B17:D17', 'B18:D18', 'B19:D19', 'A21:A23', 'A24:A26', 'A27:A29'],
    },
  ],
  expected: [],
  // The message must say what the sheet holds: a targets table, no 实际完成值.
  notFoundMentions: ['Sheet1', '申报表', '实际完成值'],
};
