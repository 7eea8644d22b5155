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
  | 'TABLE_NOT_FOUND';

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
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return new AdapterError('API_UNAVAILABLE', `${doing}失败：当前 Excel 版本不支持所需功能。请更新 Excel，或改用 Excel 网页版。`, code);
    default:
      return new AdapterError('API_ERROR', `${doing}失败：Excel 返回错误${code ? `（${code}）` : ''}。请稍后重试；若反复出现，请保存并重新打开工作簿。`, code);
  }
}

/** Whether Office says the requirement set is there (false outside Office, e.g. in unit tests without a host). */
export function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}
