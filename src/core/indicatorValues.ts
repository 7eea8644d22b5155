/**
 * An indicator row's target and actual as the checks compare them: parsed, with the row's 度量单位 applied
 * and percent peers read as points; and the kind of a row that is not scored.
 */
import { parseCell, type ParsedValue } from './cellValue';
import { ratio } from './decimal';
import type { DetectedTable, IndicatorRow } from './detect';
import { cellAt, resolvedCell } from './grid';
import type { IndicatorKind } from './result';
import { inferKind, natureComparator } from './scoring';
import { isNotApplicableMark } from './text';

/** A row's target and actual as parsed, with its 度量单位 applied and percent peers read as points. */
export function rowValues(t: DetectedTable, r: number): [ParsedValue, ParsedValue] {
  const c = t.indicators.cols;
  const unitText = c.unit !== undefined ? resolvedCell(t.grid, r, c.unit).text.trim() : '';
  return percentPeers(
    withUnit(parseCell(cellAt(t.grid, r, c.target ?? -1)), unitText),
    withUnit(parseCell(cellAt(t.grid, r, c.actual ?? -1)), unitText),
  );
}

/**
 * "≥90%" against a bare 85, or "95" against "96.5%": a bare number above 1 beside a percent is
 * percentage points (85 → 85%), never 8,500%. A bare number up to 1 stays a fraction (1 = 100%).
 */
export function percentPeers(a: ParsedValue, b: ParsedValue): [ParsedValue, ParsedValue] {
  return [asPoints(a, b), asPoints(b, a)];
}

/** x read as percentage points where its peer is a percent and x a bare number above 1. */
function asPoints(x: ParsedValue, peer: ParsedValue): ParsedValue {
  return x.kind === 'number' && x.unit === null && peer.kind === 'number' && peer.unit === '%' && Math.abs(x.number as number) > 1
    ? { ...x, number: ratio(x.number as number, 100), unit: '%' }
    : x;
}

/** A 度量单位 column applies to bare numbers in its row; "66" under "%" is 66%. */
function withUnit(pv: ParsedValue, unitText: string): ParsedValue {
  if (pv.kind !== 'number' || pv.unit !== null || !unitText || isNotApplicableMark(unitText)) return pv;
  const u = unitText.normalize('NFKC').trim();
  if (u === '%') return { ...pv, number: (pv.number as number) / 100, unit: '%' };
  return { ...pv, unit: u };
}

/** The kind of a row that is not scored (no 分值), for the report's sake. */
export function kindOnly(t: DetectedTable, row: IndicatorRow, targetText: string): IndicatorKind {
  const c = t.indicators.cols;
  const nature = c.nature !== undefined ? natureComparator(resolvedCell(t.grid, row.row, c.nature).text) : null;
  const target = parseCell(cellAt(t.grid, row.row, c.target ?? -1));
  if (!targetText) return 'unknown';
  return inferKind(target, row.level2, nature);
}
