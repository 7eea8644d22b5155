/**
 * Reads rectangles of cells under a per-sync byte budget, whatever the workbook's size.
 *
 * Excel on the web refuses a request or response over 5 MB (Microsoft Learn, "Resource limits and performance
 * optimization for Office Add-ins": payload size limit for Excel on the web), and one refused sync would fail the
 * whole scoring. So rectangles are cut into row chunks sized from the bytes a cell actually took so far, several
 * chunks share a sync while they fit the budget, and a sync refused for its size is retried sheet by sheet, then
 * by halves of a chunk, down to one row; a row that still cannot come through is left out and said so. Nothing
 * here decides what to read: the caller names rectangles and properties.
 */
import { toRangeA1 } from '../core/grid';
import type { Rect } from './address';
import type { Session } from './session';

/** Bytes per sync we aim under: a fifth of the 5 MB limit, so an estimate off by far still passes. */
export const SYNC_BYTE_BUDGET = 1024 * 1024;

export type CellProperty = 'values' | 'text' | 'formulas' | 'numberFormat';

export interface ChunkRequest {
  sheet: string;
  rect: Rect;
}

export interface ChunkResult {
  sheet: string;
  rect: Rect;
  /** Property → rows of the chunk. */
  data: Partial<Record<CellProperty, unknown[][]>>;
  /** Fill colour per cell (null: no fill), when fills were asked for. */
  fills?: (string | null)[][];
}

const PAYLOAD_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** Whether Office refused a sync for its size (the only failure retried in smaller pieces). */
export function isPayloadError(e: unknown): boolean {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}

const utf8Bytes = (v: unknown): number => {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
};

export interface BoundedReadOptions {
  properties: CellProperty[];
  fills?: boolean;
  /** Bytes per cell expected before anything was measured. */
  initialCellBytes: number;
  budget?: number;
}

export interface BoundedReadOutcome {
  chunks: ChunkResult[];
  /** Rows that could not be read even one at a time (Chinese messages). */
  messages: string[];
  /** Syncs made, and the largest response measured (bytes of JSON). */
  syncs: number;
  largestSyncBytes: number;
}

/**
 * Reads every rectangle's `properties` (and fills) in chunks under the budget. The estimate per cell starts at
 * `initialCellBytes` and follows what was measured (the largest per-cell size seen so far).
 */
export async function readBounded(session: Session, requests: ChunkRequest[], options: BoundedReadOptions): Promise<BoundedReadOutcome> {
  const budget = options.budget ?? SYNC_BYTE_BUDGET;
  let perCell = Math.max(1, options.initialCellBytes);
  const out: BoundedReadOutcome = { chunks: [], messages: [], syncs: 0, largestSyncBytes: 0 };
  // Cut each rectangle into row chunks that fit the budget at the current estimate.
  const cut = (r: ChunkRequest): ChunkRequest[] => {
    const width = r.rect.right - r.rect.left + 1;
    const rows = Math.max(1, Math.floor(budget / (perCell * width)));
    const pieces: ChunkRequest[] = [];
    for (let top = r.rect.top; top <= r.rect.bottom; top += rows) {
      pieces.push({ sheet: r.sheet, rect: { ...r.rect, top, bottom: Math.min(r.rect.bottom, top + rows - 1) } });
    }
    return pieces;
  };
  const cells = (r: ChunkRequest) => (r.rect.bottom - r.rect.top + 1) * (r.rect.right - r.rect.left + 1);

  // `level` after a refused sync: 1 = batch only with chunks of the same sheet, 2 = alone.
  type Item = ChunkRequest & { level: number };
  const fresh = (r: ChunkRequest): Item[] => cut(r).map((c) => ({ ...c, level: 0 }));
  let queue: Item[] = requests.flatMap(fresh);
  while (queue.length) {
    // One sync: chunks in order while their estimated bytes fit (and their retry level allows company).
    const batch: Item[] = [queue.shift()!];
    let estimate = cells(batch[0]) * perCell;
    while (queue.length && batch[0].level < 2 && queue[0].level === batch[0].level && estimate + cells(queue[0]) * perCell <= budget) {
      if (batch[0].level === 1 && queue[0].sheet !== batch[0].sheet) break;
      const next = queue.shift()!;
      batch.push(next);
      estimate += cells(next) * perCell;
    }
    try {
      const got = await readChunks(session, batch, options);
      out.syncs++;
      const bytes = got.reduce((n, c) => n + utf8Bytes(c.data) + (c.fills ? utf8Bytes(c.fills) : 0), 0);
      out.largestSyncBytes = Math.max(out.largestSyncBytes, bytes);
      out.chunks.push(...got);
      const seen = bytes / Math.max(1, batch.reduce((n, b) => n + cells(b), 0));
      if (seen > perCell) {
        // Cells are bigger than assumed: re-cut what is left (not yet retried) at the new size.
        perCell = seen * 1.25;
        queue = queue.flatMap((q) => (q.level === 0 ? fresh(q) : [q]));
      }
    } catch (e) {
      out.syncs++;
      if (!isPayloadError(e)) throw e;
      perCell *= 2;
      const sheets = new Set(batch.map((b) => b.sheet));
      if (sheets.size > 1) {
        // Sheet by sheet first…
        queue = [...[...sheets].flatMap((sh) => batch.filter((b) => b.sheet === sh).map((b) => ({ ...b, level: 1 }))), ...queue];
      } else if (batch.length > 1) {
        // …then each chunk on its own…
        queue = [...batch.map((b) => ({ ...b, level: 2 })), ...queue];
      } else if (batch[0].rect.bottom > batch[0].rect.top) {
        // …then halves of the chunk, down to one row.
        const only = batch[0];
        const mid = Math.floor((only.rect.top + only.rect.bottom) / 2);
        queue = [
          { sheet: only.sheet, rect: { ...only.rect, bottom: mid }, level: 2 },
          { sheet: only.sheet, rect: { ...only.rect, top: mid + 1 }, level: 2 },
          ...queue,
        ];
      } else {
        out.messages.push(`工作表“${batch[0].sheet}”第 ${batch[0].rect.top + 1} 行内容过多，超出 Excel 单次传输上限，已跳过这一行。若它属于自评表，请缩短其中的文字后重试。`);
      }
    }
  }
  return out;
}

/** Queues and syncs one batch of chunks. */
async function readChunks(session: Session, batch: ChunkRequest[], options: BoundedReadOptions): Promise<ChunkResult[]> {
  const wb = session.context.workbook;
  const pending = batch.map((b) => {
    const range = wb.worksheets.getItem(b.sheet).getRange(toRangeA1(b.rect.top, b.rect.left, b.rect.bottom, b.rect.right));
    // The caller's property list (never empty): the rule cannot see through the variable.
    // eslint-disable-next-line office-addins/no-empty-load
    range.load(options.properties);
    const fills = options.fills ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
    return { b, range, fills };
  });
  await session.sync();
  return pending.map(({ b, range, fills }) => {
    const data: ChunkResult['data'] = {};
    for (const p of options.properties) data[p] = range[p] as unknown[][];
    const result: ChunkResult = { sheet: b.sheet, rect: b.rect, data };
    if (fills) {
      result.fills = fills.value.map((row) =>
        row.map((props) => {
          const fill = props.format?.fill;
          return fill && fill.pattern !== 'None' && typeof fill.color === 'string' ? fill.color.toUpperCase() : null;
        }),
      );
    }
    return result;
  });
}
