/**
 * Sheet-level helpers over the ET object model: find a sheet by name without the exception Item()
 * raises for a missing one, and keep our helper sheets (backup, profile) very hidden, as the Office
 * add-in does, so a workbook scored in WPS undoes in Excel and the reverse.
 */
import { XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, type EtApplication, type EtWorkbook, type EtWorksheet } from './etApi';
import { BACKUP_SHEET, rectOfRange, workbookOf } from './readEt';

/** The sheet of that name, or null: walking the collection, since Item(name) throws when absent [VBA-Sheets]. */
export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  for (let i = 1; i <= n; i++) {
    const s = sheets.Item(i);
    if (s.Name === name) return s;
  }
  return null;
}

export function hasBackupSheet(app: EtApplication): boolean {
  const wb = app.ActiveWorkbook;
  return !!wb && findSheet(wb, BACKUP_SHEET) !== null;
}

/**
 * Writes text rows into column A of a very hidden helper sheet (created after the last sheet when
 * missing), clearing rows a longer earlier content left. One Value2 write for the block [VBA-Value].
 */
export function writeHelperSheet(wb: EtWorkbook, name: string, rows: string[], known?: EtWorksheet | null): void {
  let sheet = known === undefined ? findSheet(wb, name) : known;
  if (!sheet) {
    const sheets = wb.Worksheets;
    sheet = sheets.Add(null, sheets.Item(sheets.Count));
    sheet.Name = name;
    sheet.Visible = XL_SHEET_VERY_HIDDEN;
  }
  const used = rectOfRange(sheet.UsedRange);
  const height = Math.max(rows.length, used.left === 0 ? used.bottom + 1 : 0);
  const block = Array.from({ length: height }, (_, i) => [i < rows.length ? rows[i] : null]);
  if (height) sheet.Range(`A1:A${height}`).Value2 = block;
}

/** Removes a helper sheet: made merely hidden first, then deleted. */
export function deleteHelperSheet(wb: EtWorkbook, name: string, known?: EtWorksheet | null): void {
  const sheet = known === undefined ? findSheet(wb, name) : known;
  if (!sheet) return;
  sheet.Visible = XL_SHEET_HIDDEN;
  sheet.Delete();
}

export { workbookOf };
