/** Units written beside values, and which of them can be compared with each other. */

/** Money units in 元, so "72890 元" compares with "97.9 万元". */
const MONEY: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8 };
const TIME: Record<string, number> = { 分钟: 1 / 60, 小时: 1, 天: 24, 日: 24, 周: 168, 月: 720, 个月: 720, 年: 8760 };

export interface UnitFamily {
  family: string;
  factor: number;
}

/** The known units' families, made once: every value compared asks for two. */
const KNOWN = new Map<string, Readonly<UnitFamily>>([
  ...Object.entries(MONEY).map(([u, factor]) => [u, { family: 'money', factor }] as const),
  ...Object.entries(TIME).map(([u, factor]) => [u, { family: 'time', factor }] as const),
  ['%', { family: 'percent', factor: 1 }],
  ['‰', { family: 'percent', factor: 0.1 }],
]);

/** The family and scale of a unit; unknown units form a family of their own. */
export function unitFamily(unit: string): Readonly<UnitFamily> {
  return KNOWN.get(unit) ?? { family: unit, factor: 1 };
}

/** Whether two units (null = none written) can be compared; null against anything is accepted. */
export function unitsCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return unitFamily(a).family === unitFamily(b).family;
}

/** Scale to convert a value in unit `from` into unit `to` (same family assumed). */
export function unitScale(from: string | null, to: string | null): number {
  if (!from || !to) return 1;
  return unitFamily(from).factor / unitFamily(to).factor;
}
