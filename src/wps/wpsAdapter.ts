/**
 * The WPS 表格 implementation of WorkbookAdapter, the same interface the pane and the ribbon use over
 * Office.js. WPS calls are synchronous: the workbook is read (readEt.ts), core decides everything
 * (planScoring / planUndo: originals behind earlier output, writes, marks, stale marks, the backup,
 * statuses), and this file only translates core's change list into ET property assignments.
 * The backup and the profile live in the same very hidden sheets as with the Office add-in
 * (_jixiao_backup, _jixiao_settings), and notes are legacy comments — the kind Excel calls notes —
 * so a workbook scored in WPS undoes in Excel and the reverse.
 */
import { backupRows, newBackupId, parseBackup, type Backup, type CellState } from '../core/backup';
import { STALE_TAB_COLOR, generatedSheets, retiredMessage, staleSheetName } from '../core/report/staleReports';
import { planScoring, type CellChange, type WorkbookState } from '../core/changeList';
import { evaluateWorkbook } from '../core/engine';
import { NATIONAL_PROFILE, parseProfile, type RuleProfile } from '../core/profile';
import type { WorkbookResult } from '../core/result';
import { planUndo, type UndoScope, type UnplacedCell } from '../core/undoPlan';
import { cellKey } from '../core/address';
import { cellLiteral } from '../core/cellLiteral';
import { allConfirmed, type ScoreOptions, type ScoreOutcome, type UndoOutcome, type WorkbookAdapter } from '../excel/workbookAdapter';
import { draftReport } from '../core/report/draft';
import { chooseReportTable, reportableTables, type ReportTableRequest } from '../core/report/reportChoice';
import { decideReportTarget, findingsSheetName, findingsSheetSpec, reportSheetNames, reportSheetSpec } from '../core/report/reportSheet';
import { DEFAULT_TEMPLATE_NAME, TEMPLATE_TITLES, defaultTemplateYear, templateAddresses, templateSpec, uniqueSheetName, type TemplateLayout } from '../core/template';
import { applySheetSpecEt } from './applySheetSpecEt';
import { XL_NONE, type EtApplication, type EtWorkbook, type EtWorksheet, type WpsGlobal } from './etApi';
import { BACKUP_SHEET, SETTINGS_SHEET, bgrOf, fillOf, readComments, readEtWorkbook, workbookOf, type EtSnapshot, type NumfmtLoader } from './readEt';
import { deleteHelperSheet, findSheet, writeHelperSheet } from './wpsWorkbook';

/** A refusal or failure, in Chinese, for the pane's notice (never a stack trace). */
export class WpsAdapterError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

export interface WpsScoreOutcome extends ScoreOutcome {
  messages: string[];
}

export interface WpsUndoOutcome extends UndoOutcome {
  skipped: number;
  unplaced: UnplacedCell[];
}

/** The host state core asks for: grids, fills read lazily cell by cell (a synchronous host), comments. */
function workbookState(snap: EtSnapshot): WorkbookState {
  const sheetOf = (name: string) => snap.sheetObjects.get(name) ?? null;
  const fills = new Map<string, string | null>();
  const notes = [];
  for (const g of snap.grids) {
    const ws = sheetOf(g.name);
    if (ws) for (const [address, content] of readComments(ws)) notes.push({ sheet: g.name, address, content });
  }
  return {
    grids: snap.grids,
    fillAt(sheet, address) {
      const k = cellKey(sheet, address);
      if (!fills.has(k)) {
        const ws = sheetOf(sheet);
        fills.set(k, ws ? fillOf(ws.Range(address)) : null);
      }
      return fills.get(k);
    },
    notes,
    // AddComment makes a legacy comment: what Excel (ExcelApi 1.18, exceljs) calls a note.
    annotationKind: 'notes',
    backup: parseBackup(snap.backupRows),
  };
}

/** One cell's fields as core decided them: format before value, then fill, then the comment. */
function applyCellState(ws: EtWorksheet, address: string, next: CellState, currentNote: string | null): void {
  const range = ws.Range(address);
  if ('numberFormat' in next && next.numberFormat !== undefined) range.NumberFormat = next.numberFormat;
  if ('value' in next || 'formula' in next) {
    if (next.formula) range.Formula = `=${next.formula}`;
    else range.Value2 = cellLiteral(next.value);
  }
  if ('fill' in next) {
    if (next.fill) range.Interior.Color = bgrOf(next.fill);
    else range.Interior.Pattern = XL_NONE;
  }
  if ('note' in next && (next.note ?? null) !== currentNote) {
    // One comment per cell, and AddComment fails on a cell that has one [VBA-Comment]: clear, then add.
    if (currentNote !== null) range.ClearComments();
    if (next.note) range.AddComment(next.note);
  }
}

function applyChanges(sheets: Map<string, EtWorksheet>, changes: { sheet: string; address: string; next: CellState; note: string | null }[]): void {
  for (const c of changes) {
    const ws = sheets.get(c.sheet);
    if (!ws) throw new WpsAdapterError('SHEET_MISSING', `找不到工作表“${c.sheet}”，未写入。`);
    applyCellState(ws, c.address, c.next, c.note);
  }
}

/** Refuses, before any write, what WPS would refuse half-way. */
function assertWritable(wb: EtWorkbook, snap: EtSnapshot, sheets: string[], needsNewSheet: boolean): void {
  if (snap.readOnly) throw new WpsAdapterError('WORKBOOK_READ_ONLY', '工作簿以只读方式打开，无法写入评分结果。请另存一份副本后重试。');
  const locked = snap.sheets.filter((s) => s.protected && sheets.includes(s.name)).map((s) => s.name);
  if (locked.length) throw new WpsAdapterError('SHEET_PROTECTED', `工作表“${locked.join('”“')}”受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。`);
  if (needsNewSheet && snap.structureProtected) {
    throw new WpsAdapterError('STRUCTURE_PROTECTED', '工作簿结构受保护，无法新建用于撤销的备份工作表，未写入任何内容。请在“审阅”选项卡中取消“保护工作簿”后重试。');
  }
  void wb;
}

function toUserError(e: unknown, doing: string): WpsAdapterError {
  if (e instanceof WpsAdapterError) return e;
  // A host exception's text is English or internal: the user gets what failed and what to do.
  return new WpsAdapterError('HOST_ERROR', `${doing}失败：WPS 表格拒绝了这次操作。请确认没有正在编辑的单元格、工作簿未受保护，然后重试。`);
}

export class WpsWorkbookAdapter implements WorkbookAdapter {
  lastMessages: string[] = [];

  /**
   * `app`: WPS 表格's Application (wps.EtApplication() in an add-in page); `wps`: the page's wps global,
   * for events; `numfmt`: the number-format renderer's loader (see readEt.ts).
   */
  constructor(
    private readonly app: EtApplication,
    private readonly wps?: Pick<WpsGlobal, 'ApiEvent'>,
    private readonly numfmt?: NumfmtLoader,
  ) {}

  private read(doing: string, options: { skipGrids?: boolean } = {}): EtSnapshot {
    try {
      const snap = readEtWorkbook(this.app, { ...options, numfmt: this.numfmt });
      this.lastMessages = snap.messages;
      return snap;
    } catch (e) {
      throw toUserError(e, doing);
    }
  }

  private profileOf(snap: EtSnapshot): RuleProfile {
    if (!snap.settingsJson) return NATIONAL_PROFILE;
    try {
      return parseProfile(JSON.parse(snap.settingsJson));
    } catch {
      // A damaged saved profile must not block scoring: the national rules apply.
      return NATIONAL_PROFILE;
    }
  }

  async analyze(profile?: RuleProfile): Promise<WorkbookResult> {
    const snap = this.read('读取工作簿');
    const result = evaluateWorkbook(snap.grids, profile ?? this.profileOf(snap), { backup: parseBackup(snap.backupRows) });
    return { ...result, undoable: snap.backupRows !== null };
  }

  async score(profile?: RuleProfile, options: ScoreOptions = {}): Promise<WpsScoreOutcome> {
    const snap = this.read('一键评分');
    const wb = workbookOf(this.app);
    const p = profile ?? this.profileOf(snap);
    const decided = planScoring(workbookState(snap), p, newBackupId());
    const { result, plan, changes, replacements } = decided;
    if (!allConfirmed(replacements, options.confirmed)) {
      // As in Excel: nothing is written over what the user typed until the pane's preview is confirmed.
      return { result: { ...decided.resultAsIs(), undoable: snap.backupRows !== null }, plan, changed: 0, syncs: 0, messages: snap.messages, pending: replacements };
    }
    if (changes.length && decided.backup) {
      const backupExisted = snap.backupRows !== null;
      assertWritable(wb, snap, [...new Set(changes.map((c) => c.sheet))], !backupExisted);
      // Backup first: if a cell write fails below, undo (or the recovery here) can restore.
      this.writeBackup(wb, snap, decided.backup);
      try {
        applyChanges(snap.sheetObjects, changes.map((c) => ({ sheet: c.sheet, address: c.address, next: c.after, note: c.current.note ?? null })));
      } catch (e) {
        const cause = toUserError(e, '写入评分结果');
        throw new WpsAdapterError(cause.code, `${cause.userMessage}${this.recover(wb, snap, changes)}`);
      }
    }
    if (options.select) this.selectOutcome(result);
    return { result: { ...result, undoable: snap.backupRows !== null || changes.length > 0 }, plan, changed: changes.length, syncs: 0, messages: snap.messages };
  }

  /** Puts every changed field and the old backup back; says how that went. */
  private recover(wb: EtWorkbook, snap: EtSnapshot, changes: CellChange[]): string {
    try {
      const notes = new Map<string, string | null>();
      for (const c of changes) {
        const ws = snap.sheetObjects.get(c.sheet);
        notes.set(cellKey(c.sheet, c.address), ws ? (ws.Range(c.address).Comment?.Text() ?? null) : null);
      }
      applyChanges(snap.sheetObjects, changes.map((c) => ({ sheet: c.sheet, address: c.address, next: c.before, note: notes.get(cellKey(c.sheet, c.address)) ?? null })));
      const previous = parseBackup(snap.backupRows);
      if (previous) this.writeBackup(wb, snap, previous);
      else deleteHelperSheet(wb, BACKUP_SHEET);
      return '工作簿已恢复到评分前的状态。';
    } catch {
      return '部分单元格可能已写入，请点击“撤销评分”恢复。';
    }
  }

  private writeBackup(wb: EtWorkbook, snap: EtSnapshot, backup: Backup): void {
    writeHelperSheet(wb, BACKUP_SHEET, backupRows(backup), snap.sheetObjects.get(BACKUP_SHEET) ?? null);
  }

  async undo(scope?: UndoScope): Promise<WpsUndoOutcome> {
    const snap = this.read('撤销评分');
    const wb = workbookOf(this.app);
    const undo = planUndo(workbookState(snap), scope);
    const none = { restored: 0, syncs: 0, skipped: undo.unplaced.length, unplaced: undo.unplaced, kept: 0, message: undo.message };
    if (!undo.found) return none;
    if (undo.changes.length) assertWritable(wb, snap, [...new Set(undo.changes.map((c) => c.sheet))], false);
    try {
      applyChanges(snap.sheetObjects, undo.changes.map((c) => ({ sheet: c.sheet, address: c.address, next: c.after, note: c.current.note ?? null })));
      if (undo.remaining) this.writeBackup(wb, snap, undo.remaining);
      else deleteHelperSheet(wb, BACKUP_SHEET, snap.sheetObjects.get(BACKUP_SHEET) ?? null);
    } catch (e) {
      throw toUserError(e, '撤销评分');
    }
    // As in Excel: report sheets drafted from the scored numbers are stale now; the pane offers what to do.
    return { ...none, restored: undo.restored, kept: undo.kept, reports: undo.restored > 0 ? generatedSheets(snap.grids) : [] };
  }

  /** Deletes the stale report sheets, or renames them （已过期） with a grey tab (Worksheet.Tab.Color, BGR). */
  async retireReports(names: string[], how: 'delete' | 'mark'): Promise<{ sheets: string[]; message: string }> {
    const wb = workbookOf(this.app);
    const done: string[] = [];
    try {
      const taken: string[] = [];
      for (let i = 1; i <= wb.Worksheets.Count; i++) taken.push(wb.Worksheets.Item(i).Name);
      for (const name of names) {
        const ws = findSheet(wb, name);
        if (!ws) continue;
        if (how === 'delete') {
          // Removed the way our helper sheets are (hidden, then deleted).
          deleteHelperSheet(wb, name, ws);
          done.push(name);
        } else {
          const next = staleSheetName(name, taken);
          taken.push(next);
          ws.Name = next;
          ws.Tab.Color = bgrOf(STALE_TAB_COLOR);
          done.push(next);
        }
      }
    } catch (e) {
      throw toUserError(e, how === 'delete' ? '删除过期报告' : '标记过期报告');
    }
    return { sheets: done, message: retiredMessage(done, how) };
  }

  /** The grade (or total) cell of the first table, selected: where the user sees the outcome. */
  private selectOutcome(result: WorkbookResult): void {
    const t = result.tables[0];
    const address = t?.totals.gradeCell ?? t?.totals.scoreCell;
    if (!t || !address) return;
    try {
      const ws = findSheet(workbookOf(this.app), t.sheet);
      ws?.Activate();
      ws?.Range(address).Select();
    } catch {
      // Selecting is a courtesy: the scoring is done.
    }
  }

  /**
   * 生成报告: one 绩效自评报告 sheet per table, from the same evaluation the pane shows; an unedited
   * earlier draft is replaced, an edited one kept and a new sheet made beside it (core decides which).
   */
  async generateReport(profile?: RuleProfile): Promise<{ sheet?: string; message: string; sheets: string[] }> {
    const snap = this.read('生成报告');
    const p = profile ?? this.profileOf(snap);
    const result = evaluateWorkbook(snap.grids, p, { backup: parseBackup(snap.backupRows) });
    const reportable = reportableTables(result);
    if ('error' in reportable) throw new WpsAdapterError(reportable.code, reportable.error);
    const tables = reportable.tables;
    if (snap.structureProtected) throw new WpsAdapterError('STRUCTURE_PROTECTED', '工作簿结构受保护，无法新建报告工作表。请在“审阅”选项卡中取消“保护工作簿”后重试。');
    const wb = workbookOf(this.app);
    const names = reportSheetNames(tables);
    const existing = snap.grids.map((grid) => ({ name: grid.name, grid }));
    const written: string[] = [];
    try {
      tables.forEach((table, i) => {
        const draft = draftReport(table, p, { grid: snap.grids.find((g) => g.name === table.sheet) });
        // The report, then its 填报问题清单 beside it (the tool's findings never go into the report's body).
        const sheets = [
          { base: names[i], spec: (name: string) => reportSheetSpec(draft, table, name) },
          { base: findingsSheetName(names[i]), spec: (name: string) => findingsSheetSpec(draft, name) },
        ];
        sheets.forEach((sheet, k) => {
          const target = decideReportTarget(existing, sheet.base);
          const name = 'replace' in target ? target.replace : target.create;
          applySheetSpecEt(wb, sheet.spec(name), { replace: 'replace' in target });
          existing.push({ name, grid: { name, cells: [], merges: [] } });
          if (k === 0) written.push(name);
        });
      });
      // Worksheets.Add makes each new sheet the active one [VBA-Sheets]: show the first report, as Excel does.
      findSheet(wb, written[0])?.Activate();
    } catch (e) {
      throw toUserError(e, '生成报告');
    }
    return { sheet: written[0], message: `已生成“${written.join('”“')}”。黄色底纹处为表格无法得知的内容，请补充后再提交。${reportable.skipped ?? ''}`, sheets: written };
  }

  /**
   * The report of one table as a .docx, built in the pane's page by the host-free renderer (the docx
   * library loads only when asked). With several tables and none named, nothing is picked silently.
   */
  async reportDocx(profile?: RuleProfile, table?: ReportTableRequest): Promise<{ fileName: string; blob: Blob }> {
    const snap = this.read('生成报告');
    const p = profile ?? this.profileOf(snap);
    const result = evaluateWorkbook(snap.grids, p, { backup: parseBackup(snap.backupRows) });
    const choice = chooseReportTable(result, table);
    if ('error' in choice) throw new WpsAdapterError(choice.code, choice.error);
    const chosen = choice.table;
    const { reportDocxBlob } = await import(/* webpackChunkName: "report-docx" */ '../report/docx');
    const blob = await reportDocxBlob(draftReport(chosen, p, { grid: snap.grids.find((g) => g.name === chosen.sheet) }));
    return { fileName: choice.fileName, blob };
  }

  /** 插入空白模板: a new sheet with the official blank table, activated at 项目名称. */
  async insertTemplate(layout: TemplateLayout = 'national'): Promise<{ sheet: string; message: string }> {
    const snap = this.read('插入空白模板', { skipGrids: true });
    if (snap.structureProtected) throw new WpsAdapterError('STRUCTURE_PROTECTED', '工作簿结构受保护，无法插入新工作表。请在“审阅”选项卡中取消“保护工作簿”后重试。');
    const year = defaultTemplateYear(new Date());
    const name = uniqueSheetName(DEFAULT_TEMPLATE_NAME, snap.sheets.map((s) => s.name));
    try {
      const wb = workbookOf(this.app);
      applySheetSpecEt(wb, templateSpec({ layout, year, name }), { activate: true });
      findSheet(wb, name)?.Range(templateAddresses(layout).projectName).Select();
    } catch (e) {
      throw toUserError(e, '插入空白模板');
    }
    return { sheet: name, message: `已插入“${name}”（${TEMPLATE_TITLES[layout]}，${year}年度）。请填写浅黄色单元格，完成后点击“一键评分”。` };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    try {
      const ws = findSheet(workbookOf(this.app), sheet);
      if (!ws) throw new WpsAdapterError('SHEET_MISSING', `找不到工作表“${sheet}”。`);
      ws.Activate();
      ws.Range(address).Select();
    } catch (e) {
      throw toUserError(e, '定位单元格');
    }
  }

  async loadProfile(): Promise<RuleProfile> {
    return this.profileOf(this.read('读取评分规则', { skipGrids: true }));
  }

  async saveProfile(profile: RuleProfile): Promise<void> {
    const checked = parseProfile(profile);
    try {
      const snap = this.read('保存评分规则', { skipGrids: true });
      writeHelperSheet(workbookOf(this.app), SETTINGS_SHEET, [JSON.stringify(checked)], snap.sheetObjects.get(SETTINGS_SHEET) ?? null);
    } catch (e) {
      throw toUserError(e, '保存评分规则');
    }
  }

  async activeSheet(): Promise<string> {
    return workbookOf(this.app).ActiveSheet.Name;
  }

  async onSheetActivated(callback: (sheet: string) => void): Promise<() => void> {
    const events = this.wps?.ApiEvent;
    if (!events) return () => undefined;
    // [WPS-Types]: ApiEvent.AddApiEventListener('SheetActivate', (WorkSheet) => …).
    const handler = (sheet: unknown) => {
      try {
        callback((sheet as EtWorksheet).Name);
      } catch {
        // A sheet deleted right after activation: nothing to report.
      }
    };
    events.AddApiEventListener('SheetActivate', handler);
    return () => events.RemoveApiEventListener('SheetActivate');
  }
}
