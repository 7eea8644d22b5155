/**
 * The report as the unit's own document, on engine results of real workbooks: facts each golden must
 * carry (not only its snapshot), no tool instruction or finding in the body, reasons quoted verbatim.
 */
import { parseProfile } from '../../src/core/profile';
import { draftReport } from '../../src/core/report/draft';
import { CORRECT_FIRST, draftToPlainText, runsText, type ReportDraft } from '../../src/core/report/model';
import { toGrid, sichuanTable, nationalTable, patchIndicators, only, evaluate } from '../core/helpers';
import { FIXTURES, load, type ReportFixture } from './fixtures';

const byId = (id: string) => FIXTURES.find((f) => f.id === id) as ReportFixture;

async function drafted(id: string) {
  const fx = byId(id);
  const { table, profile, grid } = await load(fx);
  const draft = draftReport(table, profile, { outline: fx.outline, grid });
  return { table, draft, text: draftToPlainText(draft) };
}

/** Every paragraph of the body (headings, text, signature): what the unit files. */
function bodyParagraphs(draft: ReportDraft): string[] {
  return [
    runsText(draft.title),
    ...draft.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => runsText(p.runs))]),
    runsText(draft.signature.unit),
    runsText(draft.signature.date),
  ];
}

/** Words that belong to the tool, never to the unit's report. */
const TOOL_WORDS = ['一键评分', '规则文件', '命令行', '请改为', '绩效自评助手', '--', '设置中', '请同步更正'];

/** "word in paragraph" for each tool word found. */
function toolWordsIn(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => TOOL_WORDS.filter((w) => p.includes(w)).map((w) => `${w} in ${p}`));
}

test('the tool-word check catches a planted instruction (so it can fail)', () => {
  expect(toolWordsIn(['正文。', 'H6 执行率请改为 100%（一键评分会自动填写）。'])).toHaveLength(2);
});

describe.each(FIXTURES.map((f) => [f.id] as const))('body of %s', (id) => {
  test('no paragraph carries a tool instruction or any finding of the engine', async () => {
    const { table, draft } = await drafted(id);
    const paragraphs = bodyParagraphs(draft);
    expect(toolWordsIn(paragraphs)).toEqual([]);
    // No issue message, nor a sizeable piece of one (the first sentence), stands in the body.
    for (const issue of table.issues) {
      const head = issue.message.split(/[。；]/)[0];
      for (const p of paragraphs) expect(p.includes(head)).toBe(false);
    }
    // Nor a cell address the findings point at.
    for (const p of paragraphs) expect(p).not.toMatch(/\b[A-Z]{1,2}\d{1,4}\b/);
  });

  test('every finding is in the 填报问题清单, in the engine’s words', async () => {
    const { table, draft } = await drafted(id);
    expect(draft.findings.map((f) => f.text).sort()).toEqual(table.issues.map((i) => i.message).sort());
  });

  test('no space between Chinese and digits in the body', async () => {
    const { draft } = await drafted(id);
    for (const p of bodyParagraphs(draft)) expect(p).not.toMatch(/[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]/);
  });
});

describe('facts each golden must contain', () => {
  test('seed, national rules: figures from the table, the adjustment to verify, the total replaced by the instruction', async () => {
    const { text, draft } = await drafted('seed');
    expect(text).toContain('12345市民热线服务中心运行经费项目年初预算97.9万元，全年预算64.95万元，2023年实际支出64.95万元，预算执行率100%。');
    // The adjustment may be a filing slip: asked, never asserted.
    expect(text).toContain('【请核实：全年预算较年初预算减少32.95万元，是否为年度中预算调整');
    expect(text).not.toMatch(/调减|预算编制的精准度/);
    expect(draft.totalDetermined).toBe(false);
    expect(text).toContain(`自评总分和评价等级：${CORRECT_FIRST}。`);
    expect(text).not.toContain('暂不能确定总分');
    // Contradictions discussed in place, with the unit asked for the fact.
    expect(text).toMatch(/“劳务派遣话务员人数”（数量指标）年度指标值为12人，实际完成值填列为100%，与年度指标值的计量单位不一致.*【请补充：/);
    expect(text).toMatch(/“服务对象满意度”（服务对象满意度指标）年度指标值为≥95%，实际完成值填列为≥95%，未反映实际达到的数值.*【请补充：实际达到的数值/);
    expect(text).toContain('除“劳务派遣话务员人数”、“服务对象满意度”的完成情况待核实外，其余绩效指标均已完成年度目标。');
    // Each 年度总体目标 item, in order.
    expect(text).toContain('年初设定的年度总体目标共三项：一是高效率服务群众，高质量办理工单；二是保障日常工作正常开展；三是发放劳务派遣人员工资、缴纳社保。');
    expect(text).toMatch(/政府办\n【请补充：成文日期】\n$/);
    expect(draft.findings.map((f) => f.place)).toEqual(expect.arrayContaining(['自评表!B13', '自评表!H6', '自评表!H16', '自评表!F20']));
  });

  test('seed, total without execution: 100 and 优, and the execution score said not to count', async () => {
    const { text } = await drafted('seed-no-execution');
    expect(text).toContain('自评总分100分（满分100分），评价等级为“优”。');
    expect(text).toContain('按本地评分口径，预算执行率得分（10分）单独列示，不计入总分。');
    expect(text).toContain('按本地评分口径，该项得分不计入总分。');
  });

  test('seed, 10号 outline: the 附件3 headings in order, problems with their causes, no cross-reference', async () => {
    const { draft, text } = await drafted('seed-national-outline');
    expect(draft.sections.filter((s) => s.level === 1).map((s) => s.heading)).toEqual([
      '一、基本情况', '二、绩效评价工作开展情况', '三、综合评价情况及评价结论', '四、绩效评价指标分析',
      '五、主要经验及做法、存在的问题及原因分析', '六、有关建议', '七、其他需要说明的问题',
    ]);
    expect(draft.sections.filter((s) => s.level === 2).map((s) => s.heading)).toEqual([
      '（一）项目概况', '（二）项目绩效目标', '（一）绩效评价目的、对象和范围', '（二）绩效评价原则、评价指标体系、评价方法、评价标准等',
      '（三）绩效评价工作过程', '（一）项目决策情况', '（二）项目过程情况', '（三）项目产出情况', '（四）项目效益情况',
    ]);
    expect(text).not.toMatch(/原因分析\n无|“存在的主要问题”/);
  });

  test('四川: the table’s own reason quoted, 96% not called a failure under its 90% threshold, comparators and units kept', async () => {
    const { text } = await drafted('sichuan');
    expect(text).toContain('全年预算较年初预算增加12.96万元。预算调整及执行偏差原因：年中追加绩效工资12.96万元，部分年底到账未及时支付。');
    expect(text).toContain('执行偏差原因：年中追加绩效工资12.96万元，部分年底到账未及时支付。');
    expect(text).not.toMatch(/【请补充：[^】]*(结余|未全部支出|未达要求)/);
    expect(text).not.toContain('未达到规定要求');
    expect(text).toContain('年度指标值为100%，实际完成值为100%');
    expect(text).toContain('自评总分99.6分（满分100分），评价等级为“优”');
  });

  test('云南: ≥ from the 指标性质 column and % from the 度量单位 column', async () => {
    const { text } = await drafted('yunnan');
    expect(text).toContain('“违法行为责停率”（社会效益指标）年度指标值为≥95%，实际完成值为96%，已完成年度目标');
    expect(text).toContain('“卫片执法补助经费”（数量指标）年度指标值为72890元，实际完成值为72890元');
  });

  test('transfer: the unmet indicator with how far it was met and the table’s reason, the unspent balance asked for', async () => {
    const { text } = await drafted('transfer');
    expect(text).toContain('“农村公路养护里程”（数量指标）年度指标值为≥1200公里，实际完成值为1180公里，完成年度指标值的98.33%，未完全达到年度目标，得24.58分（分值25分）。偏差原因及改进措施：部分路段汛期水毁，转入下年修复。');
    expect(text).toContain('全年预算结余50万元未支出。【请补充：资金结余的原因及结余资金的处理情况】');
  });

  test('national (offset in C5): ≤ kept for a 反向 target, the execution shortfall asked for', async () => {
    const { text } = await drafted('national-offset');
    expect(text).toContain('“工单办理时限”（时效指标）年度指标值为≤5个工作日，实际完成值为4个工作日，控制在年度指标值以内');
    expect(text).toContain('预算执行率未达到规定要求，资金未全部支出。【请补充：预算执行率未达要求的原因及拟采取的改进措施】');
  });
});

describe('over-achievement and a partly achieved qualitative row, on engine results', () => {
  test('a target far exceeded: how far, the question whether it was set too low, and the problem stated', () => {
    const inds = patchIndicators({ 0: { actual: '60万件' } });
    const table = only(evaluate(toGrid(nationalTable({ indicators: inds }))));
    expect(table.indicators[0].overAchieved).toBe(true);
    const text = draftToPlainText(draftReport(table, parseProfile({})));
    expect(text).toContain('“热线来电受理量”（数量指标）年度指标值为≥30万件，实际完成值为60万件，已完成年度目标，得20分（分值20分）。实际完成值为年度指标值的200%，超出年度指标值较多。【请补充：超额完成的原因，以及年初指标值是否设置偏低】');
    expect(text).toContain('部分绩效目标设置偏低：“热线来电受理量”的实际完成值远超年度指标值。');
    expect(text).toContain('合理确定“热线来电受理量”等指标的年度指标值。');
  });
});

describe('a reason written in the table appears verbatim in the draft', () => {
  test('四川: the funds reason and an indicator’s 未完成原因, exactly as typed', () => {
    const reason = '年中追加绩效工资12.96万元，部分年底到账未及时支付（已于次年1月补发）';
    const deviation = '受疫情影响，部分单位缴费延迟；下年度提前催缴。';
    const inds = [
      { l1: '产出指标', l2: '数量指标', name: '发放（缴纳）覆盖率', nature: '≥', target: 100, unit: '%', actual: 95, weight: 60, score: 57, deviation },
      { l1: '效益指标', l2: '社会效益指标', name: '足额保障率（参保率）', nature: '=', target: 100, unit: '%', actual: 100, weight: 30, score: 30 },
    ];
    const table = only(evaluate(toGrid(sichuanTable({ reason, indicators: inds, total: [100, 96.6] })), { deviationBelowRate: 0.9 }));
    expect(table.funds.reason).toBe(reason);
    const text = draftToPlainText(draftReport(table, parseProfile({ deviationBelowRate: 0.9 })));
    expect(text).toContain(reason);
    expect(text).toContain(deviation);
    expect(text).toContain('“发放（缴纳）覆盖率”（数量指标）年度指标值为≥100%，实际完成值为95%，完成年度指标值的95%，未完全达到年度目标，得57分（分值60分）。偏差原因及改进措施：受疫情影响');
  });

});
