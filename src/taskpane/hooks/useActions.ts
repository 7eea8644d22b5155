import { staleReportText, type GeneratedSheet } from '../../core/report/staleReports';
import { useCallback, useRef, useState } from 'react';
import type { RuleProfile } from '../../core/profile';
import { replacementSummary, type Replacement } from '../../core/replacements';
import { chooseReportTable, reportableTables } from '../../core/report/reportChoice';
import { NOTHING_TO_SCORE, nothingToScore } from '../../core/tableState';
import { keptNote, replacementKey, type ScoreOutcome, type WorkbookAdapter } from '../../excel/workbookAdapter';
import { downloadBlob } from '../download';
import { capabilitiesOf, openErrorCount, userMessageOf } from '../model';
import type { WorkbookState } from './useWorkbookResult';

export type ActionId = 'score' | 'report' | 'docx' | 'undo' | 'template' | 'clear' | 'select' | 'retire';

export const ACTION_LABEL: Record<ActionId, string> = {
  score: '一键评分',
  report: '生成报告',
  docx: '下载 Word 报告',
  undo: '撤销评分',
  template: '插入空白模板',
  clear: '清除标记（定稿）',
  select: '定位单元格',
  retire: '处理过期报告',
};

export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title: string;
  text: string;
  detail?: string;
  /** Choices the notice offers (a second template copy, …). */
  actions?: NoticeAction[];
}

/** What 一键评分 would replace, waiting for the user's 确认写入. */
export interface Preview {
  summary: string;
  replacements: Replacement[];
}

export interface ActionsState {
  running: ActionId | null;
  notice: Notice | null;
  preview: Preview | null;
  dismiss(): void;
  run(id: Exclude<ActionId, 'select'>, options?: { force?: boolean }): Promise<void>;
  /** Writes what the preview listed. */
  confirm(): Promise<void>;
  cancelPreview(): void;
  /** Shows a scoring outcome that happened elsewhere (the ribbon's 一键评分). */
  adoptScore(out: ScoreOutcome): void;
  selectCell(sheet: string, address: string): Promise<void>;
}

const where = (o: unknown): string | undefined => {
  const x = o as { sheet?: unknown; message?: unknown } | undefined;
  if (x && typeof x.message === 'string') return x.message;
  if (x && typeof x.sheet === 'string') return `已写入工作表“${x.sheet}”。`;
  return undefined;
};

/** The notice for a finished scoring: a warning, never a success, while an error holds the total back. */
export function scoreNotice(out: ScoreOutcome): Notice {
  const tables = out.result.tables.length;
  if (tables === 0) return { intent: 'warning', title: '没有可评分的表格', text: '工作簿中没有找到项目支出绩效自评表，未写入任何内容。' };
  const errors = openErrorCount(out.result);
  if (errors > 0) {
    return {
      intent: 'warning',
      title: '评分未完成',
      text: `已写回 ${out.changed} 个单元格；还有 ${errors} 个错误，总分和等级未写入。请在“问题”中逐条改正后再评分。`,
    };
  }
  if (out.changed === 0) return { intent: 'info', title: '评分完成', text: '计算结果与表中一致，没有需要改动的单元格。' };
  return { intent: 'success', title: '评分完成', text: `已写回 ${out.changed} 个单元格，并标出了有问题的单元格。可用“撤销评分”恢复。` };
}

/** One action at a time: scoring (with its preview), report, undo, template, 定稿; results and failures become a notice. */
export function useActions(adapter: WorkbookAdapter, profile: RuleProfile | null, workbook: WorkbookState): ActionsState {
  const [running, setRunning] = useState<ActionId | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  // A ref, not state, so a double click cannot start two operations before React re-renders.
  const busy = useRef(false);

  const adoptScore = useCallback(
    (out: ScoreOutcome) => {
      workbook.setResult(out.result);
      if (out.pending?.length) {
        setPreview({ summary: replacementSummary(out.pending), replacements: out.pending });
        setNotice(null);
      } else {
        setPreview(null);
        setNotice(scoreNotice(out));
      }
    },
    [workbook],
  );

  const guarded = useCallback(async (id: ActionId, body: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(id);
    setNotice(null);
    try {
      await body();
    } catch (err) {
      const m = userMessageOf(err, `${ACTION_LABEL[id]}没有完成，工作簿未被改动或已恢复原样。请稍后重试。`);
      setNotice({ intent: 'error', title: `${ACTION_LABEL[id]}失败`, text: m.message, detail: m.detail });
    } finally {
      busy.current = false;
      setRunning(null);
    }
  }, []);

  // After an undo: what to do with the report sheets drafted from the undone numbers. An edited one is only
  // ever marked (deleting it would lose the user's text).
  const staleReportActions = (reports: GeneratedSheet[]): NoticeAction[] | undefined => {
    const retire = adapter.retireReports?.bind(adapter);
    if (!reports.length || !retire) return undefined;
    const names = reports.map((r) => r.name);
    const act = (how: 'delete' | 'mark') => () =>
      void guarded('retire', async () => {
        const out = await retire(names, how);
        setNotice({ intent: 'success', title: how === 'delete' ? '已删除过期报告' : '已标为过期', text: out.message });
        await workbook.refresh();
      });
    return [
      ...(reports.some((r) => r.edited) ? [] : [{ label: '删除报告', run: act('delete') }]),
      { label: '标为已过期', run: act('mark') },
      { label: '保留', run: () => setNotice(null) },
    ];
  };

  const run = useCallback(
    async (id: Exclude<ActionId, 'select'>, options: { force?: boolean } = {}) => {
      const caps = capabilitiesOf(adapter);
      const p = profile ?? undefined;
      if (id === 'score') {
        if (workbook.result && nothingToScore(workbook.result)) {
          setPreview(null);
          setNotice({ intent: 'info', title: '还没有可评分的内容', text: NOTHING_TO_SCORE });
          return;
        }
      }
      if (id === 'report' || id === 'docx') {
        // Core's decision, as the adapters and the CLI take it: a table nobody has filled in has no report yet. The
        // Word report is of the selected table, asked for as the adapter will ask.
        const result = workbook.result;
        const choice = !result ? null : id === 'docx' ? chooseReportTable(result, result.tables[workbook.selected]?.sheet) : reportableTables(result);
        if (choice && 'error' in choice && choice.code === 'TABLE_BLANK') {
          setNotice({ intent: 'info', title: '还不能起草报告', text: `${choice.error}未生成任何内容。` });
          return;
        }
      }
      if (id === 'template' && !options.force && workbook.result?.tables.some((t) => t.sheet.startsWith('空白自评表'))) {
        setNotice({
          intent: 'info',
          title: '已有一张空白模板',
          text: '工作簿中已经有“空白自评表”。要再插入一份吗？',
          actions: [
            { label: '再插入一份', run: () => void run('template', { force: true }) },
            { label: '取消', run: () => setNotice(null) },
          ],
        });
        return;
      }
      await guarded(id, async () => {
        if (id === 'score') {
          setPreview(null);
          adoptScore(await adapter.score(p));
        } else if (id === 'undo') {
          const out = await adapter.undo();
          setPreview(null);
          setNotice(
            out.restored === 0
              ? out.message
                ? { intent: 'warning', title: '没有恢复任何单元格', text: out.message }
                : { intent: 'info', title: '没有可撤销的内容', text: '上次评分写入的单元格已全部恢复，或尚未评分。' }
              : {
                  intent: out.message || out.reports?.length ? 'warning' : 'success',
                  title: '已撤销评分',
                  text: `已恢复 ${out.restored} 个单元格的原值。${keptNote(out.kept, out.message)}${staleReportText(out.reports ?? []) ?? ''}`,
                  actions: staleReportActions(out.reports ?? []),
                },
          );
          await workbook.refresh();
        } else if (id === 'report') {
          if (!caps.generateReport || !adapter.generateReport) throw Object.assign(new Error('unsupported'), { userMessage: '此版本尚不能生成报告。' });
          const out = await adapter.generateReport(p);
          setNotice({ intent: 'success', title: '报告已生成', text: where(out) ?? '绩效自评报告已生成。' });
        } else if (id === 'docx') {
          if (!caps.reportDocx || !adapter.reportDocx) throw Object.assign(new Error('unsupported'), { userMessage: '此版本尚不能导出 Word 报告。' });
          const out = await adapter.reportDocx(p, workbook.result?.tables[workbook.selected]?.sheet);
          downloadBlob(out.blob, out.fileName);
          setNotice({ intent: 'success', title: 'Word 报告已生成', text: `已下载“${out.fileName}”（与“生成报告”工作表内容相同）。黄色底纹处请补充后再提交。` });
        } else if (id === 'template') {
          if (!caps.insertTemplate || !adapter.insertTemplate) throw Object.assign(new Error('unsupported'), { userMessage: '此版本尚不能插入模板。' });
          const out = await adapter.insertTemplate();
          setNotice({ intent: 'success', title: '已插入空白模板', text: where(out) ?? '已插入空白的项目支出绩效自评表，填好后点“一键评分”。' });
          await workbook.refresh();
        } else if (id === 'clear') {
          if (!adapter.clearMarks) throw Object.assign(new Error('unsupported'), { userMessage: '此版本尚不能清除标记。' });
          const out = await adapter.clearMarks();
          setNotice({
            intent: 'success',
            title: '已清除标记',
            text: `已去掉 ${out.cells} 个单元格上的底色和批注${out.backupRemoved ? '，并删除了撤销用的备份（此后无法撤销评分）' : ''}。数值保持不变，可以保存报送。`,
          });
          await workbook.refresh();
        }
      });
    },
    [adapter, profile, workbook, guarded, adoptScore],
  );

  const confirm = useCallback(async () => {
    const shown = preview;
    if (!shown) return;
    await guarded('score', async () => {
      const out = await adapter.score(profile ?? undefined, { confirmed: shown.replacements.map(replacementKey) });
      // Something new to replace since the preview was drawn: it is shown again, nothing was written.
      adoptScore(out);
    });
  }, [adapter, profile, preview, guarded, adoptScore]);

  const selectCell = useCallback(
    async (sheet: string, address: string) => {
      try {
        await adapter.selectCell(sheet, address);
      } catch (err) {
        const m = userMessageOf(err, `无法定位到 ${sheet}!${address}，请确认该工作表仍然存在。`);
        setNotice({ intent: 'error', title: '定位失败', text: m.message, detail: m.detail });
      }
    },
    [adapter],
  );

  return { running, notice, preview, dismiss: () => setNotice(null), run, confirm, cancelPreview: () => setPreview(null), adoptScore, selectCell };
}
