/**
 * A plain in-memory WorkbookAdapter for the pane's tests: records calls, returns given results, and
 * can hold an operation open (gate) so a test can look at the pane while it runs.
 */
import { NATIONAL_PROFILE, parseProfile, type RuleProfile } from '../../core/profile';
import type { WorkbookResult } from '../../core/result';
import type { Replacement } from '../../core/replacements';
import { replacementKey, type ScoreOptions, type ScoreOutcome, type UndoOutcome, type WorkbookAdapter } from '../../excel/workbookAdapter';
import { seedResult } from './sampleResult';
import type { GeneratedSheet } from '../../core/report/staleReports';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakeAdapterOptions {
  result?: WorkbookResult;
  /** Result after scoring (defaults to `result`). */
  scored?: WorkbookResult;
  active?: string;
  profile?: RuleProfile;
  withReport?: boolean;
  withTemplate?: boolean;
  withDocx?: boolean;
  withClearMarks?: boolean;
  /** What a scoring would replace: score() writes nothing until every one is confirmed. */
  pending?: Replacement[];
  /** Report sheets an undo finds stale (and retireReports to act on them). */
  staleReports?: GeneratedSheet[];
}

export class FakeAdapter implements WorkbookAdapter {
  calls: { method: string; args: unknown[] }[] = [];
  result: WorkbookResult;
  scored: WorkbookResult;
  active: string;
  profile: RuleProfile;
  /** When set, the next call of that method waits for the gate (or fails with it). */
  gates = new Map<string, Deferred<void>>();
  failures = new Map<string, unknown>();
  private listeners: ((sheet: string) => void)[] = [];
  private changeListeners: ((sheet: string) => void)[] = [];
  pending: Replacement[];
  clearMarks?: () => Promise<{ cells: number; backupRemoved: boolean }>;
  staleReports: GeneratedSheet[];
  retireReports?: (names: string[], how: 'delete' | 'mark') => Promise<{ sheets: string[]; message: string }>;
  generateReport?: (profile?: RuleProfile) => Promise<{ sheet?: string }>;
  insertTemplate?: () => Promise<{ sheet?: string }>;
  reportDocx?: (profile?: RuleProfile, sheet?: string) => Promise<{ fileName: string; blob: Blob }>;

  constructor(o: FakeAdapterOptions = {}) {
    this.result = o.result ?? seedResult();
    this.scored = o.scored ?? this.result;
    this.active = o.active ?? this.result.tables[0]?.sheet ?? 'Sheet1';
    this.profile = o.profile ?? parseProfile({});
    this.pending = o.pending ?? [];
    this.staleReports = o.staleReports ?? [];
    if (o.staleReports) {
      this.retireReports = (names, how) =>
        this.run('retireReports', [names, how], async () => ({ sheets: names, message: how === 'delete' ? `已删除${names.map((n) => `“${n}”`).join('')}。` : '已标为过期。' }));
    }
    if (o.withClearMarks) this.clearMarks = () => this.run('clearMarks', [], async () => ({ cells: 7, backupRemoved: true }));
    if (o.withReport) this.generateReport = (p) => this.run('generateReport', [p], async () => ({ sheet: '绩效自评报告' }));
    if (o.withTemplate) this.insertTemplate = () => this.run('insertTemplate', [], async () => ({ sheet: '自评表模板' }));
    if (o.withDocx) {
      this.reportDocx = (p, sheet) =>
        this.run('reportDocx', [p, sheet], async () => ({ fileName: '运行经费绩效自评报告.docx', blob: new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }) }));
    }
  }

  /**
   * Simulates the user editing a cell in Excel. As the adapter contract says (onCellsChanged), edits in one burst
   * (here: the same tick) are delivered once.
   */
  edit(sheet: string): void {
    if (this.editBurst) return;
    this.editBurst = setTimeout(() => {
      this.editBurst = null;
      for (const l of this.changeListeners) l(sheet);
    }, 0);
  }
  private editBurst: ReturnType<typeof setTimeout> | null = null;

  /** Simulates the user switching sheets in Excel. */
  activate(sheet: string): void {
    this.active = sheet;
    for (const l of this.listeners) l(sheet);
  }

  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private async run<T>(method: string, args: unknown[], body: () => Promise<T>): Promise<T> {
    this.calls.push({ method, args });
    const gate = this.gates.get(method);
    if (gate) {
      this.gates.delete(method);
      await gate.promise;
    }
    if (this.failures.has(method)) throw this.failures.get(method);
    return body();
  }

  analyze(profile?: RuleProfile): Promise<WorkbookResult> {
    return this.run('analyze', [profile], async () => this.result);
  }
  score(profile?: RuleProfile, options: ScoreOptions = {}): Promise<ScoreOutcome> {
    return this.run('score', [profile, options], async () => {
      const ok = new Set(options.confirmed === 'all' ? this.pending.map(replacementKey) : (options.confirmed ?? []));
      if (this.pending.some((r) => !ok.has(replacementKey(r)))) {
        return { result: this.result, plan: { writes: [], marks: [] }, changed: 0, syncs: 2, pending: this.pending };
      }
      this.result = this.scored;
      return { result: this.scored, plan: { writes: [], marks: [] }, changed: 4, syncs: 3 };
    });
  }
  undo(): Promise<UndoOutcome> {
    return this.run('undo', [], async () => ({ restored: 4, syncs: 2, reports: this.staleReports }));
  }
  selectCell(sheet: string, address: string): Promise<void> {
    return this.run('selectCell', [sheet, address], async () => undefined);
  }
  loadProfile(): Promise<RuleProfile> {
    return this.run('loadProfile', [], async () => this.profile ?? NATIONAL_PROFILE);
  }
  saveProfile(profile: RuleProfile): Promise<void> {
    return this.run('saveProfile', [profile], async () => {
      this.profile = profile;
    });
  }
  activeSheet(): Promise<string> {
    return this.run('activeSheet', [], async () => this.active);
  }
  onCellsChanged(callback: (sheet: string) => void): Promise<() => void> {
    return this.run('onCellsChanged', [], async () => {
      this.changeListeners.push(callback);
      return () => {
        this.changeListeners = this.changeListeners.filter((l) => l !== callback);
      };
    });
  }
  onSheetActivated(callback: (sheet: string) => void): Promise<() => void> {
    return this.run('onSheetActivated', [], async () => {
      this.listeners.push(callback);
      return () => {
        this.listeners = this.listeners.filter((l) => l !== callback);
      };
    });
  }
}
