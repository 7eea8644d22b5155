/** Loads a --config rule profile: JSON merged over the national defaults, every failure one Chinese line. */
import * as fs from 'fs';
import { ProfileError, parseProfile, type RuleProfile } from '../core/profile';
import { UsageError } from './context';

export function loadProfileFile(file: string, label: string = file): RuleProfile {
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
    return parseProfile(json);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`评分规则 ${label} 有误：${e.message}`);
    throw e;
  }
}
