/**
 * Golden drafts: the seed and one table of each layout, drafted from the engine's result of the real
 * workbook, compared with the committed text (body, then the 填报问题清单). Each golden was read line
 * by line as a 财政局 reviewer would; regenerate with UPDATE_GOLDEN=1 and review the diff the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { draftReport } from '../../src/core/report/draft';
import { draftToPlainText, findingsToPlainText, scoreTableToPlainText } from '../../src/core/report/model';
import { FIXTURES, load } from './fixtures';
import { expectTraceable } from './helpers';

const dir = path.join(__dirname, 'golden');

describe.each(FIXTURES.map((f) => [f.id, f] as const))('golden draft: %s', (id, fx) => {
  test('matches the reviewed golden and traces every figure', async () => {
    const { table, profile, grid } = await load(fx);
    const draft = draftReport(table, profile, { outline: fx.outline, grid });
    const text = `${draftToPlainText(draft)}\n---\n${scoreTableToPlainText(draft)}\n---\n${findingsToPlainText(draft)}`;
    const file = path.join(dir, `${id}.txt`);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
    expectTraceable(table, draft);
  });
});
