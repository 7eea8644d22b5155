/**
 * 安徽省宿州市萧县张庄寨镇人民政府 (主管部门 县农业农村局), 2023: 绩效目标自评表 of 河西村特色种养补贴到户项目
 * (9.48万元) — the 转移支付-style form the county uses for 衔接资金 projects: no 年初预算数, 分值 before 年度指标值,
 * 全年实际值, "未完成原因及拟采取的改进措施", 一级 labels with their weights ("产出指标(50分)"), ★ marks on the core
 * indicators, and 其中 detail rows (其中桃树种植面积 …) with values but no 分值. Its own quirk kept: the 其中:本年财政拨款
 * funds row repeats the 10 execution points (分值 10, 得分 10), to be counted once.
 */
import type { CorpusFixture } from '../corpusFixture';

const GOAL = '落实39户特色种养业奖补政策,增加脱贫户家庭收入';

export const fixture: CorpusFixture = {
  source: {
    title: '绩效目标自评表（2023年度）— 河西村特色种养补贴到户项目',
    publisher: '萧县张庄寨镇人民政府（萧县人民政府网站 ahxx.gov.cn）',
    province: '安徽',
    year: 2023,
    url: 'https://www.ahxx.gov.cn/grassroots/279/158998981.html',
    completed:
      'Read from the page\'s HTML table; cells as given. Empty label rows of the form (质量指标/经济效益指标/生态效益指标/可持续' +
      '影响指标 with nothing beside them, "……") are kept. The copy is cut off at the 满意度 group ("满意…"): its row(s) and the ' +
      '总分 row are not added, so the weights shown sum to 90, not 100.',
  },
  classes: ['transfer', 'nested-weights'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['绩效目标自评表'],
        ['(2023年度)'],
        ['项目名称', null, '河西村特色种养补贴到户项目', null, null, '项目负责人及电话', null, '李宁0557-5788003'],
        ['主管部门', null, '县农业农村局', null, null, '实施单位', null, '张庄寨镇人民政府'],
        ['资金情况 (万元)', null, null, '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
        [null, '年度资金总额:', null, 9.48, 9.48, 10, '100%', 10],
        [null, '其中:本年财政拨款', null, 9.48, 9.48, 10, '100%', 10],
        [null, '其他资金', null, '-', '-'],
        ['年度总体目标', '年初设定目标', null, null, null, '年度总体目标完成情况综述'],
        [null, GOAL, null, null, null, GOAL],
        ['绩效指标', '一级 指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'],
        [null, '产 出 指 标 (50分)', '数量指标', '★补助各类瓜果蔬菜种植面积', 20, '29.5亩', '29.5亩', 20],
        [null, null, null, '其中桃树种植面积', null, '1.5亩', '1.5亩'],
        [null, null, null, '其中苹果树种植面积', null, '5亩', '5亩'],
        [null, null, null, '其中露天蔬菜', null, '20亩', '20亩'],
        [null, null, null, '其中大棚蔬菜', null, '3亩', '3亩'],
        [null, null, null, '★补助鱼塘面积', 10, '3亩', '3亩', 10],
        [null, null, null, '其中鱼塘养殖面积', null, '3亩', '3亩'],
        [null, null, null, '★补助家畜家禽养殖数量', 10, '192只', '192只', 10],
        [null, null, null, '其中羊养殖数量', null, '180只', '180只'],
        [null, null, null, '其中猪养殖数量', null, '12头', '12头'],
        [null, null, '质量指标'],
        [null, null, null, '种植作物成活率', 5, '95%', '95%', 5],
        [null, null, null, '养殖家畜家禽成活率', 5, '95%', '100%', 5],
        [null, null, null, '……'],
        [null, '效 益 指 标 (30分)', '经济效益 指标'],
        [null, null, null, '特色产业带动增加受益农户收入(总收入)', 20, '≥11.376万元', '12万元', 20],
        [null, null, '社会效益 指标', '受益人口数量', 10, '90人', '90人', 10],
        [null, null, '生态效益 指标'],
        [null, null, '可持续影响指标'],
        [null, null, null, '……'],
      ],
      merges: [
        'A1:I1', 'A2:I2', 'A3:B3', 'C3:E3', 'F3:G3', 'H3:I3', 'A4:B4', 'C4:E4', 'F4:G4', 'H4:I4',
        'A5:C5', 'B6:C6', 'B7:C7', 'B8:C8', 'A6:A8',
        'A9:A10', 'B9:E9', 'F9:I9', 'B10:E10', 'F10:I10',
        'A11:A31', 'B12:B25', 'C12:C21', 'C22:C25', 'B26:B31', 'C26:C27',
      ],
    },
  ],
  expected: [
    {
      sheet: 'Sheet1',
      projectName: '河西村特色种养补贴到户项目',
      // 9.48 ÷ 9.48 = 1 → 10, counted once although the 其中 row repeats 分值 10 / 得分 10.
      funds: { budget: 9.48, executed: 9.48, rate: 1, weight: 10, score: 10 },
      indicators: [
        // Every weighted row met its target → full marks; the 其中 rows have no 分值 and are neither scored nor counted.
        { name: '补助各类瓜果蔬菜种植面积', weight: 20, score: 20 },
        { name: '其中桃树种植面积', weight: null, score: null },
        { name: '补助鱼塘面积', weight: 10, score: 10 },
        { name: '补助家畜家禽养殖数量', weight: 10, score: 10 },
        { name: '其中猪养殖数量', weight: null, score: null },
        // 95% ≥ 95% and 100% ≥ 95% → 5 each.
        { name: '种植作物成活率', weight: 5, score: 5 },
        { name: '养殖家畜家禽成活率', weight: 5, score: 5 },
        // 12万元 ≥ 11.376万元 → 20.
        { name: '特色产业带动增加受益农户收入(总收入)', weight: 20, score: 20 },
        { name: '受益人口数量', weight: 10, score: 10 },
      ],
      // What the copy shows: 10 + 50 + 30 = 90 (the 满意度 10 is cut off) → WEIGHT_SUM, no grade; scores 90.
      totals: { weight: 90, score: 90 },
      grade: null,
      issues: [
        { code: 'WEIGHT_SUM', severity: 'error' },
        // No 总分 row in the copy: reported at the last indicator row.
        { code: 'MISSING_VALUE', cell: 'A28', severity: 'warning' },
      ],
      absentCodes: ['LEVEL1_WEIGHT', 'SCORE_MISMATCH', 'UNIT_MISMATCH', 'RATE_MISMATCH', 'FUNDS_SUM', 'DEVIATION_UNEXPLAINED'],
    },
  ],
};
