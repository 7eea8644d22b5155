/**
 * The saved rule profile in Excel: the very hidden sheet `_jixiao_settings`, A1 = the profile JSON
 * (CONTRACT.md; parsing and serialising in src/core/savedProfile). Earlier versions kept the profile in
 * Office document settings (Office.context.document.settings, keyed to this add-in's id, so invisible to the
 * CLI and to any other host); a profile found there is moved into the sheet the first time it is read.
 *
 * Office.js used: worksheets.getItemOrNullObject (ExcelApi 1.4), worksheets.add and Range.values (1.1),
 * setting Worksheet.visibility (1.2); Settings.get/set/remove/saveAsync (Microsoft Learn, "Persist add-in
 * state and settings": document settings live in the file and belong to the add-in that wrote them).
 */
import { parseSavedProfile, serializeProfile, SETTINGS_CELL, SETTINGS_SHEET, type SavedProfile } from '../core/savedProfile';
import type { RuleProfile } from '../core/profile';
import { AdapterError, supports, type Session } from './session';

/** The document-settings key earlier versions saved the profile under. */
export const LEGACY_PROFILE_SETTING = 'jixiao.profile';

export interface LoadedProfile {
  saved: SavedProfile;
  /** Where it was found. */
  from: 'sheet' | 'documentSettings' | 'none';
  /** A profile found in document settings was copied into the sheet (and removed from the settings). */
  migrated: boolean;
}

/** Reads the settings sheet's A1 (two syncs when the sheet exists, one otherwise). */
export async function readProfileSheet(session: Session): Promise<SavedProfile | null> {
  const ws = session.context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  ws.load('name');
  await session.sync();
  // Synced through session.sync(), which the lint rule does not recognise as context.sync().
  // eslint-disable-next-line office-addins/call-sync-before-read
  if (ws.isNullObject) return null;
  const cell = ws.getRange(SETTINGS_CELL).load('values');
  await session.sync();
  return parseSavedProfile(cell.values[0]?.[0]);
}

/**
 * Queues writing `profile` into the settings sheet, creating it very hidden when missing. Refuses, before
 * queuing anything, what Office would refuse half-way (structure protection blocks adding a sheet).
 */
export async function writeProfileSheet(session: Session, profile: RuleProfile): Promise<void> {
  const { context } = session;
  const wb = context.workbook;
  const ws = wb.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  ws.load('name');
  const canStructure = supports('ExcelApi', '1.7');
  if (canStructure) wb.protection.load('protected');
  await session.sync();
  let sheet: Excel.Worksheet = ws;
  // eslint-disable-next-line office-addins/call-sync-before-read
  if (ws.isNullObject) {
    if (canStructure && wb.protection.protected) {
      throw new AdapterError('STRUCTURE_PROTECTED', '保存评分规则失败：工作簿结构受保护，无法新建保存规则用的隐藏工作表。请在“审阅”选项卡取消“保护工作簿”后重试；规则在本次会话中仍然有效。');
    }
    sheet = wb.worksheets.add(SETTINGS_SHEET);
    // Very hidden: not listed under 取消隐藏, so nobody deletes or edits it by accident.
    sheet.visibility = Excel.SheetVisibility.veryHidden;
  }
  const cell = sheet.getRange(SETTINGS_CELL);
  // Text format first: Excel would otherwise try to read the JSON as a number or a date.
  cell.numberFormat = [['@']];
  cell.values = [[serializeProfile(profile)]];
  await session.sync();
}

function documentSettings(): Office.Settings | null {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.document?.settings ?? null) : null;
  } catch {
    return null;
  }
}

/** The profile an earlier version left in document settings, or null. */
export function legacyProfile(): SavedProfile | null {
  const settings = documentSettings();
  if (!settings) return null;
  const raw = settings.get(LEGACY_PROFILE_SETTING);
  if (raw === null || raw === undefined) return null;
  return parseSavedProfile(raw);
}

/** Forgets the document-settings copy once the sheet holds the profile. Failing to save it is harmless. */
export async function removeLegacyProfile(): Promise<void> {
  const settings = documentSettings();
  if (!settings || settings.get(LEGACY_PROFILE_SETTING) === null) return;
  settings.remove(LEGACY_PROFILE_SETTING);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
}

/**
 * The workbook's saved profile: the sheet first; else a profile in document settings, copied into the sheet
 * and removed from the settings (when the workbook can take the sheet; otherwise it is used where it is).
 */
export async function loadSavedProfile(session: Session): Promise<LoadedProfile> {
  const inSheet = await readProfileSheet(session);
  if (inSheet) return { saved: inSheet, from: 'sheet', migrated: false };
  const legacy = legacyProfile();
  if (!legacy) return { saved: { status: 'none' }, from: 'none', migrated: false };
  if (legacy.status !== 'ok') return { saved: legacy, from: 'documentSettings', migrated: false };
  try {
    await writeProfileSheet(session, legacy.profile);
  } catch {
    // Read-only or structure-protected: keep using the settings copy; the next save moves it.
    return { saved: legacy, from: 'documentSettings', migrated: false };
  }
  await removeLegacyProfile();
  return { saved: legacy, from: 'sheet', migrated: true };
}
