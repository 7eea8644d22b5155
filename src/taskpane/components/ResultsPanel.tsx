import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TableResult } from '../../core/result';
import { changesSinceStated, formatRate, formatScore, gradeExplanation, level1Summaries } from '../model';
import { ScoreBars } from './ScoreBars';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  summary: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  why: { color: tokens.colorNeutralForeground2 },
  h: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** 评分结果: execution rate, 一级 weights against scores (with bars), total and grade, changes against the stated values. */
export function ResultsPanel({ table }: { table: TableResult }) {
  const s = useStyles();
  const groups = level1Summaries(table);
  const changes = changesSinceStated(table);
  const why = gradeExplanation(table);
  const f = table.funds;
  const t = table.totals;
  return (
    <div className={s.root}>
      <dl className={s.summary}>
        <dt className={s.dt}>预算执行率</dt>
        <dd className={s.dd}>
          {formatRate(f.rate)}（执行 {formatScore(f.executed)} ÷ 预算 {formatScore(f.budget)} 万元）
        </dd>
        <dt className={s.dt}>执行率得分</dt>
        <dd className={s.dd}>
          {formatScore(f.score)} / {formatScore(f.weight)} 分
        </dd>
        <dt className={s.dt}>总分</dt>
        <dd className={s.dd}>
          <span className={s.total} aria-label="总分">
            {formatScore(t.score)}
          </span>{' '}
          / {formatScore(t.weight)} 分
        </dd>
        <dt className={s.dt}>等级</dt>
        <dd className={s.dd}>
          {table.grade ? (
            <Badge appearance="filled" color="brand" aria-label={`等级 ${table.grade}`}>
              {table.grade}
            </Badge>
          ) : (
            <>
              <Badge appearance="outline" color="informative">
                未评级
              </Badge>{' '}
              <Text className={s.why}>{why}</Text>
            </>
          )}
        </dd>
      </dl>

      <section aria-labelledby="jx-groups">
        <h3 id="jx-groups" className={s.h}>
          各一级指标
        </h3>
        {groups.length > 0 ? <ScoreBars groups={groups} /> : <Text>没有带分值的指标。</Text>}
      </section>

      <section aria-labelledby="jx-changes">
        <h3 id="jx-changes" className={s.h}>
          与表中原填写值的差异
        </h3>
        {changes.length === 0 ? (
          <Text>计算结果与表中填写的执行率、得分和总分一致。</Text>
        ) : (
          <table className={s.table}>
            <thead>
              <tr>
                <th className={s.th} scope="col">
                  项目
                </th>
                <th className={s.th} scope="col">
                  单元格
                </th>
                <th className={`${s.th} ${s.num}`} scope="col">
                  填写值
                </th>
                <th className={`${s.th} ${s.num}`} scope="col">
                  计算值
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={`${c.label}-${c.cell}`}>
                  <td className={s.td}>{c.label}</td>
                  <td className={s.td}>{c.cell ?? '—'}</td>
                  <td className={`${s.td} ${s.num}`}>{c.stated}</td>
                  <td className={`${s.td} ${s.num}`}>{c.computed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
