/**
 * Whether the task pane is showing. In the shared runtime the pane's page stays loaded (and its React tree
 * mounted) while the pane is closed, so anything it does on events would keep running unseen: work that only
 * serves the pane waits until it shows again.
 *
 * Follows Microsoft Learn, Office.addin (SharedRuntime 1.1): `onVisibilityModeChanged(handler)` calls back
 * with `visibilityMode` "Taskpane" or "Hidden" when the pane is shown or hidden (also through
 * `showAsTaskpane()` / `hide()`), and resolves to a function that removes the handler. Before the first
 * event, the page's own document.visibilityState stands in (a closed pane's webview is not visible), except
 * that an add-in whose startup behavior is "Load" was started with the document and no pane: Microsoft Learn,
 * "Office.StartupBehavior enum" — load = "Load the add-in but do not show UI" — read through
 * `Office.addin.getStartupBehavior()` ("Run code in your Office Add-in when the document opens"); it counts
 * as hidden until Office says the pane shows.
 */

type Listener = (visible: boolean) => void;

let known: boolean | null = null;
let watching: Promise<void> | null = null;
const listeners = new Set<Listener>();

function supportsSharedRuntime(): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('SharedRuntime', '1.1') && typeof Office.addin?.onVisibilityModeChanged === 'function';
  } catch {
    return false;
  }
}

/** Starts following the pane's visibility (once; a no-op outside the shared runtime). */
export function watchPaneVisibility(): Promise<void> {
  if (watching) return watching;
  watching = (async () => {
    if (typeof document !== 'undefined' && typeof document.addEventListener === 'function') {
      // The page itself becoming visible is the pane showing, whatever Office said last.
      document.addEventListener('visibilitychange', onPageVisibility);
    }
    if (!supportsSharedRuntime()) return;
    try {
      await Office.addin.onVisibilityModeChanged((message) => setPaneVisible(String(message.visibilityMode) === 'Taskpane'));
    } catch {
      // Without the event the pane simply counts as visible, as before.
      return;
    }
    try {
      const behavior = await Office.addin.getStartupBehavior();
      if (known === null && String(behavior) === 'Load') setPaneVisible(false);
    } catch {
      // Unknown startup: the page's visibility stands in.
    }
  })();
  return watching;
}

function onPageVisibility(): void {
  if (document.visibilityState === 'visible') setPaneVisible(true);
}

/**
 * Resolves once the pane shows (at once when it shows already): the pane's first read of the workbook waits
 * for it, so a runtime started hidden (with the document, or by a ribbon command) reads nothing unseen.
 */
export async function whenPaneVisible(): Promise<void> {
  await watchPaneVisibility();
  if (paneVisible()) return;
  await new Promise<void>((resolve) => {
    const off = onPaneVisibility((visible) => {
      if (!visible) return;
      off();
      resolve();
    });
  });
}

/** Whether the pane shows now: the last visibility event, else the page's visibility. */
export function paneVisible(): boolean {
  if (known !== null) return known;
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** Whether an Office event said the pane is showing (false when hidden or never told). */
export function paneKnownVisible(): boolean {
  return known === true;
}

/** Records a visibility change (from the Office event) and tells the listeners. */
export function setPaneVisible(visible: boolean): void {
  // Compared with what was last told, not with the page's visibility: the page may have turned visible a
  // moment before Office's event, and waiters subscribed while it was hidden must still hear of it.
  const changed = known !== visible;
  known = visible;
  if (!changed) return;
  for (const l of [...listeners]) {
    try {
      l(visible);
    } catch {
      // One broken listener must not stop the others.
    }
  }
}

/** Calls back on every change of visibility; returns the unsubscribe function. */
export function onPaneVisibility(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Wraps `callback` so it runs only while the pane shows, at most once per `delayMs` burst (debounced, with
 * the latest argument): events while the pane is hidden are remembered and delivered, once, when it shows.
 * Returns the wrapped function and a disposer.
 */
export function whileVisible<T>(callback: (arg: T) => void, delayMs = 300): { fire: (arg: T) => void; dispose: () => void } {
  let pending: { arg: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending || !paneVisible()) return;
    const { arg } = pending;
    pending = null;
    callback(arg);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  };
  const off = onPaneVisibility((visible) => {
    if (visible && pending) schedule();
  });
  void watchPaneVisibility();
  return {
    fire(arg: T) {
      pending = { arg };
      if (paneVisible()) schedule();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      pending = null;
      off();
    },
  };
}

/** Forgets everything (tests). */
export function resetPaneVisibility(): void {
  known = null;
  watching = null;
  listeners.clear();
  if (typeof document !== 'undefined' && typeof document.removeEventListener === 'function') document.removeEventListener('visibilitychange', onPageVisibility);
}
