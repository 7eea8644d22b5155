/**
 * The Office.js implementation of WorkbookAdapter: read (2 syncs) → engine → backup + write (1 sync).
 * Nothing here decides what a score is; it only moves Grids in and the engine's write plan out.
 */
import { evaluateWorkbook } from '../core/engine';
import { parseProfile, type RuleProfile } from '../core/profile';
import { LEGACY_PROFILE_SETTING, legacyProfile, loadSavedProfile, removeLegacyProfile, writeProfileSheet } from './profileSheet';
import { parseSavedProfile } from '../core/savedProfile';
import type { WorkbookResult } from '../core/result';
import type { WritePlan } from '../core/writePlan';
import { newBackupId, parseBackup, type Backup } from '../core/backup';
import { planScoring, type CellChange } from '../core/changeList';
import { cellKey } from '../core/address';
import { planUndo, type UndoScope, type UnplacedCell } from '../core/undoPlan';
import { queueCellState, queueChanges, workbookState, type DeferredComment } from './queueChanges';
import { addDeferredComments } from './deferredComments';
import { queueBackupClear, queueBackupWrite } from './backupSheet';
import { annotationKind, readSnapshot, type ReadOptions, type WorkbookSnapshot } from './readGrids';
import { AdapterError, Session, supports, toAdapterError } from './session';
import { whileVisible } from './paneVisibility';
import { allConfirmed, type ScoreOptions, type ScoreOutcome, type UndoOutcome, type WorkbookAdapter } from './workbookAdapter';
import { cleanCells, type MarkedCell } from '../core/finalCopy';
import type { CellState } from '../core/backup';
import { draftReport } from '../core/report/draft';
import { chooseReportTable, reportableTables, type ReportTableRequest } from '../core/report/reportChoice';
import { decideReportTarget, findingsSheetName, findingsSheetSpec, reportSheetNames, reportSheetSpec } from '../core/report/reportSheet';
import { applySheetSpec } from './applySheetSpec';
import { STALE_TAB_COLOR, generatedSheets, retiredMessage, staleSheetName } from '../core/report/staleReports';
import { insertTemplateInContext } from './insertTemplate';

/** The document-settings key earlier versions saved the profile under (read once, then moved). */
export const PROFILE_SETTING = LEGACY_PROFILE_SETTING;

export interface OfficeScoreOutcome extends ScoreOutcome {
  /** Degradations the user should know of (regions cut to stay under the payload limit…). */
  messages: string[];
  /** The cell selected afterwards, when asked. */
  selected?: { sheet: string; address: string } | null;
}

export interface OfficeUndoOutcome extends UndoOutcome {
  /** Backup entries that could not be placed, so were not restored (they stay in the backup). */
  skipped: number;
  unplaced: UnplacedCell[];
}

export class OfficeWorkbookAdapter implements WorkbookAdapter {
  /** Syncs of the last operation, and its degradation messages. */
  lastSyncs = 0;
  lastMessages: string[] = [];
  /** Where the last loaded profile came from, and why a saved one could not be used (Chinese). */
  profileSource: 'sheet' | 'documentSettings' | 'none' = 'none';
  profileWarning: string | null = null;

  constructor(private readonly readOptions: Partial<ReadOptions> = {}) {}

  async analyze(profile?: RuleProfile): Promise<WorkbookResult> {
    return this.run('读取工作簿', async (session) => {
      const snap = await readSnapshot(session, { backup: true, ...this.readOptions });
      this.lastMessages = snap.messages;
      const result = evaluateWorkbook(snap.grids, profile ?? this.rulesOf(snap), { backup: parseBackup(snap.backupRows) });
      return { ...result, undoable: snap.backupExists };
    });
  }

  async score(profile?: RuleProfile, options: ScoreOptions = {}): Promise<OfficeScoreOutcome> {
    const id = newBackupId();
    let pending: { changes: CellChange[]; previousRows: string[] | null; backupExisted: boolean } | null = null;
    try {
      return await this.run('一键评分', async (session) => {
        const { context } = session;
        const snap = await readSnapshot(session, { fills: true, annotations: annotationKind(), backup: true, ...this.readOptions });
        this.lastMessages = snap.messages;
        const p = profile ?? this.rulesOf(snap);
        // Core decides everything (originals behind our earlier output, writes, marks, stale marks, the
        // new backup, statuses); this only translates its change list into one batch.
        const decided = planScoring(workbookState(snap, parseBackup(snap.backupRows)), p, id);
        const { result, plan, changes, replacements } = decided;
        if (!allConfirmed(replacements, options.confirmed)) {
          // Nothing is written until the user has seen and confirmed every replacement of what they typed;
          // the statuses shown meanwhile are those of the cells as they are.
          return { result: { ...decided.resultAsIs(), undoable: snap.backupExists }, plan, changed: 0, syncs: session.syncs, messages: snap.messages, selected: null, pending: replacements };
        }

        let deferred: DeferredComment[] = [];
        if (changes.length && decided.backup) {
          assertWritable(snap, [...new Set(changes.map((c) => c.sheet))], !snap.backupExists);
          // Backup first: if anything below fails, the batch stops after it and undo can restore.
          queueBackupWrite(context, decided.backup, snap.backupExists, snap.backupRows?.length ?? 0);
          deferred = queueChanges(context, changes, snap);
        }
        const selected = options.select ? selectionTarget(result, plan) : null;
        if (selected) {
          const ws = context.workbook.worksheets.getItem(selected.sheet);
          ws.activate();
          ws.getRange(selected.address).select();
        }
        if (changes.length || selected) {
          if (changes.length) pending = { changes, previousRows: snap.backupRows, backupExisted: snap.backupExists };
          await session.sync();
          snap.messages.push(...(await addDeferredComments(session, deferred)));
        }
        return { result: { ...result, undoable: snap.backupExists || changes.length > 0 }, plan, changed: changes.length, syncs: session.syncs, messages: snap.messages, selected };
      });
    } catch (e) {
      if (!pending) throw toAdapterError(e, '一键评分');
      // The write batch failed part-way: put every changed cell and the old backup back as they were.
      const cause = toAdapterError(e instanceof AdapterError && e.raw !== undefined ? e.raw : e, '写入评分结果');
      let outcome: string;
      try {
        await this.recover(pending);
        outcome = '工作簿已恢复到评分前的状态。';
      } catch {
        outcome = '部分单元格可能已写入，请点击“撤销评分”恢复。';
      }
      throw new AdapterError(cause.code, `${cause.userMessage}${outcome}`, cause.officeCode);
    }
  }

  /** Undoes a half-applied scoring from memory: each changed field back to its state before, the old backup back. */
  private async recover(p: { changes: CellChange[]; previousRows: string[] | null; backupExisted: boolean }): Promise<void> {
    await this.run('恢复', async (session) => {
      const { context } = session;
      const snap = await readSnapshot(session, { skipGrids: true, annotations: annotationKind(), backup: true });
      const sheets = new Map<string, Excel.Worksheet>();
      const deferred: DeferredComment[] = [];
      for (const c of p.changes) queueCellState(context, sheets, snap, c.sheet, c.address, c.before, deferred);
      const previous = parseBackup(p.previousRows);
      if (previous) queueBackupWrite(context, previous, snap.backupExists, snap.backupRows?.length ?? 0);
      else if (snap.backupExists && !p.backupExisted) queueBackupClear(context, snap.structureProtected);
      await session.sync();
      await addDeferredComments(session, deferred);
    });
  }

  /** 撤销评分: core places every backed-up cell where its thing is now; only the scope's table when given. */
  async undo(scope?: UndoScope): Promise<OfficeUndoOutcome> {
    return this.run('撤销评分', async (session) => {
      const { context } = session;
      // Grids and fills come along (same 2 syncs): core places entries by what the cells hold and
      // leaves what the user changed since.
      const snap = await readSnapshot(session, { fills: true, annotations: annotationKind(), backup: true, ...this.readOptions });
      const backup = parseBackup(snap.backupRows);
      const undo = planUndo(workbookState(snap, backup), scope);
      const none = { restored: 0, syncs: session.syncs, skipped: undo.unplaced.length, unplaced: undo.unplaced, kept: 0, message: undo.message + unseenNotesNote(snap, backup) };
      if (!undo.found) return none;
      if (undo.changes.length) assertWritable(snap, [...new Set(undo.changes.map((c) => c.sheet))], false);
      const deferred = queueChanges(context, undo.changes, snap);
      if (undo.remaining) queueBackupWrite(context, undo.remaining, snap.backupExists, snap.backupRows?.length ?? 0);
      else queueBackupClear(context, snap.structureProtected);
      await session.sync();
      this.lastMessages = [...snap.messages, ...(await addDeferredComments(session, deferred))];
      // Report sheets drafted from the scored numbers are stale now: the pane offers to delete or mark them.
      const reports = undo.restored > 0 ? generatedSheets(snap.grids) : [];
      return { ...none, restored: undo.restored, kept: undo.kept, syncs: session.syncs, reports };
    });
  }

  /**
   * After an undo, what the user chose for the stale report sheets: delete them, or rename them with
   * （已过期） and a grey tab (tabColor is ExcelApi 1.7; older hosts get the name only). Sheets already gone
   * are skipped.
   */
  async retireReports(names: string[], how: 'delete' | 'mark'): Promise<{ sheets: string[]; message: string }> {
    return this.run(how === 'delete' ? '删除过期报告' : '标记过期报告', async (session) => {
      const sheets = session.context.workbook.worksheets.load('items/name');
      await session.sync();
      const taken = sheets.items.map((ws) => ws.name);
      const done: string[] = [];
      for (const name of names) {
        const ws = sheets.items.find((x) => x.name === name);
        if (!ws) continue;
        if (how === 'delete') {
          ws.delete();
          done.push(name);
        } else {
          const next = staleSheetName(name, taken);
          taken.push(next);
          ws.name = next;
          if (supports('ExcelApi', '1.7')) ws.tabColor = STALE_TAB_COLOR;
          done.push(next);
        }
      }
      if (done.length) await session.sync();
      return { sheets: done, message: retiredMessage(done, how) };
    });
  }

  /**
   * 生成报告: one 绩效自评报告 sheet per table, drafted from the same evaluation the pane shows
   * (original stated values, not our written ones). An unedited earlier draft is replaced; an edited
   * one is kept and a new sheet is made beside it.
   */
  async generateReport(profile?: RuleProfile): Promise<{ sheet?: string; message: string; sheets: string[] }> {
    return this.run('生成报告', async (session) => {
      const snap = await readSnapshot(session, { backup: true, ...this.readOptions });
      const p = profile ?? this.rulesOf(snap);
      const result = evaluateWorkbook(snap.grids, p, { backup: parseBackup(snap.backupRows) });
      const reportable = reportableTables(result);
      if ('error' in reportable) throw new AdapterError(reportable.code, reportable.error);
      const tables = reportable.tables;
      const names = reportSheetNames(tables);
      const existing = snap.grids.map((grid) => ({ name: grid.name, grid }));
      const written: string[] = [];
      for (let i = 0; i < tables.length; i++) {
        const table = tables[i];
        const draft = draftReport(table, p, { grid: snap.grids.find((g) => g.name === table.sheet) });
        // The report, then its 填报问题清单 beside it (the tool's findings never go into the report's body).
        const sheets = [
          { base: names[i], spec: (name: string) => reportSheetSpec(draft, table, name) },
          { base: findingsSheetName(names[i]), spec: (name: string) => findingsSheetSpec(draft, name) },
        ];
        for (const [k, sheet] of sheets.entries()) {
          const target = decideReportTarget(existing, sheet.base);
          const name = 'replace' in target ? target.replace : target.create;
          const applied = await applySheetSpec(session.context, sheet.spec(name), { replace: 'replace' in target, activate: i === 0 && k === 0 });
          // The applier syncs on the context itself: count its syncs in this operation's.
          session.syncs += applied.syncs;
          existing.push({ name, grid: { name, cells: [], merges: [] } });
          if (k === 0) written.push(name);
        }
      }
      const message = `已生成“${written.join('”“')}”。黄色底纹处为表格无法得知的内容，请补充后再提交。${reportable.skipped ?? ''}`;
      return { sheet: written[0], message, sheets: written };
    });
  }

  /**
   * The report of one table as a .docx (the docx library is loaded only when asked, to keep the pane
   * small). `table` names it: its sheet, or { sheet, range } where a sheet holds several. With several
   * tables and none named, nothing is picked silently: the error lists them, for the pane to ask.
   */
  async reportDocx(profile?: RuleProfile, table?: ReportTableRequest): Promise<{ fileName: string; blob: Blob }> {
    const { result, grids, p } = await this.run('读取工作簿', async (session) => {
      const snap = await readSnapshot(session, { backup: true, ...this.readOptions });
      // The workbook's saved profile unless one is passed, as every other operation reads it.
      const rules = profile ?? this.rulesOf(snap);
      return { result: evaluateWorkbook(snap.grids, rules, { backup: parseBackup(snap.backupRows) }), grids: snap.grids, p: rules };
    });
    const choice = chooseReportTable(result, table);
    if ('error' in choice) throw new AdapterError(choice.code, choice.error);
    const chosen = choice.table;
    const { reportDocxBlob } = await import(/* webpackChunkName: "report-docx" */ '../report/docx');
    const blob = await reportDocxBlob(draftReport(chosen, p, { grid: grids.find((g) => g.name === chosen.sheet) }));
    return { fileName: choice.fileName, blob };
  }

  /** 插入空白模板: a new sheet with the official blank table, activated at 项目名称. */
  async insertTemplate(layout: 'national' | 'transfer' = 'national'): Promise<{ sheet: string; message: string }> {
    return this.run('插入空白模板', async (session) => {
      const out = await insertTemplateInContext(session.context, { layout });
      session.syncs += out.syncs;
      return { sheet: out.sheet, message: out.message };
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run('定位单元格', async (session) => {
      const ws = session.context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await session.sync();
    });
  }

  /** The rules the last read used when none was given: the saved profile read with the grids. */
  private lastRules: RuleProfile = parseProfile(undefined);

  /** The workbook's saved profile from a snapshot (else one left in document settings, else national). */
  private rulesOf(snap: WorkbookSnapshot): RuleProfile {
    const saved = snap.savedProfile !== undefined ? parseSavedProfile(snap.savedProfile) : (legacyProfile() ?? { status: 'none' as const });
    this.profileWarning = saved.status === 'invalid' ? saved.message : null;
    this.lastRules = saved.status === 'ok' ? saved.profile : parseProfile(undefined);
    return this.lastRules;
  }

  /**
   * The profile saved in the workbook (sheet `_jixiao_settings`, A1), moving one an earlier version left in
   * document settings into the sheet. Never fails: an unreadable or damaged profile means the national rules,
   * and `profileWarning` says why.
   */
  async loadProfile(): Promise<RuleProfile> {
    this.profileWarning = null;
    try {
      const loaded = await this.run('读取评分规则', (session) => loadSavedProfile(session));
      this.profileSource = loaded.from;
      if (loaded.saved.status === 'ok') return loaded.saved.profile;
      if (loaded.saved.status === 'invalid') this.profileWarning = loaded.saved.message;
    } catch {
      // No workbook to read (or a host too old): the national rules, as before.
    }
    return parseProfile(undefined);
  }

  /** Saves the profile into the very hidden sheet `_jixiao_settings` (every front end reads it there). */
  async saveProfile(profile: RuleProfile): Promise<void> {
    const checked = parseProfile(profile);
    await this.run('保存评分规则', (session) => writeProfileSheet(session, checked));
    this.profileSource = 'sheet';
    await removeLegacyProfile();
  }

  /**
   * 清除标记（定稿）: our fills back to what they were (the backup knows), our part of every note removed, the
   * backup deleted — values stay. One read, one write.
   */
  async clearMarks(): Promise<{ cells: number; backupRemoved: boolean }> {
    return this.run('清除标记', async (session) => {
      const { context } = session;
      const snap = await readSnapshot(session, { fills: true, annotations: annotationKind(), backup: true, ...this.readOptions });
      const backup = parseBackup(snap.backupRows);
      const fillBefore = new Map<string, string | null>();
      for (const e of backup?.entries ?? []) if ('fill' in e.before) fillBefore.set(cellKey(e.sheet, e.address), e.before.fill ?? null);
      const cells = new Map<string, MarkedCell>();
      const at = (k: string) => {
        const bang = k.lastIndexOf('!');
        const c = cells.get(k) ?? { sheet: k.slice(0, bang), address: k.slice(bang + 1), fill: null, note: null };
        cells.set(k, c);
        return c;
      };
      for (const [k, fill] of snap.fills ?? []) if (fill) at(k).fill = fill;
      for (const [k, a] of snap.annotations ?? []) at(k).note = a.content;
      const clean = cleanCells([...cells.values()], fillBefore);
      const present = new Set(snap.sheets.map((x) => x.name));
      const sheets = new Map<string, Excel.Worksheet>();
      const deferred: DeferredComment[] = [];
      for (const c of clean) {
        if (!present.has(c.sheet)) continue;
        const next: CellState = {};
        if ('fill' in c) next.fill = c.fill ?? null;
        if ('note' in c) next.note = c.note ?? null;
        queueCellState(context, sheets, snap, c.sheet, c.address, next, deferred);
      }
      if (snap.backupExists) queueBackupClear(context, snap.structureProtected);
      if (clean.length || snap.backupExists) {
        await session.sync();
        this.lastMessages = [...snap.messages, ...(await addDeferredComments(session, deferred))];
      }
      return { cells: clean.length, backupRemoved: snap.backupExists };
    });
  }

  /**
   * The user's edits, on any sheet: WorksheetCollection.onChanged (ExcelApi 1.9). Changes this add-in wrote
   * itself (triggerSource ThisLocalAddin, ExcelApi 1.14) are left out: the pane already knows of them. Quiet
   * while the pane is hidden, and a burst of edits re-checks once (whileVisible).
   */
  async onCellsChanged(callback: (sheet: string) => void): Promise<() => void> {
    if (!supports('ExcelApi', '1.9')) return () => undefined;
    return this.followSheets<Excel.WorksheetChangedEventArgs>(
      '监听单元格修改',
      (sheets, handler) => sheets.onChanged.add(handler),
      callback,
      (args) => (args as { triggerSource?: string }).triggerSource !== 'ThisLocalAddin',
    );
  }

  async activeSheet(): Promise<string> {
    return this.run('读取当前工作表', async (session) => {
      const ws = session.context.workbook.worksheets.getActiveWorksheet().load('name');
      await session.sync();
      return ws.name;
    });
  }

  async onSheetActivated(callback: (sheet: string) => void): Promise<() => void> {
    // WorksheetCollection.onActivated is ExcelApi 1.7: older hosts simply do not follow the active sheet.
    if (!supports('ExcelApi', '1.7')) return () => undefined;
    // Quiet when hidden: in the shared runtime the closed pane stays loaded; a switch of sheets then only
    // matters once the pane shows again (the latest one, once), and a burst of switches reads once.
    return this.followSheets<Excel.WorksheetActivatedEventArgs>('监听工作表切换', (sheets, handler) => sheets.onActivated.add(handler), callback);
  }

  /**
   * A worksheet-collection event delivered as the sheet's name, only while the pane shows and once per burst
   * (whileVisible); `wanted` filters the events. Resolves to the unsubscriber.
   */
  private async followSheets<A extends { worksheetId: string }>(
    doing: string,
    subscribe: (sheets: Excel.WorksheetCollection, handler: (args: A) => Promise<void>) => OfficeExtension.EventHandlerResult<A>,
    callback: (sheet: string) => void,
    wanted: (args: A) => boolean = () => true,
  ): Promise<() => void> {
    const deliver = whileVisible<string>(async (worksheetId) => {
      try {
        const name = await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(worksheetId).load('name');
          await context.sync();
          return ws.name;
        });
        callback(name);
      } catch {
        // The sheet was deleted meanwhile: nothing to report.
      }
    });
    const handler = async (args: A) => {
      if (wanted(args)) deliver.fire(args.worksheetId);
    };
    const registration = await this.run(doing, async (session) => {
      const r = subscribe(session.context.workbook.worksheets, handler);
      await session.sync();
      return r;
    });
    return () => {
      deliver.dispose();
      void Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }

  private async run<T>(doing: string, body: (session: Session) => Promise<T>): Promise<T> {
    let session: Session | undefined;
    const batch = async (context: Excel.RequestContext) => {
      session = new Session(context);
      return body(session);
    };
    try {
      // In cell edit mode a batch fails at once unless it asks to wait for the edit to end (Microsoft Learn,
      // "Excel.RunOptions interface", delayForCellEdit, ExcelApi 1.11); older hosts get CELL_EDIT_MODE's message.
      return await (supports('ExcelApi', '1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch));
    } catch (e) {
      throw toAdapterError(e, doing);
    } finally {
      this.lastSyncs = session?.syncs ?? 0;
    }
  }
}

/**
 * A scoring on a host with notes (ExcelApi 1.18) wrote its findings as notes, one on ExcelApi 1.10–1.17 as
 * threaded comments; a host that cannot read that kind (no NoteCollection below 1.18, no CommentCollection
 * below 1.10) cannot take them out: say so rather than report a clean undo.
 */
function unseenNotesNote(snap: WorkbookSnapshot, backup: Backup | null): string {
  const kind = backup?.annotationKind;
  if (!backup || !kind || snap.annotationsRead.includes(kind)) return '';
  if (!backup.entries.some((e) => !!e.after.note)) return '';
  const name = kind === 'notes' ? '注释' : '批注';
  const where = kind === 'notes' ? 'Microsoft 365 版 Excel（版本 2501 及以后）' : 'Excel 2019 及以后或 Microsoft 365 版 Excel';
  return `评分时的问题说明写在单元格“${name}”里，当前 Excel 版本读不到${name}，撤销没能去掉它们：请在${where}中撤销，或在“审阅”选项卡中删除这些${name}。`;
}

/** Refuses, before any write, what Office would refuse half-way. */
function assertWritable(snap: WorkbookSnapshot, sheets: string[], needsNewSheet: boolean): void {
  if (snap.readOnly) {
    throw new AdapterError('WORKBOOK_READ_ONLY', '工作簿以只读方式打开，无法写入评分结果。请点击“编辑工作簿”或另存一份副本后重试。');
  }
  const locked = snap.sheets.filter((s) => s.protected && sheets.includes(s.name)).map((s) => s.name);
  if (locked.length) {
    throw new AdapterError(
      'SHEET_PROTECTED',
      `工作表“${locked.join('”“')}”受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。`,
    );
  }
  if (needsNewSheet && snap.structureProtected) {
    throw new AdapterError(
      'STRUCTURE_PROTECTED',
      '工作簿结构受保护，无法新建用于撤销的备份工作表，未写入任何内容。请在“审阅”选项卡中点击“保护工作簿”取消结构保护后重试。',
    );
  }
}

/** The grade cell of the first table (else its total), where the user sees the outcome. */
export function selectionTarget(result: WorkbookResult, plan?: WritePlan): { sheet: string; address: string } | null {
  const t = result.tables[0];
  if (!t) return null;
  // On a first scoring the grade cell is only known from the plan (the label is written now).
  const planned = plan?.writes.find((w) => w.sheet === t.sheet && w.role === 'grade')?.address;
  const address = t.totals.gradeCell ?? planned ?? t.totals.scoreCell;
  return address ? { sheet: t.sheet, address } : null;
}

export type { WritePlan };
