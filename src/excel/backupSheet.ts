/**
 * The backup sheet through Office.js: the backup itself (its entries, anchors and merging) is core's
 * (src/core/backup.ts); this only queues writing its rows into the very-hidden sheet, or removing it.
 */
import { BACKUP_SHEET, backupRows, type Backup } from '../core/backup';

/**
 * Queues the backup write (before any cell write of the same batch): the sheet is created very hidden
 * when missing, rows are written from A1, and rows left over from a longer older backup are cleared.
 */
export function queueBackupWrite(context: Excel.RequestContext, backup: Backup, exists: boolean, oldRowCount: number): void {
  const rows = backupRows(backup);
  let sheet: Excel.Worksheet;
  if (exists) sheet = context.workbook.worksheets.getItem(BACKUP_SHEET);
  else {
    sheet = context.workbook.worksheets.add(BACKUP_SHEET);
    sheet.visibility = Excel.SheetVisibility.veryHidden;
  }
  sheet.getRange(`A1:A${rows.length}`).values = rows.map((r) => [r]);
  if (oldRowCount > rows.length) sheet.getRange(`A${rows.length + 1}:A${oldRowCount}`).clear();
}

/** Queues removal of the backup: the sheet is deleted, or emptied when the workbook structure is protected. */
export function queueBackupClear(context: Excel.RequestContext, structureProtected: boolean): void {
  const sheet = context.workbook.worksheets.getItem(BACKUP_SHEET);
  if (structureProtected) sheet.getRange().clear();
  else {
    // Worksheet.delete() fails (InvalidOperation) on a "VeryHidden" sheet, by design (office-js#365):
    // it must be made merely hidden first, in the same batch.
    sheet.visibility = Excel.SheetVisibility.hidden;
    sheet.delete();
  }
}
