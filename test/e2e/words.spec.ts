import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { axeProblems } from './axeActions';
import { articleMenuAction } from './libraryActions';
import { clickAtCentre, screenshotsOfModal, tabTo } from './personActions';
import { articleIdOf, openCraftedArticle, storedHighlights } from './readerActions';

/**
 * Issue #18 item 5: the Words view. A keyword-in-context list for a two-character word written
 * in both scripts (码头 / 碼頭) finds both, three lines are tagged at once and undone as one step,
 * a line opens its paragraph; the same by keyboard alone; screenshots.
 */

const simplified = {
  title: '码头工人的一天',
  body: ['清晨的码头很安静。', '工人们在码头卸货，码头旁边有一家小店。'].join('\n\n'),
};
const traditional = { title: '碼頭的故事', body: ['老碼頭已經有一百年。', '人們常在碼頭散步。'].join('\n\n') };

const wordsButton = (app: Page) => app.getByRole('button', { name: /^(Words|词语)$/ });
const view = (app: Page) => app.getByRole('dialog', { name: /^(Words|词语分析)$/ });
const lines = (app: Page) =>
  view(app)
    .getByRole('list', { name: /^(In context|关键词语境)$/ })
    .getByRole('listitem');

/** Both articles in the library; the traditional one open. */
async function twoArticles(app: Page): Promise<[number, number]> {
  await app.evaluate(async ({ title, body }) => {
    const r = await window.pizhu.importText({ text: `${title}\n\n${body}`, title });
    if (!r.ok) throw new Error(r.error.message);
  }, simplified);
  const b = await openCraftedArticle(app, traditional.title, traditional.body);
  return [await articleIdOf(app, simplified.title), b];
}

async function codedWith(app: Page, ids: readonly number[], tag: string): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids)
    for (const h of await storedHighlights(app, id)) if (h.tags.includes(tag)) found.push(h.text ?? '');
  return found.sort();
}

async function findInContext(app: Page, word: string): Promise<void> {
  await clickAtCentre(app, view(app).getByRole('tab', { name: /^(In context|关键词语境)$/ }));
  const field = view(app).getByRole('textbox', { name: /^(Word|词语)$/ });
  await clickAtCentre(app, field);
  await field.fill(word);
  await clickAtCentre(app, view(app).getByRole('button', { name: /^(Find|查找)$/ }));
}

test('KWIC of a word in both scripts: seven lines, three tagged at once and undone in one step, sorted by context, a line opens its paragraph', async ({
  app,
}) => {
  const ids = await twoArticles(app);
  await clickAtCentre(app, wordsButton(app));
  await findInContext(app, '码头');
  // Titles are paragraphs too: 码头 in the simplified title and three times in its body, 碼頭 in the other title and twice.
  await expect(view(app).locator('.words-summary')).toHaveText('7 lines');
  await expect(lines(app)).toHaveCount(7);
  await expect(lines(app).locator('mark')).toHaveText(['码头', '码头', '码头', '码头', '碼頭', '碼頭', '碼頭']);
  for (const theme of ['light', 'dark'] as const) {
    await app.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    expect(await axeProblems(app, '.words-dialog'), theme).toEqual([]);
  }
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });

  // Three lines chosen (two simplified, one traditional), tagged at once.
  for (const i of [1, 2, 5]) await clickAtCentre(app, lines(app).nth(i).getByRole('checkbox'));
  await clickAtCentre(app, view(app).getByRole('combobox', { name: 'Tag' }));
  await app.keyboard.type('地点');
  await clickAtCentre(app, view(app).getByRole('button', { name: 'Tag the 3 chosen lines' }));
  await expect(view(app).locator('.words-status')).toContainText('3 lines tagged “地点”.');
  expect(await codedWith(app, ids, '地点')).toEqual(['码头', '码头', '碼頭']);

  // One undo takes all three back.
  await clickAtCentre(app, view(app).locator('.words-status').getByRole('button', { name: 'Undo' }));
  await expect(view(app).locator('.words-status')).toHaveText('Undone.');
  expect(await codedWith(app, ids, '地点')).toEqual([]);

  // By right context, both scripts sorted together, folded (已經 sorts as 已经, between 工 and 很).
  await view(app).getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'By right context' });
  await expect(lines(app).locator('.kwic-right')).toHaveText([
    '卸货，码头旁边有一家小店。',
    '工人的一天',
    '已經有一百年。',
    '很安静。',
    '散步。',
    '旁边有一家小店。',
    '的故事',
  ]);

  // A line opens its paragraph in the reader.
  await clickAtCentre(app, lines(app).filter({ hasText: '散步' }).locator('.kwic-open'));
  await expect(view(app)).toBeHidden();
  await expect(app.getByRole('article')).toContainText('人們常在碼頭散步。');
});

test('KWIC by keyboard alone: the view opened with Tab and Enter, a word found with Enter, three lines chosen with Space and tagged, then undone with the Undo button', async ({
  app,
}) => {
  const ids = await twoArticles(app);
  await tabTo(app, wordsButton(app));
  await app.keyboard.press('Enter');
  await expect(view(app)).toBeVisible();
  await tabTo(app, view(app).getByRole('tab', { selected: true }));
  await app.keyboard.press('ArrowRight');
  await expect(view(app).getByRole('tab', { name: 'In context' })).toBeFocused();
  await tabTo(app, view(app).getByRole('textbox', { name: 'Word' }));
  await app.keyboard.type('碼頭');
  await app.keyboard.press('Enter');
  await expect(lines(app)).toHaveCount(7);
  for (const i of [0, 3, 6]) {
    await tabTo(app, lines(app).nth(i).getByRole('checkbox'));
    await app.keyboard.press('Space');
  }
  await tabTo(app, view(app).getByRole('combobox', { name: 'Tag' }), 80);
  await app.keyboard.type('码头线');
  await app.keyboard.press('Enter');
  await expect(view(app).locator('.words-status')).toContainText('3 lines tagged “码头线”.');
  expect(await codedWith(app, ids, '码头线')).toHaveLength(3);
  await tabTo(app, view(app).locator('.words-status').getByRole('button', { name: 'Undo' }), 80);
  await app.keyboard.press('Enter');
  await expect(view(app).locator('.words-status')).toHaveText('Undone.');
  expect(await codedWith(app, ids, '码头线')).toEqual([]);
  await app.keyboard.press('Escape');
  await expect(view(app)).toBeHidden();
  await expect(wordsButton(app)).toBeFocused();
});

test('an attribute value as the scope: set on one article, its words counted and read against the rest, and only there', async ({
  app,
  saveScreenshot,
}) => {
  await twoArticles(app);
  // A text attribute defined in the Attributes dialog, set on the simplified article from its row's ⋯ menu.
  await clickAtCentre(app, app.getByRole('button', { name: 'Attributes…', exact: true }));
  const attributes = app.getByRole('dialog', { name: 'Article attributes' });
  await clickAtCentre(app, attributes.getByRole('textbox', { name: 'Name' }));
  await app.keyboard.type('来源');
  await clickAtCentre(app, attributes.getByRole('button', { name: 'Add' }));
  await expect(attributes.getByRole('list', { name: 'Attributes' })).toContainText('来源');
  await app.keyboard.press('Escape');
  await expect(attributes).toBeHidden();
  await articleMenuAction(app, simplified.title, 'Attributes…');
  const own = app.getByRole('dialog', { name: `Attributes of “${simplified.title}”` });
  await clickAtCentre(app, own.getByRole('textbox', { name: '来源' }));
  await app.keyboard.type('甲报');
  await clickAtCentre(app, own.getByRole('button', { name: 'Save' }));
  await expect(own.getByRole('button', { name: 'Save' })).toBeDisabled();
  await clickAtCentre(app, own.getByRole('button', { name: 'Close', exact: true }).last());
  await expect(own).toBeHidden();

  // The Words view's Scope offers the value as the list's Attribute filter does; 码头 counted in that article alone
  // (its title and body: 4 of the library's 7, in one article).
  await clickAtCentre(app, wordsButton(app));
  const scope = view(app).getByRole('combobox', { name: 'Scope' });
  await expect(scope.locator('optgroup[label="Attribute “来源”"] option')).toHaveText(['甲报 (1)']);
  await scope.selectOption({ label: '甲报 (1)' });
  await clickAtCentre(app, view(app).getByRole('button', { name: 'Count' }));
  const row = (name: string, word: string) =>
    view(app).getByRole('table', { name }).getByRole('row').filter({ has: app.getByRole('cell', { name: word, exact: true }) });
  await expect(row('Frequencies', '码头').getByRole('cell')).toHaveText(['1', '码头', '4', '1', /\d/]);
  await expect(row('Frequencies', '故事')).toHaveCount(0);

  // Keyness of the value against the rest: 4 in the subset, 3 in the traditional article.
  await clickAtCentre(app, view(app).getByRole('tab', { name: 'Keyness' }));
  await view(app).getByRole('combobox', { name: 'Subset' }).selectOption({ label: '甲报 (1)' });
  await clickAtCentre(app, view(app).getByRole('button', { name: 'Compare' }));
  await expect(row('Keyness', '码头').getByRole('cell').nth(1)).toHaveText('4');
  await expect(row('Keyness', '码头').getByRole('cell').nth(2)).toHaveText('3');
  await app.keyboard.press('Escape');
  await expect(view(app)).toBeHidden();

  // The value's frequency list in both languages, sizes and themes (the Scope menu keeps its choice by value).
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'words-attribute-scope',
    async () => {
      await clickAtCentre(app, wordsButton(app));
      await view(app).getByRole('combobox', { name: /^(Scope|范围)$/ }).selectOption({ value: '\u0002["来源","甲报"]' });
      await clickAtCentre(app, view(app).getByRole('button', { name: /^(Count|统计)$/ }));
      await expect(view(app).getByRole('table')).toContainText('码头');
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(view(app)).toBeHidden();
    },
  );
});

test('screenshots of the Words view: a frequency list and a KWIC', async ({ app, saveScreenshot }) => {
  await twoArticles(app);
  // Keyness of the open article against the rest of the library.
  await clickAtCentre(app, wordsButton(app));
  await clickAtCentre(app, view(app).getByRole('tab', { name: 'Keyness' }));
  await view(app).getByRole('combobox', { name: 'Subset' }).selectOption({ label: 'This article' });
  await clickAtCentre(app, view(app).getByRole('button', { name: 'Compare' }));
  await expect(view(app).getByRole('table', { name: 'Keyness' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(view(app)).toBeHidden();
  const close = async () => {
    await app.keyboard.press('Escape');
    await expect(view(app)).toBeHidden();
  };
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'words-frequencies',
    async () => {
      await clickAtCentre(app, wordsButton(app));
      await clickAtCentre(app, view(app).getByRole('button', { name: /^(Count|统计)$/ }));
      await expect(view(app).getByRole('table')).toBeVisible();
    },
    close,
  );
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'words-kwic',
    async () => {
      await clickAtCentre(app, wordsButton(app));
      await findInContext(app, '码头');
      await expect(lines(app)).toHaveCount(7);
    },
    close,
  );
  // The one README shows.
  await clickAtCentre(app, wordsButton(app));
  await findInContext(app, '码头');
  await expect(lines(app)).toHaveCount(7);
  await saveScreenshot('readme-words-kwic');
});
