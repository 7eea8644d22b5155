import { useCallback, useRef, useState } from 'react';
import type { RuleProfile } from '../../core/profile';
import { keptNote, type WorkbookAdapter } from '../../excel/workbookAdapter';
import { downloadBlob } from '../download';
import { capabilitiesOf, userMessageOf } from '../model';
import type { WorkbookState } from './useWorkbookResult';

export type ActionId = 'score' | 'report' | 'docx' | 'undo' | 'template' | 'select';

export const ACTION_LABEL: Record<ActionId, string> = {
  score: '一键评分',
  report: '生成报告',
  docx: '下载 Word 报告',
  undo: '撤销评分',
  template: '插入空白模板',
  select: '定位单元格',
};

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  title: string;
  text: string;
  detail?: string;
}

export interface ActionsState {
  running: ActionId | null;
  notice: Notice | null;
  dismiss(): void;
  run(id: Exclude<ActionId, 'select'>): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
}

const where = (o: unknown): string | undefined => {
  const x = o as { sheet?: unknown; message?: unknown } | undefined;
  if (x && typeof x.message === 'string') return x.message;
  if (x && typeof x.sheet === 'string') return `已写入工作表“${x.sheet}”。`;
  return undefined;
};

/** One action at a time: scoring, report, undo, template; results and failures become a notice. */
export function useActions(adapter: WorkbookAdapter, profile: RuleProfile | null, workbook: WorkbookState): ActionsState {
  const [running, setRunning] = useState<ActionId | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A ref, not state, so a double click cannot start two operations before React re-renders.
  const busy = useRef(false);

  const run = useCallback(
    async (id: Exclude<ActionId, 'select'>) => {
      if (busy.current) return;
      const caps = capabilitiesOf(adapter);
      busy.current = true;
      setRunning(id);
      setNotice(null);
      const p = profile ?? undefined;
      try {
        if (id === 'score') {
          const out = await adapter.score(p);
          workbook.setResult(out.result);
          const tables = out.result.tables.length;
          setNotice(
            tables === 0
              ? { intent: 'warning', title: '没有可评分的表格', text: '工作簿中没有找到项目支出绩效自评表，未写入任何内容。' }
              : out.changed === 0
                ? { intent: 'info', title: '评分完成', text: '计算结果与表中一致，没有需要改动的单元格。' }
                : { intent: 'success', title: '评分完成', text: `已写回 ${out.changed} 个单元格，并标出了有问题的单元格。可用“撤销评分”恢复。` },
          );
        } else if (id === 'undo') {
          const out = await adapter.undo();
          setNotice(
            out.restored === 0
              ? out.message
                ? { intent: 'warning', title: '没有恢复任何单元格', text: out.message }
                : { intent: 'info', title: '没有可撤销的内容', text: '上次评分写入的单元格已全部恢复，或尚未评分。' }
              : { intent: out.message ? 'warning' : 'success', title: '已撤销评分', text: `已恢复 ${out.restored} 个单元格的原值。${keptNote(out.kept, out.message)}` },
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
        }
      } catch (err) {
        const m = userMessageOf(err, `${ACTION_LABEL[id]}没有完成，工作簿未被改动或已恢复原样。请稍后重试。`);
        setNotice({ intent: 'error', title: `${ACTION_LABEL[id]}失败`, text: m.message, detail: m.detail });
      } finally {
        busy.current = false;
        setRunning(null);
      }
    },
    [adapter, profile, workbook],
  );

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

  return { running, notice, dismiss: () => setNotice(null), run, selectCell };
}
