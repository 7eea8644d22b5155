import { CounterBadge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../../core/result';
import { groupIssues, issuesByStatus, issueText, SEVERITY_LABEL } from '../model';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalL },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS },
  group: { display: 'grid', rowGap: tokens.spacingVerticalXS },
  h2: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  corrected: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  msg: { overflowWrap: 'anywhere' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'important' | 'informative'> = { error: 'danger', warning: 'important', info: 'informative' };

export interface IssuesPanelProps {
  issues: Issue[];
  /** Sheet of the table these issues belong to (issues may name their own). */
  sheet: string | null;
  onSelectCell(sheet: string, cell: string): void;
}

/**
 * 问题: 需要您处理 (grouped by severity, counted) and 已自动更正 apart; an issue with a cell is a button that
 * selects it in Excel. The message is shown without its address, which stands beside it.
 */
export function IssuesPanel({ issues, sheet, onSelectCell }: IssuesPanelProps) {
  const s = useStyles();
  const { open, corrected } = issuesByStatus(issues);
  if (issues.length === 0) return <Text>没有发现问题。</Text>;

  const item = (issue: Issue, i: number, tone: Severity | 'corrected', prefix: string) => {
    const target = issue.sheet ?? sheet;
    const cls = mergeClasses(s.item, s[tone], issue.cell && target ? s.clickable : undefined);
    // The accessible name is the visible text (a hidden lead word only adds the severity).
    const body = (
      <>
        <span className={s.cell}>
          <span className={s.hidden}>{prefix} </span>
          {issue.cell ?? '—'}
        </span>
        <span className={s.msg}>{issueText(issue)}</span>
      </>
    );
    return (
      <li key={`${issue.code}-${issue.cell}-${i}`}>
        {issue.cell && target ? (
          <button type="button" className={cls} onClick={() => onSelectCell(target, issue.cell!)}>
            {body}
          </button>
        ) : (
          <div className={cls}>{body}</div>
        )}
      </li>
    );
  };

  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="jx-issues-open">
        <h2 id="jx-issues-open" className={s.h2}>
          需要您处理
          <CounterBadge count={open.length} showZero color={open.length ? 'danger' : 'informative'} appearance="filled" size="small" />
        </h2>
        {open.length === 0 ? (
          <Text>没有需要您处理的问题。</Text>
        ) : (
          groupIssues(open).map((g) => (
            <section key={g.severity} className={s.group} aria-labelledby={`jx-issues-${g.severity}`}>
              <h3 id={`jx-issues-${g.severity}`} className={s.h3}>
                {SEVERITY_LABEL[g.severity]}
                <CounterBadge count={g.issues.length} color={BADGE_COLOR[g.severity]} appearance="filled" size="small" />
              </h3>
              <ul className={s.list}>{g.issues.map((issue, i) => item(issue, i, g.severity, SEVERITY_LABEL[g.severity]))}</ul>
            </section>
          ))
        )}
      </section>
      {corrected.length > 0 && (
        <section className={s.section} aria-labelledby="jx-issues-corrected">
          <h2 id="jx-issues-corrected" className={s.h2}>
            已自动更正
            <CounterBadge count={corrected.length} color="brand" appearance="filled" size="small" />
          </h2>
          <Text size={200}>一键评分已在这些单元格写入计算值（绿色底纹）。如需恢复原填写值，点“撤销评分”。</Text>
          <ul className={s.list}>{corrected.map((issue, i) => item(issue, i, 'corrected', '已自动更正'))}</ul>
        </section>
      )}
    </div>
  );
}
