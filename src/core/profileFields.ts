/**
 * The settings of a rule profile by the names a clerk knows them by. One registry: the pane labels its
 * controls with these names and every message about a setting (ProfileProblem.message) names it the same
 * way, so a message beside a field and the field's label never disagree. A field is a profile key or a part
 * of one: 'weights.output', 'qualitativeBands.1', 'grades.2.min'.
 */

const NAMES: Record<string, string> = {
  weights: '一级指标分值',
  'weights.execution': '预算执行率分值',
  'weights.output': '产出指标分值',
  'weights.effect': '效益指标分值',
  'weights.satisfaction': '满意度指标分值',
  includeExecutionInTotal: '总分含预算执行率得分',
  qualitativeBands: '定性指标档次',
  'qualitativeBands.0': '达成档下限',
  'qualitativeBands.1': '部分达成档下限',
  negativeFormula: '反向指标算法',
  overAchievementThreshold: '超额完成提示线',
  deviationBelowRate: '须说明偏差的执行率',
  decimals: '保留小数位数',
  rounding: '舍入方式',
  grades: '评价等级',
  reportOutline: '报告提纲',
};

/** The Chinese name of a setting; a grade band's parts are numbered as the pane lists them (第 1 档…). */
export function profileFieldName(field: string): string {
  const band = /^grades\.(\d+)\.(min|label)$/.exec(field);
  if (band) return `第 ${Number(band[1]) + 1} 档${band[2] === 'min' ? '下限分数' : '等级名称'}`;
  const name = NAMES[field];
  if (name === undefined) throw new Error(`no Chinese name for profile field ${field}`);
  return name;
}

/**
 * Settings that the profile holds as fractions of 1 but a clerk reads and types as percentages
 * (0.9 = 90%). The pane converts these exactly; messages about them speak in percent.
 */
export const PERCENT_FIELDS = ['qualitativeBands.0', 'qualitativeBands.1', 'overAchievementThreshold', 'deviationBelowRate'] as const;
export type PercentField = (typeof PERCENT_FIELDS)[number];
