import { CounterBadge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../../core/result';
import { groupIssues, SEVERITY_LABEL } from '../model';

const useStyles = makeStyles({
  root: { display: 'grid', rowGap: tokens.spacingVerticalM },
  group: { display: 'grid', rowGap: tokens.spacingVerticalXS },
  h: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
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
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  msg: { overflowWrap: 'anywhere' },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'important' | 'informative'> = { error: 'danger', warning: 'important', info: 'informative' };

export interface IssuesPanelProps {
  issues: Issue[];
  /** Sheet of the table these issues belong to (issues may name their own). */
  sheet: string | null;
  onSelectCell(sheet: string, cell: string): void;
}

/** 问题: grouped by severity with counts; an issue with a cell is a button that selects it in Excel. */
export function IssuesPanel({ issues, sheet, onSelectCell }: IssuesPanelProps) {
  const s = useStyles();
  const groups = groupIssues(issues);
  if (groups.length === 0) return <Text>没有发现问题。</Text>;
  return (
    <div className={s.root}>
      {groups.map((g) => (
        <section key={g.severity} className={s.group} aria-labelledby={`jx-issues-${g.severity}`}>
          <h3 id={`jx-issues-${g.severity}`} className={s.h}>
            {SEVERITY_LABEL[g.severity]}
            <CounterBadge count={g.issues.length} color={BADGE_COLOR[g.severity]} appearance="filled" size="small" aria-label={`${g.issues.length} 项`} />
          </h3>
          <ul className={s.list}>
            {g.issues.map((issue, i) => {
              const target = issue.sheet ?? sheet;
              const cls = mergeClasses(s.item, s[issue.severity], issue.cell && target ? s.clickable : undefined);
              const body = (
                <>
                  <span className={s.cell}>{issue.cell ?? '—'}</span>
                  <span className={s.msg}>{issue.message}</span>
                </>
              );
              return (
                <li key={`${issue.code}-${issue.cell}-${i}`}>
                  {issue.cell && target ? (
                    <button
                      type="button"
                      className={cls}
                      title={`在 Excel 中选中 ${target}!${issue.cell}`}
                      aria-label={`${SEVERITY_LABEL[issue.severity]} ${issue.cell}：${issue.message}`}
                      onClick={() => onSelectCell(target, issue.cell!)}
                    >
                      {body}
                    </button>
                  ) : (
                    <div className={cls}>{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
