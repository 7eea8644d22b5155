/**
 * 衡阳市南岳区民族宗教事务局 (湖南), 2020: one project's money (忠烈祠免费开放经费 236.25万元) filed on the 湖南
 * 部门整体支出绩效自评表 form, and titled so — 单位名称 (no 项目名称), 资金情况 with 年初预算资金总额 / 实际投入资金额
 * / 产生差异的原因, 总体目标, and an indicator block with 指标值 and 全年实际完成值 but no 分值 or 得分. The document
 * names itself a 部门整体支出绩效自评表, so it is not read as a project table (RULES.md "not project tables"):
 * the tool says what it found. Kept because the content looks like a project's, which a detector going by
 * content alone could take for one.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '2020年忠烈祠免费开放经费236.25万元部门整体支出绩效自评表',
    publisher: '南岳区民族宗教事务局（南岳区财政局预决算公开栏目，转载于 fyfantasy.com）',
    province: '湖南',
    year: 2020,
    url: 'https://fyfantasy.com/nyczj/czysgk/2019njyhndyjs/xcg/mzzjswj/20210203/i2295863.html',
    completed:
      'The copy is an HTML table shown in traditional characters by the hosting site; it is transcribed back in simplified ' +
      'characters, the filer\'s doubled commas (",,", ",、") kept. The 单位负责人及电话 value (a name and a mobile number) ' +
      'is left out. The copy ends inside the 成本指标 row ("忠烈祠、博物馆,、大庙运转经…"): that row is kept only as far as ' +
      'shown, nothing after it is added.',
  },
  classes: ['department', 'no-weights'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['2020年忠烈祠免费开放经费236.25万元部门整体支出绩效自评表'],
        ['单位名称', '南岳区民族宗教事务局', null, null, '单位负责人及电话'],
        ['主管部门', '南岳区民族宗教事务局', null, null, '实施单位', '南岳区民族宗教事务局'],
        ['资金情况(万元)', null, '年初预算资金总额:', '实际投入资金额', '产生差异的原因'],
        [null, '合计', 236, 236],
        [null, '其中:财政拨款', 236, 236],
        [null, '其他资金'],
        ['总体目标', '年度目标', null, null, '年度总体目标完成情况'],
        [
          null,
          '认真完成年度各项工作任务,,做好日常运转经费及临聘人员工资的发放',
          null, null,
          '通过文物保护专项经费的支出,,促进文化遗产的保护,,从而有利于当地旅游业的发展与当地经济结构的调整;通过文物内含的传统文化,,教育,、影响人民大众,;通过营造的文化氛围,,促进社区文化环境的提升;最后通过文化景观,、传统建筑的保护达到可持续影响的效益',
        ],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '全年实际完成值', '产生差异的原因及改进措施'],
        [null, '产出指标', '数量指标', '管理忠烈祠面积', '=230亩', '=230亩'],
        [null, null, null, '忠烈祠免费开放', '=365天', '=365天'],
        [null, null, null, '聘用讲解员,、综治队员以及物业管理人员', '32人', '32人'],
        [null, null, '质量指标', '忠烈祠保护合格率', '=100%', '=100%'],
        [null, null, '时效指标', '2020年12月完成', '=95%', '=95%'],
        [null, null, '成本指标', '忠烈祠、博物馆,、大庙运转经'],
      ],
      merges: [
        'A1:G1', 'B2:D2', 'F2:G2', 'B3:D3', 'F3:G3', 'A4:B4', 'E4:G4', 'A5:A7', 'E5:G5', 'E6:G6', 'E7:G7',
        'A8:A9', 'B8:D8', 'E8:G8', 'B9:D9', 'E9:G9', 'A10:A16', 'B11:B16', 'C11:C13',
      ],
    },
  ],
  // Titled 部门整体支出绩效自评表 by its filer: never scored as a project table; the message says what was found.
  expected: [],
  notFoundMentions: ['部门整体支出绩效自评表', 'Sheet1'],
};
