/**
 * An in-memory test double of the subset of the Excel JavaScript API that jixiao uses.
 * Browser-safe (no Node APIs): the pane's demo page and the e2e tests inject it as window.Excel/Office.
 *
 * Supported surface (anything else is absent, so a call to it fails loudly):
 *
 *   Excel.run(batch), Excel.run(objectOrContext, batch)   a final sync runs queued operations
 *   context.sync()                        executes the queue in order, then makes loaded properties readable
 *   context.workbook
 *     .readOnly, .protection.protected    (load)
 *     .worksheets                          getItem(nameOrId), getItemOrNullObject, add(name), load('items/…'),
 *                                          .items, getActiveWorksheet(), onActivated.add(handler) → { remove() },
 *                                          onChanged.add(handler) (1.9) → { remove() }: raised for the user's edits
 *                                          (userEdits) and for values/formulas an add-in writes, after the sync
 *     .notes   (ExcelApi 1.18)             add(cellAddress, content), getItem/getItemOrNullObject(address),
 *                                          load('items/content'), .items; Note: content, delete(), getLocation()
 *     .comments (ExcelApi 1.10)            the same shape as notes (Comment: content, delete(), getLocation());
 *                                          getItemByCell(address)
 *                                          A cell holds a note or a threaded comment, never both: add() of either kind on a
 *                                          cell with one fails (InvalidOperation; annotationProxies.ts cites the pages)
 *   Worksheet: name, id, visibility (Visible | Hidden | VeryHidden, settable), position, protection.protected,
 *              getRange(address?), getCell(r, c), getUsedRange(valuesOnly?), getUsedRangeOrNullObject(valuesOnly?),
 *              activate(), delete()
 *   Range: address, rowIndex, columnIndex, rowCount, columnCount, values, text, formulas, numberFormat
 *          (load; values/formulas/numberFormat settable with a 2D array or one scalar), isNullObject,
 *          getCell, getResizedRange, getIntersection, getIntersectionOrNullObject, getMergedAreasOrNullObject (RangeAreas:
 *          address, areaCount), getCellProperties({ format: { fill: { color, pattern } } }), select(), clear(),
 *          format.fill.color (set/load), format.fill.clear(),
 *          format.columnWidth / rowHeight (points) / wrapText / horizontalAlignment / verticalAlignment (set/load),
 *          format.font.bold/italic/size/name/color (set/load; null when mixed), format.borders.getItem(edge)
 *          .style/.weight/.color, format.protection.locked (1.2), merge(across?), unmerge(),
 *          dataValidation.rule/prompt/errorAlert/ignoreBlanks/clear() (1.8; Excel's text-length limits)
 *   Worksheet (more): getRangeByIndexes (1.7), freezePanes.freezeRows/freezeColumns/freezeAt/unfreeze (1.7),
 *          pageLayout.paperSize/orientation/*Margin/zoom (1.9), tabColor (1.7), charts.add(type, range, seriesBy)
 *          → Chart: title.text, setPosition(start, end), delete(); notes (1.18) add("A1" | Range, content); comments (1.10)
 *   The user's structural edits (no sync; structuralEdits.ts, as Excel makes them): wb.insertRows(sheet, row, count),
 *          wb.deleteRows(sheet, row, count), wb.insertColumns(sheet, column, count), wb.deleteColumns(sheet, column, count),
 *          wb.sortRows(sheet, firstRow, lastRow, order), wb.renameSheet(old, new), wb.moveSheet(name, index) — 1-based
 *          Excel rows and columns (column 1 = A); Range.insert(Down | Right) and Range.delete(Up | Left) on whole rows or
 *          columns ("3:5", "C:D") make the same edits.
 *   Inspection (no sync): wb.mergesList(sheet), wb.formatOf(sheet, a1), wb.validationAt(sheet, a1), and on
 *          wb.sheet(name): formats, columnWidths, rowHeights, validations, freeze, pageLayout, charts, tabColor.
 *   OfficeExtension.Error (code, message, debugInfo), Office.onReady, Office.context.requirements.isSetSupported,
 *   Office.context.officeTheme, Office.context.document.settings (get/set/remove/saveAsync),
 *   Office.actions.associate, Office.addin.showAsTaskpane/hide/onVisibilityModeChanged (paneMode),
 *   Office.addin.getStartupBehavior/setStartupBehavior (startupBehavior: "None" | "Load"),
 *   Office.context.ui.displayDialogAsync; Excel.run(options, batch) with delayForCellEdit (ExcelApi 1.11).
 *
 * Semantics kept from Office: reading a property that was not loaded and synced throws PropertyNotLoaded;
 * *OrNullObject results expose isNullObject after the sync that resolved them (no load needed); a 2D array
 * whose size differs from the range's is refused with InvalidArgument (a single scalar is applied to every
 * cell; the fake also refuses a 1×1 array on a larger range, which recent hosts broadcast but the reference
 * does not promise); the APIs of newer requirement sets fail with ApiNotFound when the set is not supported; a failing operation rejects sync() and the
 * operations queued before it stay applied (no rollback). Counters: syncCount, bytesRead (response),
 * bytesWritten (request), bytesTransferred (both), per-sync payload limits (5 MB by default).
 * Failures: injectFailure({ onSync, code, afterOps }), cellEditMode, readOnly, protected sheets (AccessDenied).
 * Formulas are not evaluated: a written formula takes the value given by `evaluator`, or the value the cell
 * last had under that formula.
 *
 * Split by proxy family: fakeWorkbook.ts (the model), requestContext.ts and proxyBase.ts (sync, load),
 * worksheetProxies.ts, rangeProxies.ts, annotationProxies.ts, structuralEdits.ts (the user's row and sheet
 * edits), fakeOffice.ts (builders and installation). This module is the public face.
 */
export {
  DEFAULT_PAGE_LAYOUT,
  FakeOfficeError,
  FakeWorkbook,
  formatText,
  qualify,
  type BorderSide,
  type FakeAnnotation,
  type FakeBorder,
  type FakeCell,
  type FakeCellFormat,
  type FakeChangedEventArgs,
  type FakeChart,
  type FakePageLayout,
  type FakeSheet,
  type FakeValidation,
  type FakeWorkbookOptions,
  type InjectedFailure,
  type Scalar,
  type WriteRecord,
} from './fakeWorkbook';
export { createFakeOffice, fakeFromCells, fakeWorkbookFromGrids, installFakeOffice, uninstallFakeOffice, type FakeOffice } from './fakeOffice';
