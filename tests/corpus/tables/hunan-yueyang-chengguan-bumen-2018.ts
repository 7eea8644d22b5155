/**
 * 湖南省岳阳市城市管理监督指挥中心, 2018 (published 2019-07-09): the opening of its 部门整体支出绩效评价自评报告
 * — the 湖南 form with a cover (部门(单位)名称, 预算编码, 评价方式, 报告日期) and 一、部门(单位)基本概况 (联系人,
 * 人员编制, 职能职责概述, 年度主要工作内容). A whole-department document kept beside project tables: it holds no
 * project self-evaluation table and must never be scored as one.
 */
import type { CorpusFixture } from '../corpusFixture';

export const fixture: CorpusFixture = {
  source: {
    title: '岳阳市城市管理监督指挥中心2018绩效评价自评报告及评分表（整体支出和数字城管信息采集服务费专项支出）：岳阳市2018年度部门整体支出绩效评价自评报告',
    publisher: '岳阳市城市管理监督指挥中心（岳阳市城市管理和综合执法局网站，财务科）',
    province: '湖南',
    year: 2018,
    url: 'http://www.yueyang.gov.cn/cgj/9886/9901/content_1560779.html',
    completed:
      'Only the opening of the page is stored: the cover and the first block of 一、部门(单位)基本概况 are transcribed as ' +
      'published; the page continues (二、部门(单位)… and the 评分表 of the 专项支出) beyond the stored copy and is not ' +
      'transcribed. The cover lines and the form rows are laid out one per row, labels in column A.',
  },
  classes: ['department'],
  sheets: [
    {
      name: 'Sheet1',
      rows: [
        ['岳阳市2018年度部门整体支出'],
        ['绩效评价自评报告'],
        ['部门(单位)名称:  岳阳市城市管理监督指挥中心'],
        ['预 算 编 码:   906017'],
        ['评价方式:部门(单位)绩效自评'],
        ['评价机构:部门(单位)评价组'],
        ['报告日期:2019年06月18日'],
        ['岳阳市财政局(制)'],
        ['一、部门(单位)基本概况'],
        ['联系人', '吴俊', '联络电话', '8690022'],
        ['人员编制', 21, '实有人数', 21],
        ['职能职责概述', '负责全市数字化城市管理监督、指挥、调度和协调工作。负责全市数字化城市管理系统市级平台的日常维护和管理。负责对各类城市管理信息的收集、分析和整理。对数字城管终端单的考核考评,负责受理数字化城市管理的投诉、举报等有关工作。负责对县市区数字化城市管理工作的业务指导。'],
        ['年度主要\n工作内容', '1.完成数字化城市管理监督、指挥、调度和协调工作。2.做好全市数字化城市管理系统市级平台的日常维护和管理。3.对各类城市管理信息的收集、分析和整理。4.完成数字城管各终端单位的考核考评。4.对受理的数字化城市管理的投诉、举报等有关工作进行处理。5.对各县市区数字化城市管理工作的业务指导。'],
        ['年度部门(单位)总体运行情况及取得的成绩', '我中心的数字城管二期建设项目属于市新增长极建设项目,已于2018年验收运行。据国家卫生城市复查迎检标准,按时报送资料,及时监督发现和指挥处置各类城市管理问题。按要求对城市管理中的重大疑难问题,主动和各单位、部门沟通协调。'],
      ],
      merges: ['A1:D1', 'A2:D2', 'A3:D3', 'A4:D4', 'A5:D5', 'A6:D6', 'A7:D7', 'A8:D8', 'A9:D9', 'B12:D12', 'B13:D13', 'B14:D14'],
    },
  ],
  expected: [],
  notFoundMentions: ['Sheet1', '部门整体', '项目支出绩效自评表'],
};
