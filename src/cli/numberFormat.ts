/**
 * Excel number-format rendering for the CLI (exceljs's cell.text ignores number formats): core's
 * renderer, with numfmt loaded from Node's module paths.
 * Wraps the numfmt package, whose 4.0.1 release points `require` at a dist/index.cjs it does not ship;
 * we fall back to its CommonJS build at dist/index.js.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatNumberText, simpleFormat, type NumfmtModule } from '../core/numberText';

let numfmt: NumfmtModule | undefined;

function loadNumfmt(): NumfmtModule {
  if (numfmt) return numfmt;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    numfmt = require('numfmt') as NumfmtModule;
    return numfmt;
  } catch {
    // fall through: broken "exports" map, look for the CommonJS build on the module paths
  }
  for (const dir of require.resolve.paths('numfmt') ?? []) {
    const file = path.join(dir, 'numfmt', 'dist', 'index.js');
    if (fs.existsSync(file)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      numfmt = require(file) as NumfmtModule;
      return numfmt;
    }
  }
  throw new Error('找不到 numfmt 模块（cannot load numfmt），请运行 npm ci');
}

/** Number text through core's renderer, with numfmt loaded the Node way. */
export function formatNumber(value: number, pattern: string | undefined, date1904 = false): string {
  return formatNumberText(loadNumfmt, value, pattern, date1904);
}

export { simpleFormat };
