/**
 * Issue 13 item 6, the pane side: what a clerk reads is Chinese — no English ids in parentheses, no JSON
 * keys, no address said twice in the 问题 list — on a result core computed for a table full of mistakes.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CLEAN_INDICATORS, NATIONAL_FUNDS, nationalTable, pct, toGrid } from '../../tests/core/helpers';
import { evaluateWorkbook } from '../core/engine';
import { App } from './App';
import { FakeAdapter } from './testing/fakeAdapter';

jest.setTimeout(60_000);

/** A core result with errors, warnings and hints of many kinds (stated rate and scores off, weights off, a bound for an actual). */
function messyResult() {
  const funds = [{ ...NATIONAL_FUNDS[0], values: [97.9, 64.95, 64.95, 10, pct(0.66), 7] }, ...NATIONAL_FUNDS.slice(1)];
  const indicators = CLEAN_INDICATORS.map((ind, i) =>
    i === 0 ? { ...ind, weight: 30, score: 26 } : i === 1 ? { ...ind, actual: '≥95%' } : i === 3 ? { ...ind, score: 6 } : ind,
  );
  const result = evaluateWorkbook([toGrid(nationalTable({ funds, indicators, total: [110, 96] }))]);
  expect(result.tables).toHaveLength(1);
  return result;
}

/**
 * "（national）", "(weights.output)": an ASCII id in brackets. A cell address ("（H6）") and the form's own
 * column letters ("全年预算数（A）") are what the sheet says, not ids.
 */
const ASCII_ID_IN_BRACKETS = /[（(]\s*(?![A-Z]{1,3}\d+\s*[)）])[A-Za-z][\w.-]+\s*[)）]/;
const JSON_KEYS = /\b(weights|includeExecutionInTotal|qualitativeBands|negativeFormula|overAchievementThreshold|deviationBelowRate|decimals|rounding|grades|reportOutline)\b/;

describe('clerk language in the pane', () => {
  it('shows no ASCII id in brackets and no JSON key on any tab', async () => {
    const result = messyResult();
    const t = result.tables[0];
    expect(t.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
    render(<App adapter={new FakeAdapter({ result })} />);
    await screen.findByRole('tablist');
    for (const name of [/检测/, /问题/, /评分结果/, /设置/]) {
      await userEvent.click(screen.getByRole('tab', { name }));
      const text = document.body.textContent ?? '';
      expect(text).not.toMatch(ASCII_ID_IN_BRACKETS);
      expect(text).not.toMatch(JSON_KEYS);
    }
    // The layout is named in Chinese only.
    await userEvent.click(screen.getByRole('tab', { name: /检测/ }));
    expect(screen.getByText('全国通用格式')).toBeInTheDocument();
    // A refused setting is explained in Chinese too.
    await userEvent.click(screen.getByRole('tab', { name: /设置/ }));
    const weight = screen.getByRole('textbox', { name: '效益指标分值' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '-5');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText(/效益指标分值应为不小于 0 的数字/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(JSON_KEYS);
    expect(document.body.textContent).not.toMatch(ASCII_ID_IN_BRACKETS);
  });

  it('says each issue’s address once, beside the message, never again inside it', async () => {
    const result = messyResult();
    const withCell = result.tables[0].issues.filter((i) => i.cell);
    // The raw messages do open with their address: the list is what must not repeat it.
    expect(withCell.some((i) => i.message.startsWith(i.cell!))).toBe(true);
    render(<App adapter={new FakeAdapter({ result })} />);
    await screen.findByRole('tablist');
    await userEvent.click(screen.getByRole('tab', { name: /问题/ }));
    const panel = screen.getByRole('tabpanel', { name: /问题/ });
    // Each item reads "<severity> <cell><message>": the cell is said once, the message does not say it again.
    const lead = /^(错误|警告|提示|已自动更正) ([A-Z]{1,3}\d+)/;
    const items = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
      .filter((text) => lead.test(text));
    expect(items).toHaveLength(withCell.length);
    for (const text of items) {
      const cell = lead.exec(text)![2];
      expect({ text, said: text.split(cell).length - 1 }).toEqual({ text, said: 1 });
    }
    expect(new Set(items.map((text) => lead.exec(text)![2]))).toEqual(new Set(withCell.map((i) => i.cell)));
  });
});
