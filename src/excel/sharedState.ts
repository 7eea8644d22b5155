/**
 * State shared by the ribbon commands and the task pane. In the shared runtime both live in one JS
 * context (taskpane.html loads both bundles' code), so a module-level store is enough: the command
 * publishes its outcome, the pane subscribes and shows it when it opens.
 */
import { OfficeWorkbookAdapter } from './officeAdapter';
import type { ScoreOutcome, UndoOutcome, WorkbookAdapter } from './workbookAdapter';

export type CommandName = 'scoreWorkbook' | 'undoScoring' | 'generateReport';

export interface CommandOutcome {
  command: CommandName;
  ok: boolean;
  /** Chinese, one or two sentences: what happened and what to do next. */
  message: string;
  score?: ScoreOutcome;
  undo?: UndoOutcome;
  /** Number of error-severity issues left after scoring. */
  errors?: number;
  at: number;
}

type Listener = (outcome: CommandOutcome) => void;

let last: CommandOutcome | null = null;
const listeners = new Set<Listener>();
let adapter: WorkbookAdapter | null = null;

/** The last command outcome, for a pane that opens after the command ran. */
export function lastOutcome(): CommandOutcome | null {
  return last;
}

export function publishOutcome(outcome: CommandOutcome): void {
  last = outcome;
  for (const l of [...listeners]) {
    try {
      l(outcome);
    } catch {
      // One broken subscriber must not stop the others or the command.
    }
  }
}

/** Calls back on every new outcome; returns the unsubscribe function. */
export function subscribeOutcome(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One adapter for the pane and the commands (created on first use). */
export function sharedAdapter(): WorkbookAdapter {
  return (adapter ??= new OfficeWorkbookAdapter());
}

/** Forgets outcomes and subscribers (tests). */
export function resetSharedState(): void {
  last = null;
  listeners.clear();
  adapter = null;
}
