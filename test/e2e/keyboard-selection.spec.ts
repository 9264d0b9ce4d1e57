import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { screenshotsOf, stepTo } from './personActions';
import { articleIdOf, openArticle, storedHighlights } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const ruijin = '瑞金民警罗玮是从小听着爷爷奶奶爬雪山';
const first = '瑞金民警罗玮是从小听着爷爷奶奶爬雪山、过草地的革命故事长大的,爷爷曾是彭德怀元帅的警卫员。';
const secondSentence = '循着爷爷的教诲,从警17年以来,他参与各种抓捕行动600余次,抓获嫌疑人1000余名,身上留下大大小小的伤疤12块,在他眼中这是属于自己的战斗勋章。';
const article = (app: Page) => app.getByRole('article');
const announcement = (app: Page) => app.getByTestId('selection-announcement');
const selected = (app: Page) => app.evaluate(() => document.getSelection()?.toString() ?? '');

/** Each stored highlight's canonical text and tags. */
const storedTexts = async (app: Page, articleId: number) =>
  (await storedHighlights(app, articleId)).map((h) => [h.text, h.tags] as const);

test('keyboard alone: a sentence selected with keys, read out, highlighted with h and tagged, in Traditional mode', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  // Traditional characters shown: the selection still lands on the canonical (Simplified) text.
  await app.keyboard.press('m');
  await app.keyboard.press('m');
  await expect(app.getByRole('radio', { name: '繁體' })).toBeChecked();
  await expect(article(app).getByText('瑞金民警羅瑋', { exact: false })).toBeVisible();
  await stepTo(app, '瑞金民警羅瑋');

  // v: the first sentence of the current paragraph, up to its 。.
  await app.keyboard.press('v');
  await expect.poll(() => selected(app)).toBe('瑞金民警羅瑋是從小聽着爺爺奶奶爬雪山、過草地的革命故事長大的,爺爺曾是彭德懷元帥的警衛員。');
  await expect(announcement(app)).toContainText('Selected 45 characters: 瑞金民警羅瑋');
  // s: on by a sentence; Shift+← takes back one character (the 。); Ctrl+Shift+← a word.
  await app.keyboard.press('s');
  await expect.poll(() => selected(app)).toMatch(/警衛員。循.*戰鬥勳章。$/u);
  await app.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => selected(app)).toMatch(/戰鬥勳章$/u);
  await app.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => selected(app)).not.toMatch(/勳章$/u);
  await app.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => selected(app)).toMatch(/戰鬥勳章$/u);
  await expect(announcement(app)).toContainText('戰鬥勳章');
  await saveScreenshot('keyboard-selection-selected');

  await app.keyboard.press('h');
  const mark = article(app).locator('.paragraph', { hasText: '瑞金民警羅瑋' }).locator('mark');
  await expect(mark).toHaveText([/^瑞金民警羅瑋.*戰鬥勳章$/u]);
  expect(await storedTexts(app, articleId)).toEqual([[(first + secondSentence).slice(0, -1), []]]);

  // Tagged with keys: Tab to the highlight, Enter opens it, Tab to the tag field, type, Enter.
  for (let i = 0; i < 10; i++) {
    if (await mark.first().evaluate((el) => el === document.activeElement)) break;
    await app.keyboard.press('Tab');
  }
  await expect(mark.first()).toBeFocused();
  await app.keyboard.press('Enter');
  const popover = app.getByRole('dialog', { name: 'Highlight' });
  await expect(popover).toBeVisible();
  const tagField = popover.getByRole('combobox', { name: 'Tag name' });
  for (let i = 0; i < 8 && !(await tagField.evaluate((el) => el === document.activeElement)); i++) {
    await app.keyboard.press('Tab');
  }
  await expect(tagField).toBeFocused();
  await app.keyboard.type('人物/民警');
  await app.keyboard.press('Enter');
  await expect(popover.getByRole('list', { name: 'Tag' })).toHaveText('#人物/民警×');
  expect(await storedTexts(app, articleId)).toEqual([[(first + secondSentence).slice(0, -1), ['人物/民警']]]);
  await app.keyboard.press('Escape');
  await expect(popover).toBeHidden();
});

test('keyboard alone: with a selection, t tags it as a highlight; Shift+→ with none starts one at the current paragraph', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  await stepTo(app, ruijin);
  for (let i = 0; i < 5; i++) await app.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => selected(app)).toBe('瑞金民警罗');
  await expect(announcement(app)).toContainText('Selected 5 characters: 瑞金民警罗');
  await app.keyboard.press('t');
  const field = app.getByRole('toolbar', { name: 'Highlight' }).getByRole('combobox', { name: 'Tag name' });
  await expect(field).toBeFocused();
  await saveScreenshot('keyboard-selection-tag-field');
  await app.keyboard.type('人物');
  await app.keyboard.press('Enter');
  await expect(article(app).locator('mark')).toHaveText(['瑞金民警罗']);
  expect(await storedTexts(app, articleId)).toEqual([['瑞金民警罗', ['人物']]]);
  await screenshotsOf(app, saveScreenshot, 'keyboard-selection-tagged', () =>
    article(app).locator('mark').first().scrollIntoViewIfNeeded(),
  );

  // The shortcuts list names the selection keys.
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Select the first sentence of the current paragraph');
  await expect(help).toContainText('Extend or shrink the selection by a sentence');
});
