import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { axeProblems } from './axeActions';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, screenshotsOfModal, tabTo } from './personActions';
import { hoverLookUp, openCraftedArticle } from './readerActions';

/** Issue #17: words saved from the dictionary pop-up, seen, edited and deleted in the vocabulary view, exported for a spreadsheet and for Anki. */

const title = '出租车司机的一天';
const body = ['他每天开着出租车穿过北京的街道。', '下班后他用互联网学习新的软件。'].join('\n\n');

const article = (app: Page) => app.getByRole('article');
const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: /^(Script|字形)$/ }).getByRole('radio', { name: label, exact: true });
const vocabularyButton = (app: Page) => app.getByRole('button', { name: /^(Vocabulary|生词本)$/ });
const view = (app: Page) => app.getByRole('dialog', { name: /^(Vocabulary|生词本)$/ });

/** The serious and critical axe violations inside `scope`, in the light and the dark theme. */
async function axeFindings(app: Page, scope: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await app.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    found.push(...(await axeProblems(app, scope)).map((v) => `${theme} ${v}`));
  }
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });
  return found;
}

/** Exports from the view and reads the file back: main's dialog chose where, and the view says it. */
async function exportAndRead(app: Page, button: string): Promise<string> {
  const status = view(app).locator('.vocabulary-status');
  await clickAtCentre(app, view(app).getByRole('button', { name: button }));
  await expect(status).toContainText(/written to /);
  const file = /written to (.+)$/.exec((await status.textContent()) ?? '')?.[1];
  if (!file) throw new Error('the view did not say where the file went');
  return fs.readFileSync(file, 'utf8');
}

test('two words added from the pop-up are in the vocabulary view, with their sentences; edited, deleted and undone; exported as CSV and for Anki', async ({
  app,
  saveScreenshot,
}) => {
  await openCraftedArticle(app, title, body);

  // The first word, in 原文.
  await hoverLookUp(app, '出租车');
  const taxi = app.getByRole('dialog', { name: 'Dictionary: 出租车' });
  await clickAtCentre(app, taxi.getByRole('button', { name: 'taxi', exact: true }));
  await expect(taxi.getByRole('button', { name: 'taxi', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await axeFindings(app, '.dictionary-popup')).toEqual([]);
  await clickAtCentre(app, taxi.getByRole('button', { name: 'Add to vocabulary' }));
  await expect(app.getByRole('status').filter({ hasText: 'Added to vocabulary: 出租车' })).toBeVisible();
  await app.keyboard.press('Escape');

  // The second, in 臺灣(詞彙): saved as shown (網際網路), on the stored 互联网.
  await clickAtCentre(app, modeRadio(app, '臺灣(詞彙)'));
  await expect(article(app)).toContainText('網際網路');
  await hoverLookUp(app, '網際網路');
  const internet = app.getByRole('dialog', { name: 'Dictionary: 網際網路' });
  await clickAtCentre(app, internet.getByRole('button', { name: 'Add to vocabulary' }));
  await expect(app.getByRole('status').filter({ hasText: 'Added to vocabulary: 網際網路' })).toBeVisible();
  await app.keyboard.press('Escape');
  // Nothing in the reader changed: no highlight, the text as it was.
  await expect(article(app).locator('mark')).toHaveCount(0);

  // Screenshots of the pop-up, in both languages.
  await screenshotsOf(app, saveScreenshot, 'dictionary-popup', async () => {
    await app.keyboard.press('Escape');
    await hoverLookUp(app, '網際網路');
    await expect(app.locator('.dictionary-popup .dictionary-word')).toHaveText('網際網路');
  });
  await app.keyboard.press('Escape');

  await clickAtCentre(app, vocabularyButton(app));
  await expect(view(app).getByRole('status').first()).toHaveText('2 words');
  const words = view(app).getByRole('list', { name: 'Words' }).getByRole('listitem');
  await expect(words).toHaveCount(2);
  // Newest first, each with the sentence it was found in, as it was shown.
  await expect(words.nth(0)).toContainText('網際網路');
  await expect(words.nth(0)).toContainText('互联网');
  await expect(words.nth(0)).toContainText('下班後他用網際網路學習新的軟體。');
  await expect(words.nth(1)).toContainText('他每天开着出租车穿过北京的街道。');
  await expect(words.nth(1).getByRole('textbox', { name: 'Meaning' })).toHaveValue('taxi');
  await expect(words.nth(1).getByRole('textbox', { name: 'Reading' })).toHaveValue('chū zū chē');

  // Filtered by text in either script: 出租車 finds 出租车.
  await view(app).getByRole('searchbox', { name: 'Find words' }).fill('出租車');
  await expect(words).toHaveCount(1);
  await expect(view(app).getByRole('status').first()).toHaveText('1 of 2 words');
  await view(app).getByRole('searchbox', { name: 'Find words' }).fill('');
  await expect(words).toHaveCount(2);

  // The meaning edited in place (saved on leaving the field).
  const meaning = words.nth(1).getByRole('textbox', { name: 'Meaning' });
  await clickAtCentre(app, meaning);
  await meaning.fill('taxi, cab');
  await app.keyboard.press('Tab');
  await expect
    .poll(() =>
      app.evaluate(async () => {
        const r = await window.pizhu.listVocabulary({});
        return r.ok ? r.value.map((e) => e.sense) : [];
      }),
    )
    .toEqual(['(Tw) Internet', 'taxi, cab']);

  const csv = await exportAndRead(app, 'Export CSV…');
  const rows = csv.split('\r\n');
  expect(rows[0]).toBe('\uFEFFword,stored_word,reading,meaning,sentence,article,link,created_at');
  expect(rows[1]).toMatch(
    /^網際網路,互联网,wǎng jì wǎng lù,\(Tw\) Internet,下班後他用網際網路學習新的軟體。,出租车司机的一天,pizhu:\/\/article\/\d+#\d+,/,
  );
  expect(rows[2]).toMatch(/^出租车,出租车,chū zū chē,"taxi, cab",他每天开着出租车穿过北京的街道。,/);
  expect(rows[3]).toBe('');

  const anki = (await exportAndRead(app, 'Export Anki…')).split('\n');
  expect(anki.slice(0, 3)).toEqual([
    '#separator:tab',
    '#html:true',
    '#columns:Word\tReading\tMeaning\tSentence\tSource',
  ]);
  const [word, reading, sense, sentence, source, ...more] = anki[4]?.split('\t') ?? [];
  expect([word, reading, sense, sentence, more]).toEqual([
    '出租车',
    'chū zū chē',
    'taxi, cab',
    '他每天开着<b>出租车</b>穿过北京的街道。',
    [],
  ]);
  expect(source).toMatch(/^<a href="pizhu:\/\/article\/\d+#\d+">出租车司机的一天<\/a>$/);
  expect(anki[3]).toContain('下班後他用<b>網際網路</b>學習新的軟體。');

  expect(await axeFindings(app, 'dialog[open]')).toEqual([]);
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'vocabulary-view',
    async () => {
      if ((await view(app).count()) === 0) await clickAtCentre(app, vocabularyButton(app));
      await expect(view(app).getByRole('listitem')).toHaveCount(2);
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(view(app)).toHaveCount(0);
    },
  );
  await clickAtCentre(app, vocabularyButton(app));

  // Deleted, then undone from the view.
  await clickAtCentre(app, words.nth(0).getByRole('button', { name: 'Delete “網際網路”' }));
  await expect(words).toHaveCount(1);
  await clickAtCentre(app, view(app).getByRole('button', { name: 'Undo' }));
  await expect(words).toHaveCount(2);
  await expect(words.nth(0)).toContainText('網際網路');

  // Its link goes back to the paragraph the word was found in (shown in the reader's mode, 臺灣(詞彙)).
  await clickAtCentre(app, words.nth(1).getByRole('button', { name: 'Open this paragraph of “出租车司机的一天”' }));
  await expect(view(app)).toHaveCount(0);
  await expect(article(app).locator('.paragraph-flash')).toContainText('他每天開著計程車穿過北京的街道。');
});

test('the vocabulary view by keyboard alone: opened with Tab and Enter, filtered, a meaning typed, a word deleted and undone, Escape back to the button', async ({
  app,
}) => {
  const articleId = await openCraftedArticle(app, title, body);
  // Two saved words (adding one from the pop-up by keyboard is dictionary.spec's): 出租车 and 互联网, each at characters 5-8.
  await app.evaluate(async (id) => {
    const opened = await window.pizhu.getArticle({ articleId: id });
    if (!opened.ok) throw new Error(opened.error.message);
    for (const word of ['出租车', '互联网']) {
      const paragraph = opened.value.paragraphs.find((p) => p.text.indexOf(word) === 5);
      if (!paragraph) throw new Error(`no paragraph has ${word} at 5`);
      const added = await window.pizhu.addVocabulary({ paragraphId: paragraph.id, start: 5, end: 8, word });
      if (!added.ok) throw new Error(added.error.message);
    }
  }, articleId);

  await tabTo(app, vocabularyButton(app));
  await app.keyboard.press('Enter');
  const words = view(app).getByRole('list', { name: 'Words' }).getByRole('listitem');
  await expect(words).toHaveCount(2);
  const find = view(app).getByRole('searchbox', { name: 'Find words' });
  await expect(find).toBeFocused();

  // Filtered in the other script, then the filter cleared.
  await app.keyboard.type('出租車');
  await expect(words).toHaveCount(1);
  await expect(view(app).getByRole('status').first()).toHaveText('1 of 2 words');
  await app.keyboard.press('ControlOrMeta+A');
  await app.keyboard.press('Backspace');
  await expect(words).toHaveCount(2);

  // A meaning typed, saved on Tab.
  const taxi = view(app).getByRole('listitem', { name: '出租车' });
  await tabTo(app, taxi.getByRole('textbox', { name: 'Meaning' }));
  await app.keyboard.type('taxi');
  await app.keyboard.press('Tab');
  await expect
    .poll(() =>
      app.evaluate(async () => {
        const r = await window.pizhu.listVocabulary({ text: '出租车' });
        return r.ok ? r.value.map((e) => e.sense) : [];
      }),
    )
    .toEqual(['taxi']);

  // Deleted with Enter on its button, and brought back with the view's Undo.
  await tabTo(app, view(app).getByRole('button', { name: 'Delete “互联网”' }));
  await app.keyboard.press('Enter');
  await expect(words).toHaveCount(1);
  await expect(view(app).locator('.vocabulary-status')).toContainText('Deleted “互联网”.');
  await tabTo(app, view(app).getByRole('button', { name: 'Undo' }));
  await app.keyboard.press('Enter');
  await expect(words).toHaveCount(2);

  // Escape closes the view and gives the focus back to the button that opened it.
  await app.keyboard.press('Escape');
  await expect(view(app)).toHaveCount(0);
  await expect(vocabularyButton(app)).toBeFocused();
});
