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
import { useMemo, useState, type ReactNode } from 'react';
import type { WorkbookAdapter } from '../excel/workbookAdapter';
import { ActionBar } from './components/ActionBar';
import { DetectionPanel } from './components/DetectionPanel';
import { ErrorBoundary } from './components/ErrorBoundary';
import { IssuesPanel } from './components/IssuesPanel';
import { NoticeBar } from './components/NoticeBar';
import { ResultsPanel } from './components/ResultsPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { useActions } from './hooks/useActions';
import { useCommandOutcome } from './hooks/useCommandOutcome';
import { useOfficeTheme } from './hooks/useOfficeTheme';
import { useProfile } from './hooks/useProfile';
import { useWorkbookResult } from './hooks/useWorkbookResult';
import { bodyUnderTitle, capabilitiesOf, countBySeverity, formatScore } from './model';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  root: {
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { overflowX: 'auto' },
  panel: { paddingTop: tokens.spacingVerticalXS, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

type TabId = 'detect' | 'issues' | 'results' | 'settings';

export interface AppProps {
  adapter: WorkbookAdapter;
  /** Office global to take the theme from (tests pass their own). */
  office?: unknown;
}

/** The task pane: everything a user needs when the one-click result needs attention. */
export function App({ adapter, office }: AppProps) {
  const { theme } = useOfficeTheme(office ?? (globalThis as { Office?: unknown }).Office);
  const s = useStyles();
  return (
    <FluentProvider theme={theme}>
      {/* Page background on an inner div: a class on FluentProvider is copied to its portal nodes (tooltips). */}
      <div className={s.page}>
        <ErrorBoundary>
          <Pane adapter={adapter} />
        </ErrorBoundary>
      </div>
    </FluentProvider>
  );
}

function Pane({ adapter }: { adapter: WorkbookAdapter }) {
  const s = useStyles();
  const caps = useMemo(() => capabilitiesOf(adapter), [adapter]);
  const profile = useProfile(adapter);
  const workbook = useWorkbookResult(adapter, profile.profile);
  const actions = useActions(adapter, profile.profile, workbook);
  // What a ribbon command did (the pane is opened on it when it was closed).
  const ribbon = useCommandOutcome(workbook);
  const [tab, setTab] = useState<TabId>('detect');

  const result = workbook.result;
  const table = result?.tables[workbook.selected] ?? null;
  const issues = [...(result?.issues ?? []), ...(table?.issues ?? [])];
  const counts = countBySeverity(issues);
  const firstLoad = result === null && workbook.status !== 'error';
  const busy = actions.running !== null || firstLoad;

  const panel = (id: TabId, children: ReactNode) => (
    <div role="tabpanel" id={`jx-panel-${id}`} aria-labelledby={`jx-tab-${id}`} hidden={tab !== id} tabIndex={0} className={s.panel}>
      {children}
    </div>
  );
  const noTable = <Text>没有找到自评表，请先看“检测”页。</Text>;

  return (
    <main className={s.root} aria-busy={busy}>
      <header className={s.header}>
        <h1 className={s.title}>绩效自评助手</h1>
        {table && (
          <Text size={200} aria-label="当前结果">
            总分 {formatScore(table.totals.score)} · {table.grade ? `等级 ${table.grade}` : '未评级'}
          </Text>
        )}
      </header>

      <ActionBar capabilities={caps} running={actions.running} disabled={firstLoad} hasTable={!!table} onRun={(id) => void actions.run(id)} />

      {ribbon.notice && <NoticeBar notice={ribbon.notice} onDismiss={ribbon.dismiss} />}
      {actions.notice && <NoticeBar notice={actions.notice} onDismiss={actions.dismiss} />}
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
                {`问题（${issues.length}）`}
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
                  onSelect={workbook.select}
                  onInsertTemplate={() => void actions.run('template')}
                />
                <div style={{ marginTop: tokens.spacingVerticalM }}>
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
                  <Text size={200} block>
                    错误 {counts.error} 项，警告 {counts.warning} 项，提示 {counts.info} 项。点一条问题可在表格中选中它所在的单元格。
                  </Text>
                  <IssuesPanel issues={issues} sheet={table?.sheet ?? null} onSelectCell={(sh, c) => void actions.selectCell(sh, c)} />
                </>
              ),
            )}
            {panel('results', table ? <ResultsPanel table={table} /> : noTable)}
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
