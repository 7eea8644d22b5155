/**
 * The add-in's saved profile in the Excel double: the very hidden sheet `_jixiao_settings`, A1 = the profile
 * JSON (CONTRACT.md), moved there from document settings, and read by the CLI's code from the same workbook.
 */
import { NATIONAL_PROFILE } from '../../src/core/profile';
import { SETTINGS_SHEET } from '../../src/core/savedProfile';
import { profileForWorkbook } from '../../src/cli/profileFile';
import { OfficeWorkbookAdapter, PROFILE_SETTING } from '../../src/excel/officeAdapter';
import { AdapterError } from '../../src/excel/session';
import { uninstallFakeOffice } from '../../src/excel/testing/fakeExcel';
import { seedWorkbook } from './helpers';

afterEach(() => uninstallFakeOffice(globalThis));

const NO_EXECUTION = { ...NATIONAL_PROFILE, includeExecutionInTotal: false };

test('saving writes the whole profile as text into A1 of a very hidden _jixiao_settings sheet, and loading reads it', async () => {
  const wb = await seedWorkbook();
  const adapter = new OfficeWorkbookAdapter();
  expect(await adapter.loadProfile()).toEqual(NATIONAL_PROFILE);
  expect(wb.sheet(SETTINGS_SHEET)).toBeUndefined();

  await adapter.saveProfile(NO_EXECUTION);
  const sheet = wb.sheet(SETTINGS_SHEET)!;
  expect(sheet.visibility).toBe('VeryHidden');
  const a1 = wb.cell(SETTINGS_SHEET, 'A1');
  expect(a1.numberFormat).toBe('@');
  expect(JSON.parse(String(a1.value))).toEqual(NO_EXECUTION);
  // Nothing in document settings any more: those are keyed to this add-in and invisible elsewhere.
  expect(wb.settings[PROFILE_SETTING]).toBeUndefined();

  expect(await adapter.loadProfile()).toEqual(NO_EXECUTION);
  expect(adapter.profileSource).toBe('sheet');
  // Saving again rewrites the same sheet.
  await adapter.saveProfile({ ...NO_EXECUTION, decimals: 1 });
  expect(wb.sheets.filter((s) => s.name === SETTINGS_SHEET)).toHaveLength(1);
  expect((await adapter.loadProfile()).decimals).toBe(1);
});

test('the CLI reads the profile the add-in saved, from the same workbook', async () => {
  const wb = await seedWorkbook();
  await new OfficeWorkbookAdapter().saveProfile(NO_EXECUTION);
  const { profile, source } = profileForWorkbook(wb.toGrids());
  expect(profile).toEqual(NO_EXECUTION);
  expect(source.workbook).toBe(true);
  // And --config overrides it key by key.
  const over = profileForWorkbook(wb.toGrids(), { input: { decimals: 0 }, label: 'rules.json' });
  expect(over.profile).toEqual({ ...NO_EXECUTION, decimals: 0 });
});

test('a profile found in document settings (earlier versions) moves into the sheet on first load', async () => {
  const wb = await seedWorkbook();
  wb.settings[PROFILE_SETTING] = { includeExecutionInTotal: false };
  const adapter = new OfficeWorkbookAdapter();
  expect(await adapter.loadProfile()).toEqual(NO_EXECUTION);
  expect(JSON.parse(String(wb.cell(SETTINGS_SHEET, 'A1').value))).toEqual(NO_EXECUTION);
  expect(wb.sheet(SETTINGS_SHEET)!.visibility).toBe('VeryHidden');
  expect(wb.settings[PROFILE_SETTING]).toBeUndefined();
  expect(wb.officeCalls.settingsSaves).toBe(1);
  // The sheet wins from now on.
  expect(await adapter.loadProfile()).toEqual(NO_EXECUTION);
  expect(wb.officeCalls.settingsSaves).toBe(1);
});

test('with the structure protected the settings copy is used where it is, and saving says why it cannot', async () => {
  const wb = await seedWorkbook();
  wb.structureProtected = true;
  wb.settings[PROFILE_SETTING] = { includeExecutionInTotal: false };
  const adapter = new OfficeWorkbookAdapter();
  expect(await adapter.loadProfile()).toEqual(NO_EXECUTION);
  expect(adapter.profileSource).toBe('documentSettings');
  expect(wb.sheet(SETTINGS_SHEET)).toBeUndefined();
  expect(wb.settings[PROFILE_SETTING]).toEqual({ includeExecutionInTotal: false });

  const err = await adapter.saveProfile(NATIONAL_PROFILE).catch((e) => e);
  expect(err).toBeInstanceOf(AdapterError);
  expect(err).toMatchObject({ code: 'STRUCTURE_PROTECTED', userMessage: expect.stringMatching(/工作簿结构受保护/) });
});

test('a damaged saved profile means the national rules, with the reason kept for the pane', async () => {
  const wb = await seedWorkbook();
  const adapter = new OfficeWorkbookAdapter();
  await adapter.saveProfile(NATIONAL_PROFILE);
  wb.sheet(SETTINGS_SHEET)!.cells.get('0,0')!.value = '{"decimals":"two"}';
  expect(await adapter.loadProfile()).toEqual(NATIONAL_PROFILE);
  expect(adapter.profileWarning).toMatch(/工作簿中保存的评分规则有误/);
});

test('the settings sheet is not read as a table, nor written by the scoring', async () => {
  const wb = await seedWorkbook();
  const adapter = new OfficeWorkbookAdapter();
  await adapter.saveProfile(NO_EXECUTION);
  const before = wb.cell(SETTINGS_SHEET, 'A1').value;
  const out = await adapter.score(undefined, { confirmed: 'all' });
  expect(out.result.tables.map((t) => t.sheet)).toEqual(['自评表']);
  expect(wb.cell(SETTINGS_SHEET, 'A1').value).toBe(before);
  // The scoring used the saved rules: the total leaves out the execution rate.
  const national = await adapter.analyze(NATIONAL_PROFILE);
  expect(out.result.tables[0].totals.score).not.toBe(national.tables[0].totals.score);
});
