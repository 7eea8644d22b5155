/**
 * 部门整体绩效自评表 of a 西部(重庆)科学城 news-media centre (融媒体中心), 2021: the 重庆 form for a whole
 * department — 部门预算执行情况 with 执行率权重/执行率得分, 年初/全年(调整) 绩效目标, and indicators with
 * 计量单位/指标性质/年初指标值/调整指标值/全年完成值/得分系数/指标权重/指标得分/是否核心指标. Not a project
 * table: nothing may be scored, and the user must be told what the sheet is.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '部门整体绩效自评表（西部(重庆)科学城融媒体中心，2021年）',
    publisher: '西部(重庆)科学城融媒体中心',
    province: '重庆',
    year: 2021,
    url: 'https://m.yzwku.com/doc/98587.html',
    completed:
      'The stored copy is OCR text of a scanned .docx, cells in reading order but with garbled digits. Read and ' +
      'kept: 自评总分 97.6, 执行率 76%, 执行率权重 10, 执行率得分 7.6, the goal texts and the first 19 indicator rows. ' +
      'Not readable, left empty: the 主管部门 name, the three budget amounts (OCR "相)预资5"), the 联系电话, the ' +
      'target of 组织宣传活动次数 and 制作宣传品数量 (OCR "到0次", "第O份"). 调整指标值 is empty in the copy ' +
      'for every row but 财政供养人员控制率 (92%). The copy is cut after "公共服务…"; the rest is not transcribed.',
  },
  classes: ['department'],
  sheets: [
    {
      name: '部门整体',
      merges: ['A1:K1', 'C2:F2', 'H2:K2', 'C3:F3', 'H3:K3', 'A4:B5', 'A7:A8', 'B7:D7', 'E7:G7', 'H7:K7', 'B8:D8', 'E8:G8', 'H8:K8', 'A9:A28'],
      rows: [
        ['部门整体绩效自评表'],
        ['主管部门', null, null, null, null, null, '自评总分（分）', 97.6],
        ['部门联系人', null, '曾雪莲', null, null, null, '联系电话'],
        ['部门预算执行情况（万元）', null, '年初预算数', '全年（调整）预算数', '全年执行数', '执行率（%）', '执行率权重', '执行率得分（分）'],
        [null, null, null, null, null, '76%', 10, 7.6],
        [],
        ['当年绩效目标', '年初绩效目标', null, null, '全年（调整）绩效目标', null, null, '全年目标实际完成情况'],
        [
          null,
          '保障融媒体中心正常人事基础/日常运转，有效承担西部（重庆）科学城新闻宣传管理，思想文化领域建设等工作。',
          null,
          null,
          '无',
          null,
          null,
          '中心2021年较好地完成了履职任务，有效开展了西部（重庆）科学城新闻宣传管理/思想文化领域建设等工作，为建设成渝地区双城经济圈和西部（重庆）科学城营造了良好氛围。',
        ],
        ['绩效指标', '指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数（%）', '指标权重（分）', '指标得分（分）', '是否核心指标'],
        [null, '财政供养人员控制率', '%', '定量指标', '100%', '92%', '100%', '100%', 2, 2, '否'],
        [null, '“三公”经费变动率', '%', null, null, null, null, '100%', 2, 2, '否'],
        [null, '基础信息完善', '%', null, '100%', null, '100%', '100%', 1, 1, '否'],
        [null, '预算完成率', '%', null, '70%', null, '76%', '100%', 2, 2, '是'],
        [null, '预算调整率', '%', null, '3%', null, 0, '100%', 2, 2, '否'],
        [null, '结转结余率', '%', null, '2%', null, 0, '100%', 2, 2, '是'],
        [null, '公用经费控制率', '%', null, '100%', null, '97%', '100%', 2, 2, '是'],
        [null, '“三公”经费控制率', '%', null, null, null, null, '100%', 2, 2, '否'],
        [null, '政府采购执行率', '%', null, '100%', null, '72.74%', '100%', 2, 2, '是'],
        [null, '管理制度健全性', null, '定性指标', '高', null, '高', '100%', 3, 3, '否'],
        [null, '资金使用合规性', null, null, '好', null, '好', '100%', 5, 5, '否'],
        [null, '预决算信息公开性', null, null, '高', null, '高', '100%', 1, 1, '否'],
        [null, '资产管理安全', null, null, '好', null, '好', '100%', 2, 2, '否'],
        [null, '固定资产利用率', '%', '定量指标', '90%', null, '100%', '100%', 2, 2, '否'],
        [null, '党性教育培训次数', '次', null, '26次', null, '12次', '100%', 5, 5, '是'],
        [null, '组织宣传活动次数', '次', null, null, null, '43次', '100%', 10, 10, '是'],
        [null, '制作宣传品数量', '份', null, null, null, '20份', '100%', 5, 5, '否'],
        [null, '播发稿件数量', '篇', null, '2200篇', null, '2859篇', '100%', 10, 10, '是'],
        [null, '业务保障能力提升', '%', null, '90%', null, '95%', '100%', 10, 10, '否'],
      ],
    },
  ],
  expected: [], // a whole-department table: no project table in the file
  notFoundMentions: ['部门整体支出绩效自评表'],
};
