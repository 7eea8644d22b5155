/**
 * The part of WPS 表格's JavaScript API (the "ET" object model of WPS 加载项) this add-in uses, as
 * TypeScript types. WPS models it on Excel's VBA object model: the same object and member names,
 * called synchronously, one call at a time, from the add-in's own page (`window.Application`).
 *
 * Sources (each member below names the one it follows):
 * - [ET-Value]      airsheet.wps.cn/docs/apiV2/excel/workbook/Range/方法/Value 方法.html — in the JS API
 *                   `Value` is a method; "给单元格赋值也可以用 Range.Value2 属性": we use Value2 only.
 * - [VBA-Value]     learn.microsoft.com/office/vba/api/excel.range.value — a multi-cell range gives a
 *                   2-dimensional array; assigning a 2-D array writes the block in one operation.
 * - [VBA-Value2]    learn.microsoft.com/office/vba/api/excel.range.value2 — as Value, with dates and
 *                   currency as plain doubles (serials), which is what the engine reads.
 * - [VBA-Formula]   learn.microsoft.com/office/vba/api/excel.range.formula — a constant cell gives its
 *                   constant; a multi-cell range gives a 2-D array.
 * - [VBA-NumFmt]    learn.microsoft.com/office/vba/api/excel.range.numberformat — Null when the cells
 *                   of a range do not all have the same format.
 * - [VBA-Merge]     learn.microsoft.com/office/vba/api/excel.range.mergecells (Null when mixed) and
 *                   excel.range.mergearea (the merged range containing a single cell).
 * - [VBA-Interior]  learn.microsoft.com/office/vba/api/excel.interior.color — a colour made with RGB(),
 *                   i.e. red + green·256 + blue·65536 (BGR order as a number); excel.interior.pattern —
 *                   xlPatternNone (-4142) for no fill; excel.interior.colorindex — xlColorIndexNone (-4142).
 * - [VBA-Comment]   learn.microsoft.com/office/vba/api/excel.range.addcomment ("an error occurs if the
 *                   cell already has a comment"), excel.range.comment (Nothing when none),
 *                   excel.comment.text (a method), excel.range.clearcomments, excel.worksheet.comments.
 * - [VBA-Visible]   learn.microsoft.com/office/vba/api/excel.worksheet.visible and XlSheetVisibility:
 *                   xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2.
 * - [VBA-Protect]   learn.microsoft.com/office/vba/api/excel.worksheet.protectcontents,
 *                   excel.workbook.protectstructure, excel.workbook.readonly.
 * - [VBA-Used]      learn.microsoft.com/office/vba/api/excel.worksheet.usedrange; excel.range.row /
 *                   excel.range.column (first row/column, 1-based), excel.range.rows / columns .Count.
 * - [VBA-Sheets]    learn.microsoft.com/office/vba/api/excel.worksheets.add (Before/After), .item, .count,
 *                   excel.worksheet.delete, excel.worksheet.activate, excel.range.select.
 * - [WPS-Types]     WPS's own TypeScript declarations of the API (index.d.ts and lib.et.d.ts, © Kingsoft,
 *                   as shipped with the wpsjs TypeScript template; a public copy: github.com/fxzqf/ksdocs,
 *                   ts/src/): every Et member used here appears there with the same name and kind
 *                   (Value2/Formula/NumberFormat/MergeCells properties, AddComment/ClearComments/Select
 *                   methods, Comment.Text() a method, Worksheets.Item/Add, Worksheet.Visible/ProtectContents),
 *                   and the add-in host: wps.EtApplication(), wps.CreateTaskPane(url, title) → a pane with
 *                   Visible/ID/Navigate/Delete, wps.GetTaskPane(id), wps.PluginStorage.getItem/setItem,
 *                   wps.ApiEvent.AddApiEventListener('SheetActivate' | 'SheetChange', callback).
 * - [VBA-Format]    learn.microsoft.com/office/vba/api/excel.range.font (Font.Bold/Size/Name/Color),
 *                   excel.range.wraptext, excel.range.horizontalalignment / verticalalignment
 *                   (xlHAlignLeft -4131, xlHAlignCenter -4108, xlHAlignRight -4152; xlVAlignTop -4160,
 *                   xlVAlignCenter -4108, xlVAlignBottom -4107), excel.borders.linestyle (on the Borders
 *                   collection: all edges; xlContinuous 1) and .weight (xlThin 2), excel.range.locked,
 *                   excel.range.merge, excel.range.columnwidth ("in characters of the Normal style's font";
 *                   set on a cell it sets the whole column) and excel.range.rowheight (points; the whole row),
 *                   excel.validation.add (xlValidateDecimal 2, xlValidateList 3; xlValidAlertStop 1;
 *                   xlBetween 1) with InputTitle/InputMessage/ErrorTitle/ErrorMessage,
 *                   excel.pagesetup (Orientation xlPortrait 1 / xlLandscape 2, PaperSize xlPaperA4 9,
 *                   margins in points, Zoom False with FitToPagesWide 1 / FitToPagesTall False),
 *                   excel.tab.color; the same constant values in WPS's lib.kso.d.ts / lib.et.d.ts.
 * - [WPS-Addin]     the WPS 加载项 structure: ribbon.xml (CustomUI) with callbacks on `window.ribbon`,
 *                   `wps.CreateTaskPane(url, title)`, `wps.PluginStorage`, `Application.ribbonUI`
 *                   (juejin.cn/post/7539134398827905024, jishuzhan.net/article/1957006976491237377,
 *                   tyjr.cc/2024/11/12/wps-加载项开发说明).
 */

/** XlSheetVisibility [VBA-Visible]. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlPatternNone / xlColorIndexNone [VBA-Interior]. */
export const XL_NONE = -4142;

export type EtScalar = string | number | boolean | null | undefined;
/** Value2 / Formula of a multi-cell range: rows of cells, as a JavaScript array [VBA-Value][ET-Value]. */
export type EtBlock = EtScalar[][];

export interface EtInterior {
  /** BGR as a number: red + green·256 + blue·65536 [VBA-Interior]. */
  Color: number | null;
  /** xlPatternNone (-4142) when the cell has no fill [VBA-Interior]. */
  Pattern: number | null;
  ColorIndex: number | null;
}

export interface EtComment {
  /** The comment's text; a method, as in VBA [VBA-Comment]. */
  Text(): string;
  Delete(): void;
  /** The cell the comment belongs to [VBA-Comment]. */
  readonly Parent: EtRange;
}

export interface EtComments {
  readonly Count: number;
  /** 1-based [VBA-Comment]. */
  Item(index: number): EtComment;
}

export interface EtFont {
  Bold: boolean | null;
  Size: number | null;
  Name: string | null;
  /** BGR [VBA-Interior]. */
  Color: number | null;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string | number, formula2?: string | number): void;
  Delete(): void;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  TopMargin: number;
  BottomMargin: number;
  LeftMargin: number;
  RightMargin: number;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
}

export const XL = Object.freeze({
  hAlignLeft: -4131,
  hAlignCenter: -4108,
  hAlignRight: -4152,
  vAlignTop: -4160,
  vAlignCenter: -4108,
  vAlignBottom: -4107,
  continuous: 1,
  thin: 2,
  validateDecimal: 2,
  validateList: 3,
  validAlertStop: 1,
  between: 1,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
});

export interface EtRange {
  readonly Font: EtFont;
  WrapText: boolean | null;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  readonly Borders: { LineStyle: number | null; Weight: number | null };
  Locked: boolean | null;
  Merge(across?: boolean): void;
  ColumnWidth: number | null;
  RowHeight: number | null;
  readonly Validation: EtValidation;
  /** A single cell: its value; several cells: rows of values [VBA-Value][VBA-Value2]. */
  Value2: EtScalar | EtBlock;
  Formula: EtScalar | EtBlock;
  /** Null when the cells differ [VBA-NumFmt]. */
  NumberFormat: string | null;
  /** True, false, or null when mixed [VBA-Merge]. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** The comment on the (first) cell, null when none [VBA-Comment]. */
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  /** 1-based first row and column [VBA-Used]. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Select(): void;
}

export interface EtWorksheet {
  Name: string;
  readonly PageSetup: EtPageSetup;
  readonly Tab: { Color: number | false };
  readonly Index: number;
  /** XlSheetVisibility [VBA-Visible]. */
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Comments: EtComments;
  /** "B3" or "B3:D9" [VBA-Used]. */
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name [VBA-Sheets]. */
  Item(indexOrName: number | string): EtWorksheet;
  /** A new sheet after `after` (or before `before`) [VBA-Sheets]. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly ProtectStructure: boolean;
  readonly ReadOnly: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}

/** A task pane made by wps.CreateTaskPane [WPS-Types]. */
export interface WpsTaskPane {
  Visible: boolean;
  readonly ID: number;
  Navigate(url: string): void;
  Delete(): void;
}

/** The ribbon object WPS hands to onLoad; Invalidate re-asks every getEnabled/getImage [WPS-Addin]. */
export interface WpsRibbonUI {
  Invalidate(): void;
  InvalidateControl(id: string): void;
}

/** The `wps` global of a WPS 加载项 page [WPS-Types]. */
export interface WpsGlobal {
  EtApplication(): EtApplication;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null;
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string | number | boolean): void };
  ApiEvent?: { AddApiEventListener(event: string, callback: (...args: unknown[]) => void): void; RemoveApiEventListener(event: string): void };
}
