import { Badge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { totalWithheldReason } from '../../core/planner';
import type { TableResult } from '../../core/result';
import { changesSinceStated, formatRate, formatScore, level1Summaries } from '../model';
import { NOT_COUNTED, ScoreBars } from './ScoreBars';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  summary: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  why: { color: tokens.colorNeutralForeground2 },
  h: { margin: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  open: { borderTopColor: tokens.colorBrandStroke1, borderRightColor: tokens.colorBrandStroke1, borderBottomColor: tokens.colorBrandStroke1, borderLeftColor: tokens.colorBrandStroke1 },
  explain: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

export interface ResultsPanelProps {
  table: TableResult;
  onSelectCell?(sheet: string, address: string): void;
}

interface ScoreRow {
  key: string;
  label: string;
  score: string;
  cell: string | null;
  explanation: string;
}

/**
 * 评分结果: execution rate, total and grade (or why they were not written), 一级 bars, every scored row —
 * a click explains its score with the engine's numbers and selects the cell — and the differences from
 * what the sheet states.
 */
export function ResultsPanel({ table, onSelectCell }: ResultsPanelProps) {
  const s = useStyles();
  const [openRow, setOpenRow] = useState<string | null>(null);
  const groups = level1Summaries(table);
  const changes = changesSinceStated(table);
  const withheld = totalWithheldReason(table);
  const f = table.funds;
  const t = table.totals;
  // Whether 预算执行率 counts in 总分 is the engine's fact under the profile (总分不含预算执行率), not the pane's.
  const notCounted = f.countedInTotal ? '' : NOT_COUNTED;

  const rows: ScoreRow[] = [];
  if (f.weight !== null || f.score !== null) {
    rows.push({ key: 'funds', label: `预算执行率${notCounted}`, score: `${formatScore(f.score)} / ${formatScore(f.weight)}`, cell: f.scoreCell, explanation: f.explanation ?? '' });
  }
  for (const ind of table.indicators) {
    if (ind.weight === null) continue;
    rows.push({ key: `r${ind.row}`, label: ind.name, score: `${formatScore(ind.score)} / ${formatScore(ind.weight)}`, cell: ind.scoreCell, explanation: ind.explanation ?? '' });
  }

  return (
    <div className={s.root}>
      <dl className={s.summary}>
        <dt className={s.dt}>预算执行率</dt>
        <dd className={s.dd}>
          {formatRate(f.rate)}（执行 {formatScore(f.executed)} ÷ 预算 {formatScore(f.budget)} 万元）{notCounted}
        </dd>
        <dt className={s.dt}>总分</dt>
        <dd className={s.dd}>
          {withheld ? (
            <>
              <Badge appearance="outline" color="warning">
                未写入
              </Badge>{' '}
              <Text className={s.why}>{withheld}</Text>
            </>
          ) : (
            <>
              <span className={s.total} aria-label="总分">
                {formatScore(t.score)}
              </span>{' '}
              / {formatScore(t.weight)} 分
            </>
          )}
        </dd>
        <dt className={s.dt}>等级</dt>
        <dd className={s.dd}>
          {table.grade ? (
            <Badge appearance="filled" color="brand" aria-label={`等级 ${table.grade}`}>
              {table.grade}
            </Badge>
          ) : (
            <Badge appearance="outline" color="informative">
              未评级
            </Badge>
          )}
        </dd>
      </dl>

      <section aria-labelledby="jx-groups">
        <h2 id="jx-groups" className={s.h}>
          各一级指标
        </h2>
        {groups.length > 0 ? <ScoreBars groups={groups} /> : <Text>没有带分值的指标。</Text>}
      </section>

      <section aria-labelledby="jx-rows">
        <h2 id="jx-rows" className={s.h}>
          各项得分（点一项看计算过程）
        </h2>
        <ul className={s.rows}>
          {rows.map((r) => {
            const open = openRow === r.key;
            return (
              <li key={r.key}>
                <button
                  type="button"
                  className={mergeClasses(s.row, open ? s.open : undefined)}
                  aria-expanded={open}
                  aria-controls={`jx-explain-${r.key}`}
                  onClick={() => {
                    setOpenRow(open ? null : r.key);
                    if (!open && r.cell) onSelectCell?.(table.sheet, r.cell);
                  }}
                >
                  <span>{r.label}</span>
                  <span className={s.num}>{r.score}</span>
                </button>
                {open && (
                  <div id={`jx-explain-${r.key}`} className={s.explain}>
                    {r.explanation || '没有可说明的计算。'}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="jx-changes">
        <h2 id="jx-changes" className={s.h}>
          与表中原填写值的差异
        </h2>
        {changes.length === 0 ? (
          <Text>计算结果与表中填写的执行率、得分和总分一致。</Text>
        ) : (
          <table className={s.table}>
            <thead>
              <tr>
                <th className={s.th} scope="col">
                  项目
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
                  <td className={s.td}>
                    {c.label}
                    {c.cell ? `（${c.cell}）` : ''}
                  </td>
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
