import { useMemo } from 'react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeKind = 'light' | 'dark';

interface OfficeLike {
  context?: { officeTheme?: { bodyBackgroundColor?: string } | null } | null;
}

/** Dark when Office's body background is dark; light when it is light, unknown or absent (Excel Online, old hosts). */
export function themeKindOf(office: unknown): ThemeKind {
  const bg = (office as OfficeLike | undefined)?.context?.officeTheme?.bodyBackgroundColor;
  if (typeof bg !== 'string') return 'light';
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg.trim());
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  // Perceived brightness (Rec. 601 weights) is enough to tell Office's dark themes from its light ones.
  return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 ? 'dark' : 'light';
}

/** The Fluent theme matching Office's, read once when the pane opens. */
export function useOfficeTheme(office: unknown = (globalThis as { Office?: unknown }).Office): { kind: ThemeKind; theme: Theme } {
  return useMemo(() => {
    let kind: ThemeKind = 'light';
    try {
      kind = themeKindOf(office);
    } catch {
      // Some hosts throw when officeTheme is read before it is available: stay light.
    }
    return { kind, theme: kind === 'dark' ? webDarkTheme : webLightTheme };
  }, [office]);
}
