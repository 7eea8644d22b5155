/**
 * One Excel.run with its sync() calls counted, and the adapter's typed error with a Chinese message.
 */

/** A request context whose sync() calls are counted (the budget: 2 to read, 3 for a whole scoring). */
export class Session {
  syncs = 0;
  constructor(readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }
}

export type AdapterErrorCode =
  | 'SHEET_PROTECTED'
  | 'WORKBOOK_READ_ONLY'
  | 'STRUCTURE_PROTECTED'
  | 'CELL_EDIT_MODE'
  | 'PAYLOAD_TOO_LARGE'
  | 'API_UNAVAILABLE'
  | 'API_ERROR'
  | 'TABLE_NOT_FOUND'
  /** Tables found, but none to draft a report for (nobody has filled them in), or the one chosen is such. */
  | 'TABLE_BLANK';

/** What the pane and the commands show: `userMessage` is Chinese, says what happened and what to do. */
export class AdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    readonly userMessage: string,
    /** The Office error code underneath, for logs. */
    readonly officeCode?: string,
  ) {
    super(userMessage);
    this.name = 'AdapterError';
  }
  /** What Office threw, when this wraps an Office error (for logs; never shown). */
  raw?: unknown;
}

const officeCodeOf = (e: unknown): string | undefined =>
  e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/** Turns anything Office throws into an AdapterError; `doing` names the step ("读取工作簿", "写入评分结果"). */
export function toAdapterError(e: unknown, doing: string): AdapterError {
  if (e instanceof AdapterError) return e;
  const out = adapterErrorOf(e, doing);
  out.raw = e;
  return out;
}

function adapterErrorOf(e: unknown, doing: string): AdapterError {
  const code = officeCodeOf(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new AdapterError('CELL_EDIT_MODE', `${doing}失败：Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。`, code);
    case 'AccessDenied':
      return new AdapterError('SHEET_PROTECTED', `${doing}失败：工作簿或工作表受保护，或以只读方式打开。请在“审阅”选项卡撤销保护，或另存一份可编辑的副本后重试。`, code);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new AdapterError('PAYLOAD_TOO_LARGE', `${doing}失败：工作簿内容过多，超出 Excel 网页版单次传输上限（5 MB）。请将自评表复制到单独的工作簿后重试。`, code);
    case 'RangeExceedsLimit':
      return new AdapterError('PAYLOAD_TOO_LARGE', `${doing}失败：工作表内容过多，超出 Excel 单次读写的单元格上限。请将自评表复制到单独的工作簿后重试。`, code);
    case 'InactiveWorkbook':
      // Documented: several workbooks are open and this one lost focus while the request ran.
      return new AdapterError('API_ERROR', `${doing}失败：打开了多个工作簿，当前工作簿已失去焦点。请点击一下本工作簿中的任意单元格，再重试。`, code);
    case 'ItemNotFound':
      return new AdapterError('API_ERROR', `${doing}失败：要处理的工作表或单元格已被删除或重命名。请点击“重新检测”后重试。`, code);
    case 'ApiNotFound':
    case 'ApiNotAvailable':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return new AdapterError('API_UNAVAILABLE', `${doing}失败：当前 Excel 版本不支持所需功能。请更新 Excel，或改用 Excel 网页版。`, code);
    default:
      return new AdapterError('API_ERROR', `${doing}失败：Excel 返回错误${code ? `（${code}）` : ''}。请稍后重试；若反复出现，请保存并重新打开工作簿。`, code);
  }
}

/**
 * The ExcelApi version every read and write relies on without a fallback: getItemOrNullObject and
 * getUsedRangeOrNullObject are ExcelApi 1.4; getUsedRange(valuesOnly), getResizedRange, worksheet
 * protection, setting visibility, merge and column widths are 1.2. Newer features are detected one by one.
 */
export const BASELINE_EXCEL_API = '1.4';

/** Refuses, before any request, a host older than the baseline (Excel 2016 volume-licensed has only 1.1–1.2). */
export function assertBaseline(doing: string): void {
  if (supports('ExcelApi', BASELINE_EXCEL_API)) return;
  throw new AdapterError(
    'API_UNAVAILABLE',
    `${doing}失败：当前 Excel 版本过旧，不支持本加载项所需的功能。请使用 Microsoft 365 版 Excel、Excel 2019 或更高版本，或 Excel 网页版。`,
  );
}

/** Whether Office says the requirement set is there (false outside Office, e.g. in unit tests without a host). */
export function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}
