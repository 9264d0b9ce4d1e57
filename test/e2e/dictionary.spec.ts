import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, stepTo, tabTo } from './personActions';
import { hoverLookUp, openCraftedArticle, storedHighlights } from './readerActions';

/** Issue #17: the dictionary pop-up over the reader's text, in any script mode, with the keyboard alone too. */

const title = '出租车司机的一天';
const body = ['他每天开着出租车穿过北京的街道。', '下班后他用互联网学习新的软件。'].join('\n\n');

const article = (app: Page) => app.getByRole('article');
const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });
const popup = (app: Page) => app.locator('.dictionary-popup');

/** The text the word outline covers (CSS Custom Highlight), or null when nothing is outlined. */
function outlinedText(app: Page): Promise<string | null> {
  return app.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
    const outline = registry.get('pizhu-dictionary-word');
    return outline ? [...outline].map((r) => r.toString()).join('|') : null;
  });
}

test('Shift+hover looks up the same word in 原文, 繁體 and 臺灣(詞彙); arrows move and resize it; the text, selection and highlights stay as they were', async ({
  app,
}) => {
  const articleId = await openCraftedArticle(app, title, body);
  const paragraphs = article(app).locator('.paragraph-text');
  const before = await paragraphs.allTextContents();

  await hoverLookUp(app, '出租车');
  const taxi = app.getByRole('dialog', { name: 'Dictionary: 出租车' });
  await expect(taxi).toBeVisible();
  await expect(taxi).toContainText('出租车 出租車');
  await expect(taxi).toContainText('chū zū chē');
  await expect(taxi).toContainText('ㄔㄨ ㄗㄨ ㄔㄜ');
  await expect(taxi.getByRole('button', { name: 'taxi', exact: true })).toBeVisible();
  const regional = taxi.getByRole('region', { name: 'Regional forms' });
  await expect(regional).toContainText('Mainland出租车');
  await expect(regional).toContainText('Taiwan (phrases)計程車');
  await expect(regional).toContainText('Hong Kong出租車');
  // Outlined over the text, with nothing added to it and nothing selected.
  expect(await outlinedText(app)).toBe('出租车');
  expect(await paragraphs.allTextContents()).toEqual(before);
  await expect(article(app).locator('.paragraph-text *')).toHaveCount(0);
  expect(await app.evaluate(() => document.getSelection()?.isCollapsed ?? true)).toBe(true);

  // ↓ a shorter word at the same place, ↑ the longer again, → the word from the next character.
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('dialog', { name: 'Dictionary: 出租' })).toBeVisible();
  expect(await outlinedText(app)).toBe('出租');
  await app.keyboard.press('ArrowUp');
  await expect(taxi).toBeVisible();
  await app.keyboard.press('ArrowRight');
  await expect(app.getByRole('dialog', { name: /^Dictionary: 租/ })).toBeVisible();
  await app.keyboard.press('ArrowLeft');
  await expect(taxi).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(popup(app)).toHaveCount(0);
  expect(await outlinedText(app)).toBeNull();

  // 繁體: the same stored word, shown and looked up as 出租車.
  await clickAtCentre(app, modeRadio(app, '繁體'));
  await expect(article(app)).toContainText('他每天開着出租車穿過北京的街道');
  await hoverLookUp(app, '出租車');
  const traditional = app.getByRole('dialog', { name: 'Dictionary: 出租車' });
  await expect(traditional).toContainText('chū zū chē');
  await expect(traditional).toContainText('taxi');
  expect(await outlinedText(app)).toBe('出租車');
  await app.keyboard.press('Escape');

  // 臺灣(詞彙): the reader shows Taiwan's word, 計程車, and the dictionary knows it.
  await clickAtCentre(app, modeRadio(app, '臺灣(詞彙)'));
  await expect(article(app)).toContainText('計程車');
  await hoverLookUp(app, '計程車');
  const taiwan = app.getByRole('dialog', { name: 'Dictionary: 計程車' });
  await expect(taiwan).toContainText('计程车 計程車');
  await expect(taiwan).toContainText('jì chéng chē');
  await expect(taiwan).toContainText('(Tw) taxi; cab');
  await expect(taiwan.getByRole('region', { name: 'Regional forms' })).toContainText('Mainland出租车');
  expect(await outlinedText(app)).toBe('計程車');
  // A click elsewhere (the title) closes it too.
  await clickAtCentre(app, app.locator('#article-title'));
  await expect(popup(app)).toHaveCount(0);

  expect(await storedHighlights(app, articleId)).toEqual([]);
});

test('with the keyboard alone: d looks up at the current paragraph, arrows walk to a word, Tab and Enter add it, Escape gives focus back', async ({
  app,
}) => {
  await openCraftedArticle(app, title, body);
  await stepTo(app, '出租车');
  await app.keyboard.press('d');
  await expect(app.getByRole('dialog', { name: /^Dictionary: 他/ })).toBeFocused();
  // 他 每 天 开 着 出: five steps along the text.
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  const taxi = app.getByRole('dialog', { name: 'Dictionary: 出租车' });
  await expect(taxi).toBeVisible();
  await tabTo(app, taxi.getByRole('button', { name: 'Add to vocabulary' }));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Added to vocabulary: 出租车' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(popup(app)).toHaveCount(0);
  await expect(article(app).locator('.paragraph[aria-current="true"]')).toBeFocused();

  // The vocabulary view, reached with Tab and opened with Enter, lists it.
  const open = app.getByRole('button', { name: 'Vocabulary', exact: true });
  await tabTo(app, open);
  await app.keyboard.press('Enter');
  const view = app.getByRole('dialog', { name: 'Vocabulary' });
  await expect(view.getByRole('listitem', { name: '出租车' })).toContainText('他每天开着出租车穿过北京的街道。');
  await app.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});
