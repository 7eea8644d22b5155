import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isBlankTable } from '../core/tableState';
import { lastOutcome, subscribeOutcome, type CommandOutcome } from '../excel/sharedState';
import type { WorkbookAdapter } from '../excel/workbookAdapter';
import { ActionBar } from './components/ActionBar';
import { DetectionPanel } from './components/DetectionPanel';
import { ErrorBoundary } from './components/ErrorBoundary';
import { IssuesPanel } from './components/IssuesPanel';
import { FillLegend } from './components/FillLegend';
import { NoticeBar } from './components/NoticeBar';
import { PreviewPanel } from './components/PreviewPanel';
import { ResultsPanel } from './components/ResultsPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { useActions } from './hooks/useActions';
import { useCommandOutcome } from './hooks/useCommandOutcome';
import { useOfficeTheme } from './hooks/useOfficeTheme';
import { useProfile } from './hooks/useProfile';
import { useWorkbookResult } from './hooks/useWorkbookResult';
import { bodyUnderTitle, capabilitiesOf, countBySeverity, formatScore, issuesByStatus, issueText } from './model';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  todo: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { overflowX: 'auto' },
  // A class's display would override the hidden attribute's display:none: keep hidden panels hidden.
  panel: { paddingTop: tokens.spacingVerticalXS, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalM, minWidth: 0, '&[hidden]': { display: 'none' } },
});

type TabId = 'detect' | 'issues' | 'results' | 'settings';

export interface AppProps {
  adapter: WorkbookAdapter;
  /** Office global to take the theme from (tests pass their own). */
  office?: unknown;
  /**
   * An action to run once the workbook has been read: a host whose ribbon opens the pane for a command
   * (WPS) hands it over here, so the pane runs it and shows its outcome the same way as a click.
   */
  initialAction?: 'score' | 'report' | 'undo';
  /** Where the ribbon commands' outcomes arrive (the shared runtime's store by default). */
  outcomes?: { last(): CommandOutcome | null; subscribe(listener: (o: CommandOutcome) => void): () => void };
}

const SHARED_OUTCOMES = { last: lastOutcome, subscribe: subscribeOutcome };

/** The task pane: everything a user needs when the one-click result needs attention. */
export function App({ adapter, office, initialAction, outcomes = SHARED_OUTCOMES }: AppProps) {
  const { theme } = useOfficeTheme(office ?? (globalThis as { Office?: unknown }).Office);
  const s = useStyles();
  return (
    <FluentProvider theme={theme}>
      {/* Page background on an inner div: a class on FluentProvider is copied to its portal nodes (tooltips). */}
      <div className={s.page}>
        <ErrorBoundary>
          <Pane adapter={adapter} initialAction={initialAction} outcomes={outcomes} />
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}

function Pane({ adapter, initialAction, outcomes }: { adapter: WorkbookAdapter; initialAction?: AppProps['initialAction']; outcomes: NonNullable<AppProps['outcomes']> }) {
  const s = useStyles();
  const caps = useMemo(() => capabilitiesOf(adapter), [adapter]);
  const profile = useProfile(adapter);
  const workbook = useWorkbookResult(adapter, profile.profile);
  const actions = useActions(adapter, profile.profile, workbook);
  // What a ribbon command did (the pane is opened on it when it was closed).
  const ribbon = useCommandOutcome(workbook);
  const [tab, setTab] = useState<TabId>('detect');
  // Where focus was when an action started: it goes back there when its notice is closed.
  const returnFocus = useRef<HTMLElement | null>(null);
  const rootRef = useRef<HTMLElement>(null);

  // The ribbon's 一键评分 publishes its outcome: a preview waiting for 确认写入, or the result, shown here.
  // A ref: the handler changes with every render, the subscription must not.
  const adoptScore = useRef(actions.adoptScore);
  adoptScore.current = actions.adoptScore;
  useEffect(() => {
    const show = (o: CommandOutcome) => {
      if (o.command === 'scoreWorkbook' && o.score) adoptScore.current(o.score);
    };
    const last = outcomes.last();
    if (last && Date.now() - last.at < 60_000) show(last);
    return outcomes.subscribe(show);
  }, [outcomes]);

  const result = workbook.result;
  const table = result?.tables[workbook.selected] ?? null;
  const issues = [...(result?.issues ?? []), ...(table?.issues ?? [])];
  const { open } = issuesByStatus(issues);
  const counts = countBySeverity(open);
  const blank = !!table && isBlankTable(table);
  const firstLoad = result === null && workbook.status !== 'error';
  const busy = actions.running !== null || firstLoad;
  const started = useRef(false);
  useEffect(() => {
    if (!initialAction || firstLoad || started.current) return;
    started.current = true;
    void actions.run(initialAction);
  }, [initialAction, firstLoad, actions]);

  const runAction: typeof actions.run = (id, o) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return actions.run(id, o);
  };
  const dismiss = () => {
    actions.dismiss();
    const back = returnFocus.current;
    const target = back && back.isConnected ? back : rootRef.current?.querySelector<HTMLElement>('[role="toolbar"] button');
    // After React has removed the notice.
    setTimeout(() => target?.focus(), 0);
  };

  const panel = (id: TabId, children: ReactNode) => (
    <div role="tabpanel" id={`jx-panel-${id}`} aria-labelledby={`jx-tab-${id}`} hidden={tab !== id} className={s.panel}>
      {children}
    </div>
  );
  const noTable = <Text>没有找到自评表，请先看“检测”页。</Text>;

  return (
    <main className={s.root} aria-busy={busy} ref={rootRef}>
      <header className={s.header}>
        <h1 className={s.title}>绩效自评助手</h1>
        {table && (
          <Text size={200}>
            {blank ? '待填写' : table.grade ? `总分 ${formatScore(table.totals.score)} · 等级 ${table.grade}` : '总分未定 · 未评级'}
          </Text>
        )}
      </header>

      <ActionBar capabilities={caps} running={actions.running} disabled={firstLoad} hasTable={!!table} undoable={result?.undoable} onRun={(id) => void runAction(id)} />

      {ribbon.notice && <NoticeBar notice={ribbon.notice} onDismiss={ribbon.dismiss} />}
      {actions.preview && (
        <PreviewPanel
          preview={actions.preview}
          busy={actions.running !== null}
          onConfirm={() => void actions.confirm()}
          onCancel={actions.cancelPreview}
          onSelectCell={(sh, c) => void actions.selectCell(sh, c)}
        />
      )}
      {actions.notice && <NoticeBar notice={actions.notice} onDismiss={dismiss} />}
      {profile.loadError && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{profile.loadError}</MessageBarBody>
        </MessageBar>
      )}
      {workbook.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>读取工作簿失败</MessageBarTitle>
            {bodyUnderTitle('读取工作簿失败', workbook.error.message)}
            {workbook.error.detail && <div>详细信息：{workbook.error.detail}</div>}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void workbook.refresh()} disabled={workbook.status === 'loading'}>
              重新检测
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {firstLoad ? (
        <Spinner label="正在读取工作簿…" />
      ) : (
        result && (
          <>
            <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label="内容" size="small">
              <Tab id="jx-tab-detect" value="detect" aria-controls="jx-panel-detect">
                检测
              </Tab>
              <Tab id="jx-tab-issues" value="issues" aria-controls="jx-panel-issues">
                {blank ? '问题（待填写）' : `问题（${open.length}）`}
              </Tab>
              <Tab id="jx-tab-results" value="results" aria-controls="jx-panel-results">
                评分结果
              </Tab>
              <Tab id="jx-tab-settings" value="settings" aria-controls="jx-panel-settings">
                设置
              </Tab>
            </TabList>
            {panel(
              'detect',
              <>
                <DetectionPanel
                  result={result}
                  selected={workbook.selected}
                  activeSheet={workbook.activeSheet}
                  capabilities={caps}
                  busy={busy}
                  onSelect={(i) => {
                    workbook.select(i);
                    // Choosing a table shows it in Excel too: its first cell selected.
                    const t = result.tables[i];
                    if (t) void actions.selectCell(t.sheet, t.range.split(':')[0]);
                  }}
                  onInsertTemplate={() => void runAction('template')}
                />
                <div>
                  <Button size="small" onClick={() => void workbook.refresh()} disabled={busy || workbook.status === 'loading'}>
                    {workbook.status === 'loading' ? '检测中…' : '重新检测'}
                  </Button>
                </div>
              </>,
            )}
            {panel(
              'issues',
              issues.length === 0 && !table ? (
                noTable
              ) : (
                <>
                  <div className={s.row}>
                    <Text size={200}>
                      {blank ? '表格尚未填写。' : `需要处理：错误 ${counts.error} 项，警告 ${counts.warning} 项，提示 ${counts.info} 项。`}
                    </Text>
                    <Button size="small" onClick={() => void workbook.refresh()} disabled={busy || workbook.status === 'loading'}>
                      {workbook.status === 'loading' ? '检查中…' : '重新检查'}
                    </Button>
                  </div>
                  {blank ? (
                    <>
                      <h2 className={s.title} style={{ fontSize: tokens.fontSizeBase400 }}>
                        待填写
                      </h2>
                      <ul className={s.todo}>
                        {issues.filter((i) => i.cell).map((i, k) => (
                          <li key={`${i.cell}-${k}`}>
                            <Button appearance="transparent" size="small" onClick={() => void actions.selectCell(i.sheet ?? table!.sheet, i.cell!)}>
                              {i.cell}：{issueText(i).replace(/为空。.*$/, '')}（待填写）
                            </Button>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <IssuesPanel issues={issues} sheet={table?.sheet ?? null} onSelectCell={(sh, c) => void actions.selectCell(sh, c)} />
                  )}
                  <FillLegend />
                </>
              ),
            )}
            {panel(
              'results',
              table ? (
                <ResultsPanel table={table} onSelectCell={(sh, c) => void actions.selectCell(sh, c)} />
              ) : (
                noTable
              ),
            )}
          </>
        )
      )}
      {/* Settings stay mounted (hidden) so a half-typed form survives switching tabs. */}
      {!firstLoad &&
        result &&
        profile.profile &&
        panel('settings', <SettingsPanel profile={profile.profile} saving={profile.saving} disabled={actions.running !== null} onSave={profile.save} />)}
    </main>
  );
}
