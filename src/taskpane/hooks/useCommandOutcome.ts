import { useEffect, useState } from 'react';
import { lastOutcome, subscribeOutcome, type CommandName, type CommandOutcome } from '../../excel/sharedState';
import type { Notice } from './useActions';
import type { WorkbookState } from './useWorkbookResult';

const LABEL: Record<CommandName, string> = { scoreWorkbook: '一键评分', undoScoring: '撤销评分', generateReport: '生成报告' };

/** What the pane shows for a ribbon command's outcome. */
export function noticeOf(outcome: CommandOutcome): Notice {
  const label = LABEL[outcome.command];
  if (!outcome.ok) return { intent: 'error', title: `${label}失败`, text: outcome.message };
  const warn = outcome.command === 'scoreWorkbook' && ((outcome.errors ?? 0) > 0 || !outcome.score?.result.tables.length);
  return { intent: warn ? 'warning' : 'success', title: `功能区“${label}”`, text: outcome.message };
}

/**
 * The ribbon commands' outcomes in the pane (shared runtime: one module state). A command run while the pane
 * was closed opens it (src/commands), and this shows what happened: the scoring's result is adopted as is,
 * an undo or a report makes the pane read the workbook again.
 */
export function useCommandOutcome(workbook: Pick<WorkbookState, 'setResult' | 'refresh'>): { notice: Notice | null; dismiss(): void } {
  const [notice, setNotice] = useState<Notice | null>(() => {
    const last = lastOutcome();
    return last ? noticeOf(last) : null;
  });
  const { setResult, refresh } = workbook;
  useEffect(
    () =>
      subscribeOutcome((outcome) => {
        setNotice(noticeOf(outcome));
        if (outcome.score) setResult(outcome.score.result);
        else if (outcome.ok) void refresh();
      }),
    [setResult, refresh],
  );
  return { notice, dismiss: () => setNotice(null) };
}
