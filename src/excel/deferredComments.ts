/**
 * Threaded comments added on a host that cannot read legacy notes (ExcelApi 1.10–1.17: the NoteCollection is
 * ExcelApi 1.18). Such a cell may already hold a user's note, and Excel gives a cell a note or a threaded
 * comment, never both (Microsoft Learn, "Range.AddCommentThreaded method (Excel)": "if no comment already
 * exists"), so the add may be refused. Those adds run after the scoring's batch, never inside it: a refusal
 * leaves that cell marked by its fill alone, the user's note untouched, and is said in Chinese.
 *
 * Cost: one sync when every add goes through; when one is refused, two syncs to see which went in (the batch
 * stops at the failing operation) and then one per remaining cell.
 */
import { cellKey, splitAddress } from '../core/address';
import type { DeferredComment } from './queueChanges';
import type { Session } from './session';

/**
 * Adds the comments; returns the Chinese message naming the cells that kept only their fill ([] when none).
 * Never throws: the scoring's own batch has gone through by then, and a mark's comment is not worth undoing it.
 */
export async function addDeferredComments(session: Session, deferred: DeferredComment[]): Promise<string[]> {
  if (!deferred.length) return [];
  const { context } = session;
  const queue = (d: DeferredComment) => context.workbook.comments.add(context.workbook.worksheets.getItem(d.sheet).getRange(d.address), d.content);
  deferred.forEach(queue);
  try {
    await session.sync();
    return [];
  } catch {
    // Some cell holds an unseen note: find which adds went in before the refusal, then try the rest one by one.
  }
  const refused: DeferredComment[] = [];
  try {
    const present = await commentCells(session);
    for (const d of deferred) {
      if (present.has(cellKey(d.sheet, d.address))) continue;
      queue(d);
      try {
        await session.sync();
      } catch {
        refused.push(d);
      }
    }
  } catch {
    // The comments could not even be listed: say every cell may lack its comment.
    return [notAdded(deferred)];
  }
  return refused.length ? [notAdded(refused)] : [];
}

function notAdded(refused: DeferredComment[]): string {
  const cells = refused.map((d) => `${d.sheet}!${d.address}`).join('、');
  return (
    `单元格 ${cells} 已有注释（旧式批注），当前 Excel 版本读不到注释，也不能在同一单元格再加批注，所以这些单元格只用底色标出问题，` +
    `原注释保持不变；问题说明请在任务窗格的“问题”中查看。Microsoft 365 版 Excel（版本 2501 及以后）会把说明写进注释。`
  );
}

/** The cells holding a threaded comment now (cellKey). */
async function commentCells(session: Session): Promise<Set<string>> {
  const items = session.context.workbook.comments.load('items/id');
  await session.sync();
  const locations = items.items.map((c) => c.getLocation().load('address'));
  await session.sync();
  return new Set(
    locations.map((l) => {
      const { sheet, a1 } = splitAddress(l.address);
      return cellKey(sheet, a1.split(':')[0]);
    }),
  );
}
