/** Builders of fake workbooks, and the Excel/Office/OfficeExtension namespaces installed over one. */
import { CellInput, Grid, fromA1, gridFromArrays } from '../../core/grid';
import { FakeOfficeError, FakeWorkbook, FakeWorkbookOptions, Scalar, key } from './fakeWorkbook';
import { FakeRequestContext } from './requestContext';

/** A fake workbook holding these Grids (values, text, formats, formulas, merges; hidden → Hidden). */
export function fakeWorkbookFromGrids(grids: Grid[], options: FakeWorkbookOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook(options);
  for (const g of grids) {
    const s = wb.addSheet(g.name, { visibility: g.hidden ? 'Hidden' : 'Visible' });
    g.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const value: Scalar = c.value !== null && typeof c.value === 'object' ? c.value.error : c.value;
        s.cells.set(key(r, col), { value, formula: c.formula, numberFormat: c.numberFormat, text: c.text });
      }),
    );
    s.merges = g.merges.map((m) => ({ ...m }));
  }
  return wb;
}

/**
 * A fake workbook from literal cells: { 自评表: { A1: '标题', H6: { value: 0.66, numberFormat: '0%' } } }.
 * `merges` per sheet as A1 ranges.
 */
export function fakeFromCells(
  sheets: Record<string, Record<string, CellInput & unknown>>,
  options: FakeWorkbookOptions & { merges?: Record<string, string[]> } = {},
): FakeWorkbook {
  const grids = Object.entries(sheets).map(([name, cells]) => {
    const g = gridFromArrays(name, [], { merges: options.merges?.[name] });
    for (const [address, input] of Object.entries(cells)) {
      const { row, col } = fromA1(address);
      const one = gridFromArrays(name, [[input]]).cells[0]?.[0];
      if (one) (g.cells[row] ??= [])[col] = one;
    }
    return g;
  });
  return fakeWorkbookFromGrids(grids, options);
}

export interface FakeOffice {
  Excel: unknown;
  Office: unknown;
  OfficeExtension: unknown;
}

/** The Excel/Office/OfficeExtension namespaces over a fake workbook. */
export function createFakeOffice(wb: FakeWorkbook): FakeOffice {
  const Excel = {
    run: async <T>(first: unknown, second?: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
      // Excel.run(batch), Excel.run(contextOrObject, batch) (reuses the object's context) or
      // Excel.run(options, batch) with RunOptions: delayForCellEdit is ExcelApi 1.11; older hosts ignore it.
      const batch = (second ?? first) as (context: FakeRequestContext) => Promise<T>;
      const given = second ? ((first as { context?: unknown }).context ?? first) : undefined;
      const ctx = given instanceof FakeRequestContext ? given : new FakeRequestContext(wb);
      if (second && !(given instanceof FakeRequestContext) && (first as { delayForCellEdit?: unknown }).delayForCellEdit === true) {
        ctx.delayForCellEdit = wb.isSetSupported('ExcelApi', '1.11');
      }
      const out = await batch(ctx);
      if (ctx.queue.length) await ctx.sync();
      return out;
    },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    InsertShiftDirection: { down: 'Down', right: 'Right' },
    DeleteShiftDirection: { up: 'Up', left: 'Left' },
    EventType: { worksheetActivated: 'WorksheetActivated' },
    DataValidationType: { none: 'None', wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom', inconsistent: 'Inconsistent', mixedCriteria: 'MixedCriteria' },
    DataValidationOperator: {
      between: 'Between',
      notBetween: 'NotBetween',
      equalTo: 'EqualTo',
      notEqualTo: 'NotEqualTo',
      greaterThan: 'GreaterThan',
      lessThan: 'LessThan',
      greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
      lessThanOrEqualTo: 'LessThanOrEqualTo',
    },
    DataValidationAlertStyle: { stop: 'Stop', warning: 'Warning', information: 'Information' },
    PaperType: { letter: 'Letter', legal: 'Legal', a3: 'A3', a4: 'A4', a5: 'A5', b4: 'B4', b5: 'B5' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    ChartType: {
      columnClustered: 'ColumnClustered',
      columnStacked: 'ColumnStacked',
      barClustered: 'BarClustered',
      barStacked: 'BarStacked',
      line: 'Line',
      lineMarkers: 'LineMarkers',
      pie: 'Pie',
      doughnut: 'Doughnut',
      area: 'Area',
      xyscatter: 'XYScatter',
      radar: 'Radar',
    },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    BorderIndex: {
      edgeTop: 'EdgeTop',
      edgeBottom: 'EdgeBottom',
      edgeLeft: 'EdgeLeft',
      edgeRight: 'EdgeRight',
      insideVertical: 'InsideVertical',
      insideHorizontal: 'InsideHorizontal',
      diagonalDown: 'DiagonalDown',
      diagonalUp: 'DiagonalUp',
    },
    BorderLineStyle: { none: 'None', continuous: 'Continuous', dash: 'Dash', dashDot: 'DashDot', dashDotDot: 'DashDotDot', dot: 'Dot', double: 'Double', slantDashDot: 'SlantDashDot' },
    BorderWeight: { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed' },
    VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      inactiveWorkbook: 'InactiveWorkbook',
      rangeExceedsLimit: 'RangeExceedsLimit',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
      unsupportedOperation: 'UnsupportedOperation',
      notImplemented: 'NotImplemented',
    },
  };
  const settings = {
    get: (name: string) => (name in wb.settings ? wb.settings[name] : null),
    set: (name: string, value: unknown) => {
      wb.settings[name] = JSON.parse(JSON.stringify(value));
    },
    remove: (name: string) => {
      delete wb.settings[name];
    },
    saveAsync: (...args: unknown[]) => {
      wb.officeCalls.settingsSaves++;
      const cb = args.find((a) => typeof a === 'function') as ((r: { status: string }) => void) | undefined;
      setTimeout(() => cb?.({ status: wb.readOnly ? 'failed' : 'succeeded' }), 0);
    },
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline' },
    StartupBehavior: { none: 'None', load: 'Load' },
    VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        cb?.(info);
        return info;
      });
    },
    context: {
      requirements: { isSetSupported: (name: string, v?: string | number) => wb.isSetSupported(name, v === undefined ? undefined : String(v)) },
      officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' },
      displayLanguage: 'zh-CN',
      document: { settings },
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, cb?: (r: { status: string; value: { close: () => void; addEventHandler: () => void } }) => void) => {
          // DialogApi 1.1; the start address must be an absolute https URL (relative URLs are refused).
          if (!wb.isSetSupported('DialogApi', '1.1')) throw new FakeOfficeError('ApiNotFound', 'displayDialogAsync needs DialogApi 1.1.');
          if (!/^https:\/\//.test(url)) {
            cb?.({ status: 'failed', value: { close: () => undefined, addEventHandler: () => undefined } });
            return;
          }
          wb.officeCalls.dialogs.push(url);
          cb?.({ status: 'succeeded', value: { close: () => undefined, addEventHandler: () => undefined } });
        },
      },
    },
    actions: {
      associate: (id: string, fn: (event: unknown) => unknown) => {
        wb.actions.set(id, fn);
      },
    },
    addin: {
      showAsTaskpane: () => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'showAsTaskpane needs SharedRuntime 1.1.'));
        wb.officeCalls.showAsTaskpane++;
        wb.setPaneMode('Taskpane');
        return Promise.resolve();
      },
      hide: () => {
        wb.officeCalls.hide++;
        wb.setPaneMode('Hidden');
        return Promise.resolve();
      },
      getStartupBehavior: () => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'getStartupBehavior needs SharedRuntime 1.1.'));
        return Promise.resolve(wb.startupBehavior);
      },
      setStartupBehavior: (behavior: 'None' | 'Load') => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'setStartupBehavior needs SharedRuntime 1.1.'));
        wb.startupBehavior = behavior;
        return Promise.resolve();
      },
      onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => {
        if (!wb.isSetSupported('SharedRuntime', '1.1')) return Promise.reject(new FakeOfficeError('ApiNotFound', 'onVisibilityModeChanged needs SharedRuntime 1.1.'));
        wb.visibilityHandlers.add(handler);
        // Resolves to the function that removes the handler.
        return Promise.resolve(async () => {
          wb.visibilityHandlers.delete(handler);
        });
      },
    },
  };
  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes: Excel.ErrorCodes };
  return { Excel, Office, OfficeExtension };
}

/** Defines Excel, Office and OfficeExtension on globalObj (window or globalThis) over the fake workbook. */
export function installFakeOffice(globalObj: object, wb: FakeWorkbook): FakeOffice {
  const ns = createFakeOffice(wb);
  const g = globalObj as Record<string, unknown>;
  g.Excel = ns.Excel;
  g.Office = ns.Office;
  g.OfficeExtension = ns.OfficeExtension;
  return ns;
}

/** Removes what installFakeOffice defined. */
export function uninstallFakeOffice(globalObj: object): void {
  const g = globalObj as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
  delete g.OfficeExtension;
}
