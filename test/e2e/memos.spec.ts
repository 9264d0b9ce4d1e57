import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, screenshotsOfModal, tabTo } from './personActions';
import { caretToEnd } from './readerActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #18 item 2 (memos) and item 6's interface (REFI-QDA from the export dialog): a person
 * writes an article memo and a journal entry in the memos panel, finds both by the library
 * search and clicks through to them, undoes; exports the library as a .qdpx with MAXQDA's line
 * endings and reads what it holds; imports a codebook; once each by keyboard alone.
 */

/** The first seed's title (the list's first row is not always it: the list sorts by date). */
async function firstTitle(app: Page): Promise<string> {
  return app.evaluate(async () => {
    const result = await window.pizhu.listArticles();
    if (!result.ok) throw new Error(result.error.message);
    return [...result.value].sort((x, y) => x.id - y.id)[0]!.title;
  });
}

const panel = (app: Page) => app.getByRole('complementary', { name: 'Memos and research journal' });
const articleMemo = (app: Page) => panel(app).getByRole('textbox', { name: 'Article memo' });

test('memos: write an article memo and a journal entry, find both by search, click through, undo', async ({
  app,
  saveScreenshot,
}) => {
  // Eight screenshots on a shared machine.
  test.setTimeout(180_000);
  const title = await firstTitle(app);
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await app.getByRole('article').locator('.paragraph-text').first().waitFor();
  await clickAtCentre(app, app.getByRole('button', { name: 'Memos', exact: true }));
  await expect(panel(app)).toBeVisible();
  await expect(panel(app).getByText('The journal is empty.')).toBeVisible();

  await clickAtCentre(app, articleMemo(app));
  await app.keyboard.type('受访者多次提到租金上涨。');
  await expect(panel(app).getByRole('status').first()).toHaveText('Saved');

  await clickAtCentre(app, panel(app).getByRole('button', { name: 'New entry' }));
  const entry = panel(app).getByRole('textbox', { name: /^Journal entry of / });
  await expect(entry).toBeFocused();
  await app.keyboard.type('今天开始给住房政策编码。');
  await expect(panel(app).locator('.memo-entry').getByRole('status')).toHaveText('Saved');
  // What main holds: the memo on this article and one journal entry.
  const stored = await app.evaluate(async () => {
    const journal = await window.pizhu.listJournal();
    return journal.ok ? journal.value.map((e) => e.plainText) : [];
  });
  expect(stored).toEqual(['今天开始给住房政策编码。']);

  await screenshotsOf(app, saveScreenshot, 'memos-panel', async () => {
    if (!(await app.locator('.memos-panel').isVisible())) await clickAtCentre(app, app.locator('.memos-button'));
    await expect(app.locator('.memos-panel .memo-entry')).toHaveCount(1);
  });

  // The library search finds the memo and the entry, in either script, and clicks through.
  await clickAtCentre(app, app.getByRole('button', { name: 'Search', exact: true }));
  const search = app.getByRole('complementary', { name: 'Search' });
  await clickAtCentre(app, search.getByRole('searchbox', { name: 'Search text and notes' }));
  await app.keyboard.type('租金上漲');
  const memoHits = search.getByRole('region', { name: 'Memos' });
  await expect(memoHits.getByRole('button')).toHaveCount(1);
  await expect(memoHits.getByRole('button')).toContainText(`Article memo · ${title}`);
  await expect(memoHits.locator('mark')).toHaveText('租金上涨');
  await clickAtCentre(app, memoHits.getByRole('button'));
  await expect(panel(app)).toBeVisible();
  await expect(panel(app).locator('.memo-focused')).toContainText('受访者多次提到租金上涨。');

  await clickAtCentre(app, app.getByRole('button', { name: 'Search', exact: true }));
  await clickAtCentre(app, search.getByRole('searchbox', { name: 'Search text and notes' }));
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.type('住房政策编码');
  await expect(search.getByRole('region', { name: 'Memos' }).getByRole('button')).toContainText('Journal · ');
  await clickAtCentre(app, search.getByRole('region', { name: 'Memos' }).getByRole('button'));
  await expect(panel(app).locator('.memo-focused')).toContainText('今天开始给住房政策编码。');

  // Undo: deleting the entry is one step the toast takes back; the memo's writing is one more.
  await clickAtCentre(app, panel(app).getByRole('button', { name: /^Delete the entry of / }));
  await expect(panel(app).getByText('The journal is empty.')).toBeVisible();
  await clickAtCentre(app, app.locator('.toast').getByRole('button', { name: 'Undo' }));
  await expect(panel(app).locator('.memo-entry')).toContainText('今天开始给住房政策编码。');
  await app.mouse.click(5, 500);
  await app.keyboard.press('ControlOrMeta+z');
  await expect(app.locator('.toast')).toContainText('Undone: Edit memo');
  await app.keyboard.press('ControlOrMeta+z');
  await expect(articleMemo(app)).toHaveText('');
  const memo = await app.evaluate(async () => {
    const [first] = await window.pizhu.listArticles().then((r) => (r.ok ? [...r.value].sort((x, y) => x.id - y.id) : []));
    const result = await window.pizhu.getArticleMemo({ articleId: first!.id });
    return result.ok ? result.value : 'failed';
  });
  expect(memo).toBeNull();
});

test('memos: by keyboard alone, open the panel, write the article memo and a journal entry', async ({ app }) => {
  const title = await firstTitle(app);
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await app.getByRole('article').locator('.paragraph-text').first().waitFor();
  await tabTo(app, app.getByRole('button', { name: 'Memos', exact: true }));
  await app.keyboard.press('Enter');
  await tabTo(app, articleMemo(app));
  await caretToEnd(app, articleMemo(app));
  await app.keyboard.type('用键盘写的备忘');
  await expect(panel(app).getByRole('status').first()).toHaveText('Saved');
  await tabTo(app, panel(app).getByRole('button', { name: 'New entry' }));
  await app.keyboard.press('Enter');
  await expect(panel(app).getByRole('textbox', { name: /^Journal entry of / })).toBeFocused();
  await app.keyboard.type('键盘日志');
  await expect(panel(app).locator('.memo-entry').getByRole('status')).toHaveText('Saved');
  const saved = await app.evaluate(async () => {
    const journal = await window.pizhu.listJournal();
    const [first] = await window.pizhu.listArticles().then((r) => (r.ok ? [...r.value].sort((x, y) => x.id - y.id) : []));
    const memo = await window.pizhu.getArticleMemo({ articleId: first!.id });
    return { journal: journal.ok ? journal.value.map((e) => e.plainText) : [], memo: memo.ok ? memo.value?.plainText : null };
  });
  expect(saved).toEqual({ journal: ['键盘日志'], memo: '用键盘写的备忘' });
});

const exporting = (app: Page) => app.getByRole('dialog', { name: 'Export and back up' });

/** The entries of the .qdpx at `file`, as text. */
function readQdpx(file: string): Map<string, string> {
  const entries = unzipSync(fs.readFileSync(file));
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

test('REFI-QDA: export the library as a .qdpx with MAXQDA line endings from the export dialog, and import a codebook', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const title = await firstTitle(app);
  await app.evaluate(async (title) => {
    const list = await window.pizhu.listArticles();
    const article = list.ok ? list.value.find((a) => a.title === title) : undefined;
    await window.pizhu.saveArticleMemo({ articleId: article!.id, editorState: '', plainText: '导出的备忘', markdown: '导出的备忘' });
  }, title);
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = exporting(app);
  const qda = dialog.getByRole('region', { name: 'REFI-QDA exchange (ATLAS.ti, MAXQDA, NVivo, QualCoder)' });
  await clickAtCentre(app, qda.getByRole('checkbox', { name: 'Windows line endings (MAXQDA)' }));
  await clickAtCentre(app, qda.getByRole('button', { name: 'Export project (.qdpx)…' }));
  const status = qda.getByRole('status');
  await expect(status).toContainText(/^Wrote .*library\.qdpx: \d+ sources, \d+ codes, \d+ coded selections, \d+ notes\.$/);
  const file = /^Wrote (.*library\.qdpx):/.exec((await status.textContent()) ?? '')![1]!;
  const entries = readQdpx(file);
  const xml = entries.get('project.qde')!;
  expect(xml).toContain('origin="Pizhu"');
  expect(xml).toContain('<PlainTextContent>导出的备忘</PlainTextContent>');
  const sources = [...entries.keys()].filter((name) => name.startsWith('sources/'));
  expect(sources.length).toBe(Number(/: (\d+) sources/.exec((await status.textContent()) ?? '')![1]));
  // MAXQDA's line endings: paragraphs are separated by CRLF, never a bare LF.
  const text = entries.get(sources[0]!)!;
  expect(text).toContain('\r\n\r\n');
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');

  await clickAtCentre(app, qda.getByRole('button', { name: 'Export codebook (.qdc)…' }));
  await expect(status).toContainText(/^Wrote .*codebook\.qdc: \d+ codes\.$/);
  await clickAtCentre(app, qda.getByRole('button', { name: 'Import codebook (.qdc)…' }));
  await expect(status).toContainText(/^Imported the codebook: \d+ codes, 0 new tags, 0 descriptions\.$/);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await screenshotsOfModal(
    app,
    saveScreenshot,
    'refi-qda-export',
    async () => {
      await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: /^(Export…|导出……)$/ }));
      await app.locator('.export-qda').scrollIntoViewIfNeeded();
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toHaveCount(0);
    },
  );
});

test('REFI-QDA: by keyboard alone, export the project from the export dialog', async ({ app }) => {
  const title = await firstTitle(app);
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }));
  await app.mouse.move(0, 0);
  await tabTo(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  await app.keyboard.press('Enter');
  const qda = exporting(app).getByRole('region', { name: /^REFI-QDA exchange/ });
  await tabTo(app, qda.getByRole('checkbox', { name: 'Name the project file after the project (ATLAS.ti)' }));
  await app.keyboard.press('Space');
  await tabTo(app, qda.getByRole('button', { name: 'Export project (.qdpx)…' }));
  await app.keyboard.press('Enter');
  const status = qda.getByRole('status');
  await expect(status).toContainText(/^Wrote .*library\.qdpx:/);
  const file = /^Wrote (.*library\.qdpx):/.exec((await status.textContent()) ?? '')![1]!;
  // ATLAS.ti's naming: the project file is named after the project.
  expect([...readQdpx(file).keys()]).toContain('Pizhu library.qde');
});
