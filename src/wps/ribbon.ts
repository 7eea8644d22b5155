/**
 * The ribbon callbacks of the WPS 加载项 (ribbon.xml names them as methods of window.ribbon).
 * Every button opens (or reuses) the one task pane of the add-in, on the action asked for: the pane
 * runs it with the WPS adapter and shows the outcome, so a command never ends in silence, and the
 * pane is the one place outcomes are shown — as with the Office add-in's ribbon.
 */
import type { WpsGlobal, WpsRibbonUI } from './etApi';
import { hasBackupSheet } from './wpsWorkbook';

export interface RibbonControl {
  Id: string;
}

export type PaneAction = 'score' | 'report' | 'undo';

const ACTIONS: Record<string, PaneAction | null> = { btnScore: 'score', btnReport: 'report', btnUndo: 'undo', btnPane: null };
/** The same icons as the Office ribbon (assets/*-32.png), copied to images/ by the WPS build. */
const ICONS: Record<string, string> = { btnScore: 'score', btnReport: 'report', btnUndo: 'undo', btnPane: 'pane' };
export const PANE_ID_KEY = 'jixiao.taskPaneId';
export const PANE_TITLE = '绩效自评助手';

export interface Ribbon {
  OnAddinLoad(ui: WpsRibbonUI): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
  OnGetEnabled(control: RibbonControl): boolean;
}

/**
 * `baseUrl`: where the add-in's pages are (the folder of index.html), so the pane URL is absolute as
 * CreateTaskPane needs it.
 */
export function createRibbon(wps: WpsGlobal, baseUrl: string): Ribbon {
  let ui: WpsRibbonUI | null = null;
  const openPane = (action: PaneAction | null) => {
    const url = `${baseUrl}taskpane.html${action ? `?do=${action}` : ''}`;
    const id = Number(wps.PluginStorage.getItem(PANE_ID_KEY) ?? 0);
    const existing = id ? wps.GetTaskPane(id) : null;
    if (existing) {
      existing.Navigate(url);
      existing.Visible = true;
      return;
    }
    const pane = wps.CreateTaskPane(url, PANE_TITLE);
    wps.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
    pane.Visible = true;
  };
  return {
    OnAddinLoad(ribbonUI) {
      ui = ribbonUI;
      return true;
    },
    OnAction(control) {
      if (!(control.Id in ACTIONS)) return false;
      openPane(ACTIONS[control.Id]);
      // 撤销评分 is enabled only while a backup exists: ask again after any command.
      ui?.Invalidate();
      return true;
    },
    GetImage(control) {
      return `images/${ICONS[control.Id] ?? 'pane'}-32.png`;
    },
    OnGetEnabled(control) {
      if (control.Id !== 'btnUndo') return true;
      try {
        return hasBackupSheet(wps.EtApplication());
      } catch {
        // No workbook open (the start page): nothing to undo.
        return false;
      }
    },
  };
}
