/**
 * The rule profile saved in a workbook (CONTRACT.md): a very hidden worksheet `_jixiao_settings` whose cell
 * A1 holds the profile JSON. The add-in writes it; the add-in, the CLI and any other front end read it, so
 * one workbook is scored by one set of rules wherever it is opened. Parsing and serialising only: the
 * front ends move the text in and out.
 */
import { cellAt, type Grid } from './grid';
import { ProfileError, parseProfile, type ProfileInput, type RuleProfile } from './profile';

export const SETTINGS_SHEET = '_jixiao_settings';
export const SETTINGS_CELL = 'A1';

/** What A1 of the settings sheet held. */
export type SavedProfile =
  | { status: 'none' }
  | { status: 'ok'; profile: RuleProfile; input: ProfileInput }
  /**
   * Present but unusable: `message` (Chinese) says why and that the national rules apply. What to do differs by
   * front end (the pane's 设置, a rules file on the command line): each adds its own step.
   */
  | { status: 'invalid'; message: string };

/** Reads the settings cell's content (a JSON string, or already an object from document settings). */
export function parseSavedProfile(content: unknown): SavedProfile {
  if (content === null || content === undefined || (typeof content === 'string' && content.trim() === '')) return { status: 'none' };
  let json: unknown = content;
  if (typeof content === 'string') {
    try {
      json = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch {
      return { status: 'invalid', message: `工作簿中保存的评分规则（工作表 ${SETTINGS_SHEET} 的 ${SETTINGS_CELL}）不是有效的 JSON，已改用全国默认规则。` };
    }
  }
  try {
    const profile = parseProfile(json);
    return { status: 'ok', profile, input: json as ProfileInput };
  } catch (e) {
    // The clerk's wording (no JSON keys): the pane shows this warning, and the add-in wrote the profile, not the user.
    const why = e instanceof ProfileError ? e.userMessage : String(e);
    return { status: 'invalid', message: `工作簿中保存的评分规则有误：${why}已改用全国默认规则。` };
  }
}

/** The text written to A1: the whole profile (every key), so a reader needs no defaults to understand it. */
export function serializeProfile(profile: RuleProfile): string {
  return JSON.stringify(parseProfile(profile));
}

/** A1 of the settings sheet among read grids (the CLI reads hidden sheets too), or null when there is none. */
export function savedProfileContent(grids: Grid[]): unknown {
  const grid = grids.find((g) => g.name === SETTINGS_SHEET);
  if (!grid) return null;
  const v = cellAt(grid, 0, 0).value;
  return v === null || typeof v === 'object' ? null : v;
}

/** Where the rules in force came from, for the front ends to say. */
export interface ProfileSource {
  /** The workbook's saved profile took part. */
  workbook: boolean;
  /** The label of a --config file that took part. */
  config: string | null;
  /** Chinese, one line: which rules were used. */
  description: string;
  /** Chinese: a saved profile that could not be used, and why. */
  warning: string | null;
}

/**
 * The rules in force: `override` (a --config file's keys) over the workbook's saved profile over the national
 * defaults, key by key (weights key by key too).
 */
export function effectiveProfile(saved: SavedProfile, override?: { input: ProfileInput; label: string }): { profile: RuleProfile; source: ProfileSource } {
  const base = saved.status === 'ok' ? saved.profile : undefined;
  const profile = override ? parseProfile(override.input, base) : (base ?? parseProfile(undefined));
  const workbook = saved.status === 'ok';
  const where = `工作簿中保存的规则（${SETTINGS_SHEET}）`;
  let description: string;
  if (override && workbook) description = `评分规则：${override.label}，未写的项取${where}`;
  else if (override) description = `评分规则：${override.label}，未写的项取全国默认规则`;
  else if (workbook) description = `评分规则：${where}`;
  else description = '评分规则：全国默认规则（财预〔2020〕10号）';
  return { profile, source: { workbook, config: override?.label ?? null, description, warning: saved.status === 'invalid' ? saved.message : null } };
}
