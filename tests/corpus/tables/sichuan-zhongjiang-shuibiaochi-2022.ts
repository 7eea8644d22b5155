/**
 * 四川省德阳市中江县水利局, 2022: 绩效目标自评表 of a 财政衔接资金 project (小型水库水标尺制作安装).
 * The 转移支付-style form: 资金情况 with 全年预算数(A)/全年执行数(B)/分值/执行率(B/A)/得分, indicators with
 * 分值 before 年度指标值, 全年实际值, 未完成原因及拟采取的改进措施; 一级 weights written inside the labels.
 * Its own mistakes kept: the 一级 weights are 70/20/10 (the note under the table itself says 50/30/10), so the
 * weights with the 10 execution points sum to 110, yet 总分 says 100/100; six actuals copy the bound ("≥266米").
 */
import type { CorpusFixture } from '../corpusFixture';
import { pct } from '../../core/helpers';


export const fixture: CorpusFixture = {
  source: {
    title: '绩效目标自评表（2022年度）中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装',
    publisher: '中江县水利局（2022年财政衔接资金实施项目绩效自评公示，转载于查策网）',
    province: '四川',
    year: 2022,
    url: 'https://chacewang.com/newsdetail/news242266.html',
    completed:
      'The page gives the table as running text; the grid (which label sits in which column, merges) is reconstructed from ' +
      'the template order. Every value is as published. The reserved row "……" is placed in the 三级指标 column of the 满意度 ' +
      'group; the 经济效益指标 row is empty in the source. Whether 100.00% was typed as text or a percent-formatted number ' +
      'cannot be seen in the copy: entered as a percent-formatted number.',
  },
  classes: ['transfer', 'nested-weights', 'column-markers'],
  sheets: [
    {
      name: '绩效目标自评表',
      rows: [
        ['绩效目标自评表(2022年度)'],
        ['项目名称', '中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装'],
        ['项目负责人及电话', '谢凯13990260322(办公)'],
        ['主管部门', '中江县水利局', null, null, '实施单位', null, '中江县水利局'],
        ['资金情况(万元)', null, null, '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
        [null, '年度资金总额:', null, 20, 20, 10, pct(1, 2), 10],
        [null, '其中:本年财政拨款', null, 20, 20],
        [null, '其他资金'],
        ['年度总体目标', '年初设定目标', null, null, null, '年度总体目标完成情况综述'],
        [null, '对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,', null, null, null, '对项目区农业用水计量,为项目区农业生产夯实基础,'],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'],
        [null, '产出指标(70分)', '数量指标', '安装坡面水标尺', 10, '≥266米', '≥266米', 10],
        [null, null, null, '水标尺宽度', 10, '≥50厘米', '≥50厘米', 10],
        [null, null, '质量指标', '项目(工程)验收合格率', 20, '100%', '100%', 20],
        [null, null, '时效指标', '及时(按期)开工率', 10, '≥90%', '≥90%', 10],
        [null, null, null, '及时(按期)完工率', 10, '≥90%', '≥90%', 10],
        [null, null, '成本指标', '项目计划总投资', 10, '20万元', '20万元', 10],
        [null, '效益指标(20分)', '经济效益指标'],
        [null, null, '社会效益指标', '受益脱贫(含监测对象)户人口数', 10, '≥1000人', '≥1000人', 10],
        [null, null, null, '群众生产生活条件改善状况', 10, '显著提升', '显著提升', 10],
        [null, '满意度指标(10分)', '服务对象满意度指标', '受益脱贫(含监测对象)户满意度', 10, '≥95%', '≥95%', 10],
        [null, null, null, '……'],
        ['总分', null, null, null, 100, null, null, 100],
        ['注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分,各部门根据各项指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限,分别按照该指标对应分值区间100-80%(含80%)、80-60%(含60%)、60-0%合理确定得分'],
      ],
      merges: [
        'A1:I1', 'B2:I2', 'B3:I3', 'B4:D4', 'E4:F4', 'G4:I4',
        'A5:A8', 'B5:C5', 'B6:C6', 'B7:C7', 'B8:C8',
        'A9:A10', 'B9:E9', 'F9:I9', 'B10:E10', 'F10:I10',
        'A11:A22', 'B12:B17', 'C12:C13', 'C15:C16', 'B18:B20', 'C19:C20', 'B21:B22', 'C21:C22',
        'A23:D23', 'A24:I24',
      ],
    },
  ],
  expected: [
    {
      sheet: '绩效目标自评表',
      projectName: '中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装',
      // A = 20, B = 20 → 20 ÷ 20 = 1; score = min(1, 1) × 10 = 10.
      funds: { budget: 20, executed: 20, rate: 1, weight: 10, score: 10 },
      indicators: [
        // Actual "≥266米" is the bound copied, not a value: the stated 10 (= 分值) is kept; VAGUE_ACTUAL below.
        { name: '安装坡面水标尺', weight: 10, score: 10 },
        { name: '水标尺宽度', weight: 10, score: 10 },
        // 100% vs target 100%: met → full 20.
        { name: '项目(工程)验收合格率', weight: 20, score: 20 },
        { name: '及时(按期)开工率', weight: 10, score: 10 },
        { name: '及时(按期)完工率', weight: 10, score: 10 },
        // 成本指标 with a plain amount is 反向: 20万元 ≤ 20万元 → met → 10.
        { name: '项目计划总投资', weight: 10, score: 10 },
        { name: '受益脱贫(含监测对象)户人口数', weight: 10, score: 10 },
        // Qualitative: actual equals the target (显著提升) → 达成 tier 8–10; stated 10 lies in it → kept.
        { name: '群众生产生活条件改善状况', weight: 10, score: 10 },
        { name: '受益脱贫(含监测对象)户满意度', weight: 10, score: 10 },
      ],
      // Weights: 10 (execution) + 70 + 20 + 10 = 110 ≠ 100; computed total 10 + 100 = 110.
      totals: { weight: 110, score: 110 },
      // WEIGHT_SUM is an error, so no grade.
      grade: null,
      issues: [
        // Reported at the 一级 cells whose weights differ from the profile's (产出 70 ≠ 50, 效益 20 ≠ 30), not at E23.
        { code: 'WEIGHT_SUM', cell: 'B12', severity: 'error' },
        { code: 'WEIGHT_SUM', cell: 'B18', severity: 'error' },
        // Stated 总分 100 ≠ computed 110.
        { code: 'TOTAL_MISMATCH', cell: 'H23', severity: 'warning' },
        { code: 'VAGUE_ACTUAL', cell: 'G12' },
        { code: 'VAGUE_ACTUAL', cell: 'G13' },
        { code: 'VAGUE_ACTUAL', cell: 'G15' },
        { code: 'VAGUE_ACTUAL', cell: 'G16' },
        { code: 'VAGUE_ACTUAL', cell: 'G19' },
        { code: 'VAGUE_ACTUAL', cell: 'G21' },
      ],
      // 产出指标(70分) = 10+10+20+10+10+10 = 70, 效益指标(20分) = 20, 满意度指标(10分) = 10: each label agrees with its rows.
      absentCodes: ['LEVEL1_WEIGHT', 'RATE_MISMATCH', 'SCORE_MISMATCH'],
    },
  ],
};
