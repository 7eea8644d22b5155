/** Loads a --config rule profile: JSON checked against the rules, every failure one Chinese line. */
import * as fs from 'fs';
import { ProfileError, parseProfile, type ProfileInput, type RuleProfile } from '../core/profile';
import { effectiveProfile, parseSavedProfile, savedProfileContent, type ProfileSource } from '../core/savedProfile';
import type { Grid } from '../core/grid';
import { UsageError } from './context';

/** A --config file's own keys (checked), to lay over a workbook's saved profile key by key. */
export interface ConfigOverride {
  input: ProfileInput;
  label: string;
}

export function loadProfileInput(file: string, label: string = file): ConfigOverride {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`无法读取评分规则 ${label}：文件不存在（config file not found）`);
    if (code === 'EISDIR') throw new UsageError(`无法读取评分规则 ${label}：这是一个文件夹（config is a directory）`);
    throw new UsageError(`无法读取评分规则 ${label}（${(e as Error).message}）`);
  }
  let json: unknown;
  try {
    // A BOM is common in files saved by Windows Notepad.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`评分规则 ${label} 不是有效的 JSON（invalid JSON: ${(e as Error).message}）`);
  }
  try {
    parseProfile(json);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`评分规则 ${label} 有误：${e.message}`);
    throw e;
  }
  return { input: json as ProfileInput, label };
}

/**
 * The rules one workbook is scored by: the --config keys over the profile saved in the workbook
 * (`_jixiao_settings`!A1, CONTRACT.md) over the national defaults, and where they came from.
 */
export function profileForWorkbook(grids: Grid[], override?: ConfigOverride): { profile: RuleProfile; source: ProfileSource } {
  return effectiveProfile(parseSavedProfile(savedProfileContent(grids)), override);
}
