/**
 * A whole new sheet described as data (the report draft, the blank template), so that one pure
 * description is applied by both hosts: exceljs in the CLI, Office.js in the add-in.
 */

export interface SpecStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  fontColor?: string;
  /** Fill colour #RRGGBB. */
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Thin borders on all four sides. */
  border?: boolean;
  numberFormat?: string;
  /** Whether the cell stays editable when the sheet is protected. */
  locked?: boolean;
}

export interface SpecCell extends SpecStyle {
  /** A1 address. */
  address: string;
  value?: string | number | null;
  /** Formula without the leading "=". */
  formula?: string;
  /** A note (comment) on the cell. */
  note?: string;
}

export interface SpecMerge extends SpecStyle {
  /** A1 range, e.g. "A1:I1". */
  range: string;
}

export interface SpecValidation {
  /** A1 range. */
  range: string;
  type: 'list' | 'decimal' | 'percent';
  /** Allowed items, for type list. */
  list?: string[];
  min?: number;
  max?: number;
  /** Input message shown when the cell is selected. */
  promptTitle?: string;
  prompt?: string;
  /** Message shown when the input is refused. */
  error?: string;
}

export interface SpecChart {
  type: 'clusteredColumn' | 'clusteredBar';
  title: string;
  /** A1 range of the data, first column categories, first row series names. */
  dataRange: string;
  /** Where it sits: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface SheetSpec {
  name: string;
  cells: SpecCell[];
  merges: SpecMerge[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Row heights in points by 1-based row number. */
  rowHeights?: Record<number, number>;
  /** Frozen rows and columns from the top-left. */
  freeze?: { rows: number; columns: number };
  validations?: SpecValidation[];
  charts?: SpecChart[];
  print?: {
    paper: 'A4';
    orientation: 'portrait' | 'landscape';
    fitToWidth: boolean;
    /** Margins in inches. */
    margins: { top: number; bottom: number; left: number; right: number };
  };
  tabColor?: string;
}
