import { useCallback, useEffect, useRef, useState } from 'react';
import type { RuleProfile } from '../../core/profile';
import type { WorkbookResult } from '../../core/result';
import type { WorkbookAdapter } from '../../excel/workbookAdapter';
import { tableIndexForSheet, userMessageOf } from '../model';

export interface WorkbookState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  result: WorkbookResult | null;
  /** Index into result.tables of the table shown. */
  selected: number;
  activeSheet: string | null;
  error: { message: string; detail?: string } | null;
  select(index: number): void;
  /** Read and evaluate again (keeps showing the last result meanwhile). */
  refresh(): Promise<void>;
  /** Take a result produced elsewhere (by scoring). */
  setResult(result: WorkbookResult): void;
}

/**
 * Analyzes the workbook once the profile is known, again when the profile changes, and when the user
 * switches sheets (they may have edited meanwhile); shows the table on the sheet the user is on.
 */
export function useWorkbookResult(adapter: WorkbookAdapter, profile: RuleProfile | null): WorkbookState {
  const [status, setStatus] = useState<WorkbookState['status']>('idle');
  const [result, setResultState] = useState<WorkbookResult | null>(null);
  const [selected, setSelected] = useState(0);
  const [activeSheet, setActiveSheet] = useState<string | null>(null);
  const [error, setError] = useState<WorkbookState['error']>(null);
  // Only the latest request may update the state: an older, slower analysis must not win.
  const request = useRef(0);
  const profileRef = useRef(profile);
  profileRef.current = profile;

  const adopt = useCallback((r: WorkbookResult, sheet: string | null) => {
    setResultState(r);
    setSelected((prev) => {
      const onSheet = tableIndexForSheet(r.tables, sheet);
      if (onSheet >= 0) return onSheet;
      return prev < r.tables.length ? prev : 0;
    });
  }, []);

  const analyze = useCallback(
    async (sheet?: string | null) => {
      const id = ++request.current;
      setStatus('loading');
      try {
        const [r, active] = await Promise.all([
          adapter.analyze(profileRef.current ?? undefined),
          sheet !== undefined ? Promise.resolve(sheet) : adapter.activeSheet().catch(() => null),
        ]);
        if (id !== request.current) return;
        setActiveSheet(active);
        adopt(r, active);
        setError(null);
        setStatus('ready');
      } catch (err) {
        if (id !== request.current) return;
        setError(userMessageOf(err, '无法读取工作簿，请确认工作簿已打开且未处于单元格编辑状态，然后点“重新检测”。'));
        setStatus('error');
      }
    },
    [adapter, adopt],
  );

  useEffect(() => {
    if (profile) void analyze();
  }, [profile, analyze]);

  useEffect(() => {
    let unsubscribe: (() => void) | null = null;
    let live = true;
    adapter
      .onSheetActivated((sheet) => {
        if (!live) return;
        setActiveSheet(sheet);
        if (profileRef.current) void analyze(sheet);
      })
      .then(
        (off) => {
          if (live) unsubscribe = off;
          else off();
        },
        () => {
          // Following the active sheet is a convenience: without the event the pane still works.
        },
      );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [adapter, analyze]);

  const setResult = useCallback(
    (r: WorkbookResult) => {
      request.current++;
      adopt(r, null);
      setError(null);
      setStatus('ready');
    },
    [adopt],
  );

  // The user's edits: the adapter delivers a burst of them once, and only while the pane shows (edits made
  // while it was hidden arrive once when it shows: workbookAdapter's onCellsChanged): re-check on each delivery.
  useEffect(() => {
    if (!adapter.onCellsChanged) return;
    let unsubscribe: (() => void) | null = null;
    let live = true;
    adapter
      .onCellsChanged(() => {
        if (live && profileRef.current) void analyze();
      })
      .then(
        (off) => {
          if (live) unsubscribe = off;
          else off();
        },
        () => {
          // Without change events the 重新检查 button still re-checks.
        },
      );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [adapter, analyze]);

  const refresh = useCallback(() => analyze(), [analyze]);

  return { status, result, selected, activeSheet, error, select: setSelected, refresh, setResult };
}
