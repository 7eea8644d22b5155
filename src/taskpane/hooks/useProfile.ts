import { useCallback, useEffect, useState } from 'react';
import { NATIONAL_PROFILE, parseProfile, ProfileError, type RuleProfile } from '../../core/profile';
import type { WorkbookAdapter } from '../../excel/workbookAdapter';
import { whenPaneVisible } from '../../excel/paneVisibility';
import { userMessageOf } from '../model';

export type SaveOutcome = { ok: true; profile: RuleProfile } | { ok: false; reason: string };

export interface ProfileState {
  /** null until the saved profile has been read (national defaults if reading failed). */
  profile: RuleProfile | null;
  /**
   * Why the saved profile could not be used, if it could not: unreadable, or read but damaged (the adapter's
   * profileWarning). The national rules apply meanwhile; saving valid settings clears it.
   */
  loadError: string | null;
  saving: boolean;
  /** Validates with parseProfile, then saves with the workbook; refuses with the reason. */
  save(input: unknown): Promise<SaveOutcome>;
}

/** The adapter's reason a saved profile was not used, with what to do about it in the pane. */
export function damagedProfileNotice(warning: string | null): string | null {
  if (!warning) return null;
  return `${warning}请在“设置”中检查各项后点“保存设置”，重新保存规则（覆盖工作簿中损坏的规则）。`;
}

export function useProfile(adapter: WorkbookAdapter): ProfileState {
  const [profile, setProfile] = useState<RuleProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    // The pane's first read waits until it shows: in the shared runtime the page may start hidden (with the
    // document, or for a ribbon command), and the workbook read (analysis follows the profile) would run unseen.
    whenPaneVisible()
      .then(() => (live ? adapter.loadProfile() : null))
      .then(
        (p) => {
          if (!live || !p) return;
          setProfile(p);
          setLoadError(damagedProfileNotice(adapter.profileWarning ?? null));
        },
        (err) => {
          if (!live) return;
          // Score with the national rules rather than not at all; say why.
          setProfile(parseProfile({}, NATIONAL_PROFILE));
          setLoadError(`没有读到工作簿中保存的评分设置，暂按全国默认规则评分。${userMessageOf(err, '').message}`.trim());
        },
      );
    return () => {
      live = false;
    };
  }, [adapter]);

  const save = useCallback(
    async (input: unknown): Promise<SaveOutcome> => {
      let parsed: RuleProfile;
      try {
        parsed = parseProfile(input, NATIONAL_PROFILE);
      } catch (err) {
        return { ok: false, reason: err instanceof ProfileError ? err.userMessage : userMessageOf(err, '设置无效。').message };
      }
      setSaving(true);
      try {
        await adapter.saveProfile(parsed);
        setProfile(parsed);
        setLoadError(null);
        return { ok: true, profile: parsed };
      } catch (err) {
        const m = userMessageOf(err, '设置没有保存到工作簿，请重试。');
        return { ok: false, reason: m.detail ? `${m.message}（${m.detail}）` : m.message };
      } finally {
        setSaving(false);
      }
    },
    [adapter],
  );

  return { profile, loadError, saving, save };
}
