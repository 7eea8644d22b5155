/** The saved profile's text in `_jixiao_settings`!A1: parse, serialise, and --config over it key by key. */
import { NATIONAL_PROFILE, parseProfile } from '../../src/core/profile';
import { effectiveProfile, parseSavedProfile, savedProfileContent, serializeProfile, SETTINGS_SHEET } from '../../src/core/savedProfile';

describe('parseSavedProfile', () => {
  it('reads nothing from an empty cell', () => {
    for (const empty of [null, undefined, '', '   ']) expect(parseSavedProfile(empty)).toEqual({ status: 'none' });
  });

  it('reads a JSON string (with a Notepad BOM) or an object left in document settings, over the national rules', () => {
    const fromText = parseSavedProfile('\uFEFF{"includeExecutionInTotal":false,"weights":{"output":60}}');
    expect(fromText.status).toBe('ok');
    if (fromText.status !== 'ok') return;
    expect(fromText.profile).toEqual({ ...NATIONAL_PROFILE, includeExecutionInTotal: false, weights: { ...NATIONAL_PROFILE.weights, output: 60 } });
    expect(parseSavedProfile({ decimals: 1 })).toMatchObject({ status: 'ok', profile: { decimals: 1 } });
  });

  it('says, in Chinese, why a damaged profile is not used', () => {
    const notJson = parseSavedProfile('{decimals: 2');
    expect(notJson).toMatchObject({ status: 'invalid', message: expect.stringContaining('不是有效的 JSON') });
    const wrong = parseSavedProfile('{"decimals":"two"}');
    // The pane shows this to a clerk: the setting's Chinese name, never its JSON key.
    expect(wrong).toEqual({ status: 'invalid', message: '工作簿中保存的评分规则有误：保留小数位数应为 0～6 的整数，现为“two”。已改用全国默认规则。' });
  });
});

describe('serializeProfile', () => {
  it('writes every key, and reads back to the same profile', () => {
    const p = parseProfile({ rounding: 'truncate', grades: [{ min: 85, label: 'A' }, { min: 0, label: 'B' }] });
    const text = serializeProfile(p);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(Object.keys(NATIONAL_PROFILE).sort());
    expect(parseSavedProfile(text)).toMatchObject({ status: 'ok', profile: p });
  });
});

describe('savedProfileContent', () => {
  it('takes A1 of the settings sheet, and nothing from other sheets', () => {
    const grids = [
      { name: '自评表', cells: [[{ value: '{"decimals":1}', text: '' }]], merges: [] },
      { name: SETTINGS_SHEET, cells: [[{ value: '{"decimals":3}', text: '' }]], merges: [], hidden: true },
    ];
    expect(savedProfileContent(grids)).toBe('{"decimals":3}');
    expect(savedProfileContent(grids.slice(0, 1))).toBeNull();
  });
});

describe('effectiveProfile: --config over the saved profile over the national rules, key by key', () => {
  const saved = parseSavedProfile('{"includeExecutionInTotal":false,"decimals":1,"weights":{"output":60,"effect":20}}');

  it('uses the saved profile alone and says so', () => {
    const { profile, source } = effectiveProfile(saved);
    expect(profile.includeExecutionInTotal).toBe(false);
    expect(source).toMatchObject({ workbook: true, config: null, warning: null });
    expect(source.description).toBe(`评分规则：工作簿中保存的规则（${SETTINGS_SHEET}）`);
  });

  it('lays each --config key over the saved one, weights one by one', () => {
    const { profile, source } = effectiveProfile(saved, { input: { decimals: 3, weights: { effect: 30 } }, label: 'rules.json' });
    expect(profile.decimals).toBe(3); // from --config
    expect(profile.includeExecutionInTotal).toBe(false); // from the workbook
    expect(profile.weights).toEqual({ execution: 10, output: 60, effect: 30, satisfaction: 10 }); // national, workbook, config, national
    expect(source.description).toBe(`评分规则：rules.json，未写的项取工作簿中保存的规则（${SETTINGS_SHEET}）`);
  });

  it('falls back to the national rules, saying why when the saved one is damaged', () => {
    expect(effectiveProfile({ status: 'none' }).source.description).toBe('评分规则：全国默认规则（财预〔2020〕10号）');
    const damaged = effectiveProfile(parseSavedProfile('oops'), { input: { decimals: 0 }, label: 'a.json' });
    expect(damaged.profile).toEqual({ ...NATIONAL_PROFILE, decimals: 0 });
    expect(damaged.source.description).toBe('评分规则：a.json，未写的项取全国默认规则');
    expect(damaged.source.warning).toMatch(/不是有效的 JSON/);
  });
});
