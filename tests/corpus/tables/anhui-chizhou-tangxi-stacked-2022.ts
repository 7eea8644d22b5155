/**
 * 池州市贵池区棠溪镇人民政府, two of its published 项目支出绩效自评表 (2022年度): 委托业务项目 and 村级补助及
 * 运转经费 (WPS documents on the district's download service). Both carry the same real mistake: the
 * 年度资金总额 row reads "0 0 0 10 0 0" (its sums never filled or never recalculated) while the 其中 row holds
 * the money; the 一级 labels carry their weights ("产出指标(50分)"). Kept one below the other on one sheet, as
 * a unit keeps its projects.
 */
import type { CellInput } from '../../../src/core/grid';
import type { CorpusFixture } from '../corpusFixture';

interface Part {
  name: string;
  funds: CellInput[];
  goals: [string, string];
  indicators: CellInput[][];
  merges: (top: number) => string[];
}

const WEITUO: Part = {
  name: '委托业务项目',
  funds: [90, 89.974, 89.974],
  goals: [
    '本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；30万元用于基建工程项目设计、规划、测绘。',
    '本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；29.99万元用于基建工程项目设计、规划、测绘。',
  ],
  indicators: [
    [null, '产出指标(50分)', '数量指标', '基建工程委托业务项目数量', '≥50个', 50, 8, 8],
    [null, null, '质量指标', '委托业务报告合格率', '≥100百分比', 100, 8, 8],
    [null, null, null, '经费支出合规性', '严格执行相关制度规定', '达成预期指标', 8, 8],
    [null, null, '时效指标', '提交报告及时性', '在项目计划完成时间内完成', '达成预期指标', 8, 8],
    [null, null, '成本指标', '项目总成本', '≤90万元', 90, 8, 8],
    [null, null, null, '单项业务成本', '符合相关规定', '达成预期指标', 10, 10],
    [null, '效益指标(30分)', '社会效益指标', '对维护基建市场公平的影响程度', '效果明显', '达成预期指标', 10, 10],
    [null, null, '生态效益指标', '对控制基建项目成本影响程度', '效果明显', '达成预期指标', 10, 10],
    [null, null, '可持续影响指标', '对推动基建项目“四项制度”健全和落实的持续性影响', '效果明显', '达成预期指标', 10, 10],
    [null, null, '经济效益指标'],
  ],
  merges: (t) => [`B${t}:B${t + 5}`, `C${t + 1}:C${t + 2}`, `C${t + 4}:C${t + 5}`, `B${t + 6}:B${t + 9}`],
};

const CUNJI: Part = {
  name: '村级补助及运转经费',
  funds: [202.64, 132.912, 132.912],
  goals: [
    '本项目共申请预算资金2026400元，其中村级组织运转400000元，村民组长，党小组长基本报酬252000元，村民监督委员会\n工资28000元，村级事务补助960000元，村级工作目标奖励100000元。\n.. ..............................................................................................................................',
    '本项目共完成预算资金1329120.67元，其中村级组织运转439120.67元，村民组长，党小组长基本报酬152000元，村民监督委员会\n工资28000元，村级事务补助660000元，村级工作目标奖励50000元。',
  ],
  indicators: [
    [null, '产出指标(50分)', '数量指标', '补助村（社区）数量', '=8个', 8, 8, 8],
    [null, null, null, '保障村干部人数', '=42个', 42, 8, 8],
    [null, null, '质量指标', '补助资格合规性', '合规', '达成预期指标', 8, 8],
    [null, null, null, '经费审批流程规范性', '严格执行相关制度规定', '达成预期指标', 8, 8],
    [null, null, '时效指标', '补助经费到位及时性', '及时', '达成预期指标', 8, 8],
    [null, null, '成本指标', '项目总成本', '≤202.6万元', 132.9, 10, 10],
    [null, '效益指标(30分)', '经济效益指标', '对保障村（社区）两委机构正常运行的影响程度', '效果明显', '达成预期指标', 10, 10],
    [null, null, '社会效益指标', '提高村（社区）干部工作积极性的影响程度', '效果明显', '达成预期指标', 10, 10],
  ],
  merges: (t) => [`B${t}:B${t + 5}`, `C${t}:C${t + 1}`, `C${t + 2}:C${t + 3}`, `B${t + 6}:B${t + 7}`],
};

/** One published table from its first row at sheet row `top` (1-based). */
function table(p: Part, top: number): { rows: CellInput[][]; merges: string[] } {
  const r = (i: number) => top + i;
  const rows: CellInput[][] = [
    ['附件：'],
    ['项目支出绩效自评表'],
    ['（2022年度）'],
    ['项目名称', null, p.name],
    ['主管部门', null, '219-池州市贵池区棠溪镇人民政府', null, null, '实施单位', null, '219001-池州市贵池区棠溪镇人民政府'],
    ['项目资金\n（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, null, '年度资金总额：', 0, 0, 0, 10, 0, 0],
    [null, null, '其中：本年财政拨款', ...p.funds],
    [null, null, '上年结转资金'],
    [null, null, '其他资金'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, p.goals[0], null, null, null, p.goals[1]],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...p.indicators,
  ];
  const merges = [
    `A${r(1)}:I${r(1)}`, `A${r(2)}:I${r(2)}`, `A${r(3)}:B${r(3)}`, `C${r(3)}:I${r(3)}`, `A${r(4)}:B${r(4)}`, `C${r(4)}:E${r(4)}`,
    `F${r(4)}:G${r(4)}`, `H${r(4)}:I${r(4)}`, `A${r(5)}:B${r(9)}`, `A${r(10)}:A${r(11)}`, `B${r(10)}:E${r(10)}`, `F${r(10)}:I${r(10)}`,
    `B${r(11)}:E${r(11)}`, `F${r(11)}:I${r(11)}`, `A${r(12)}:A${r(12) + p.indicators.length}`, ...p.merges(r(13)),
  ];
  return { rows, merges };
}

const first = table(WEITUO, 1); // rows 1–23
const second = table(CUNJI, 27); // three blank rows after the first table's 23 rows, then 21 rows

export const fixture: CorpusFixture = {
  source: {
    title: '项目支出绩效自评表（2022年度）— 委托业务项目；村级补助及运转经费（池州市贵池区棠溪镇人民政府）',
    publisher: '池州市贵池区棠溪镇人民政府',
    province: '安徽',
    year: 2022,
    url: 'http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2',
    completed:
      'Two published documents (download ids 502364 and 502367 on the same service); placing them one below the ' +
      'other on one sheet, three blank rows apart, is ours. Text extracted from the documents in reading order; the ' +
      'copies are cut off: 委托业务项目 after "满意度指标(10分) 满意度指标 公众满" (its satisfaction row and 总分 row ' +
      'are left out), 村级补助及运转经费 after its 社会效益 row (its 可持续影响 row, the satisfaction group and 总分 ' +
      'are left out). Because of those cuts, weight sums and totals are not asserted; what is asserted is what the ' +
      'readable rows determine.',
  },
  classes: ['stacked', 'nested-weights', 'national'],
  sheets: [{ name: '项目自评', rows: [...first.rows, [], [], [], ...second.rows], merges: [...first.merges, ...second.merges] }],
  expected: [
    {
      sheet: '项目自评',
      topLeft: 'A2', // the title row; the "附件：" line above it is not part of the table
      projectName: '委托业务项目',
      funds: { budget: 0, executed: 0, rate: null, score: null }, // 年度资金总额 row reads 0: no rate can be computed (÷ 0)
      indicators: [
        { name: '基建工程委托业务项目数量', weight: 8, score: 8 }, // ≥50个 vs 50: met
        { name: '经费支出合规性', weight: 8, score: 8 }, // qualitative, 达成预期指标 → 达成 tier: stated 8 kept
        { name: '提交报告及时性', weight: 8, score: 8 },
        { name: '项目总成本', weight: 8, score: 8 }, // ≤90万元 vs 90: 反向 met
        { name: '单项业务成本', weight: 10, score: 10 },
        { name: '对维护基建市场公平的影响程度', weight: 10, score: 10 },
        { name: '对控制基建项目成本影响程度', weight: 10, score: 10 },
        { name: '对推动基建项目“四项制度”健全和落实的持续性影响', weight: 10, score: 10 },
      ],
      grade: null, // errors stand (funds do not add up, budget 0)
      issues: [
        { code: 'FUNDS_SUM', cell: 'D7', severity: 'error' }, // 年初预算数 total 0 ≠ 90
        { code: 'FUNDS_SUM', cell: 'E7', severity: 'error' }, // 全年预算数 total 0 ≠ 89.974
        { code: 'FUNDS_SUM', cell: 'F7', severity: 'error' }, // 全年执行数 total 0 ≠ 89.974
        { code: 'MISSING_VALUE', cell: 'E7' }, // 全年预算数 0: no execution rate
      ],
    },
    {
      sheet: '项目自评',
      topLeft: 'A28',
      projectName: '村级补助及运转经费',
      funds: { budget: 0, executed: 0, rate: null, score: null },
      indicators: [
        { name: '补助村（社区）数量', weight: 8, score: 8 }, // =8个 vs 8: met
        { name: '保障村干部人数', weight: 8, score: 8 }, // =42个 vs 42: met
        { name: '补助资格合规性', weight: 8, score: 8 }, // 达成 tier, stated 8 kept
        { name: '经费审批流程规范性', weight: 8, score: 8 },
        { name: '补助经费到位及时性', weight: 8, score: 8 },
        { name: '项目总成本', weight: 10, score: 10 }, // ≤202.6万元 vs 132.9: 反向 met
        { name: '对保障村（社区）两委机构正常运行的影响程度', weight: 10, score: 10 },
        { name: '提高村（社区）干部工作积极性的影响程度', weight: 10, score: 10 },
      ],
      grade: null,
      issues: [
        { code: 'FUNDS_SUM', cell: 'D33', severity: 'error' }, // 0 ≠ 202.64
        { code: 'FUNDS_SUM', cell: 'E33', severity: 'error' }, // 0 ≠ 132.912
        { code: 'FUNDS_SUM', cell: 'F33', severity: 'error' }, // 0 ≠ 132.912
        { code: 'MISSING_VALUE', cell: 'E33' },
      ],
    },
  ],
};
