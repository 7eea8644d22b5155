// numfmt 4.0.1 ships its types under an "exports" map that this project's "node" module resolution does
// not read; these are the two functions core's number-text renderer uses (see src/core/numberText.ts).
declare module 'numfmt' {
  export function format(pattern: string, value: unknown, options?: Record<string, unknown>): string;
  export function isDateFormat(pattern: string): boolean;
}
