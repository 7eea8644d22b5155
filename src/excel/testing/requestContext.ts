/** The double's RequestContext: queued operations run in order at sync(), with payload limits and injected failures. */
import { FakeOfficeError, FakeWorkbook, sizeOf } from './fakeWorkbook';
import { WorkbookProxy } from './worksheetProxies';

export type Op = { run: () => void; request: number; label: string };

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  queue: Op[] = [];
  /** Load ops record the bytes they return here during a sync. */
  responseBytes = 0;
  trackedObjects = { add: () => undefined, remove: () => undefined };
  /** Excel.run({ delayForCellEdit: true }) on a host with ExcelApi 1.11. */
  delayForCellEdit = false;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(label: string, run: () => void, payload?: unknown): void {
    this.queue.push({ run, label, request: 40 + (payload === undefined ? 0 : sizeOf(payload)) });
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const wb = this.wb;
    wb.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    if (wb.cellEditMode) {
      if (!this.delayForCellEdit) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      wb.delayedSyncs++;
      await wb.cellEditEnded();
    }
    const request = ops.reduce((n, o) => n + o.request, 0);
    if (request > wb.payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    wb.bytesWritten += request;
    const failure = wb.failures.find((f) => f.onSync === wb.syncCount);
    for (let i = 0; i < ops.length; i++) {
      if (failure && i === (failure.afterOps ?? 0)) {
        wb.failures.splice(wb.failures.indexOf(failure), 1);
        throw new FakeOfficeError(failure.code, failure.message ?? `Injected failure ${failure.code}`, ops[i].label);
      }
      try {
        ops[i].run();
      } catch (e) {
        if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = ops[i].label;
        throw e;
      }
    }
    if (failure && (failure.afterOps ?? 0) >= ops.length) {
      wb.failures.splice(wb.failures.indexOf(failure), 1);
      throw new FakeOfficeError(failure.code, failure.message ?? `Injected failure ${failure.code}`);
    }
    // An add-in's own value writes raise onChanged too (WorksheetCollection.onChanged: "any worksheet in the
    // workbook is changed"), once the batch has run.
    const changed = wb.pendingChanges.splice(0);
    for (const c of changed) wb.raiseChanged(c.sheet, c.address, 'ThisLocalAddin');
    wb.bytesRead += this.responseBytes;
    wb.largestSyncRead = Math.max(wb.largestSyncRead, this.responseBytes);
    if (this.responseBytes > wb.payloadLimit) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    return passThrough;
  }
}
