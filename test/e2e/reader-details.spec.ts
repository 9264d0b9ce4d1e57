import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { articleIdOf, openArticle, selectText, storedHighlights } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const s004 = '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”';
const article = (app: Page) => app.getByRole('article');
const paragraph = (app: Page, text: string) => article(app).locator('.paragraph').filter({ hasText: text });

test('Edit details changes the metadata shown in the header, and it stays', async ({ app, saveScreenshot }) => {
  await openArticle(app, s003);
  await app.getByRole('button', { name: 'Edit details' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit details' });
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(s003);
  await dialog.getByRole('textbox', { name: 'Author' }).fill('人民公安报记者');
  await dialog.getByRole('textbox', { name: 'Subtitle' }).fill('非凡十年·公安机关成就巡礼');
  await dialog.getByRole('textbox', { name: 'Source' }).fill('人民公安报');
  await saveScreenshot('reader-edit-details');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const header = article(app).locator('header');
  await expect(header).toContainText('非凡十年·公安机关成就巡礼');
  await expect(header.getByRole('definition')).toContainText(['人民公安报', '人民公安报记者', '2022-08-18']);

  await app.reload();
  await openArticle(app, s003);
  await expect(article(app).locator('header')).toContainText('人民公安报记者');
});

test('re-classifies a paragraph from its menu; boilerplate joins the hidden lines', async ({ app, saveScreenshot }) => {
  await openArticle(app, s003);
  const hiddenToggle = article(app)
    .getByRole('button', { name: /^\d+ hidden lines$/ })
    .first();
  const before = Number((await hiddenToggle.textContent())?.match(/\d+/)?.[0]);

  const red = paragraph(app, '红色,浸润了赣鄱每一寸土地');
  await red.hover();
  await red.getByRole('button', { name: 'Paragraph options' }).click();
  const menu = app.getByRole('menu', { name: 'Paragraph options' });
  await expect(menu.getByRole('menuitemradio', { name: 'Body' })).toHaveAttribute('aria-checked', 'true');
  await saveScreenshot('reader-paragraph-menu');
  await menu.getByRole('menuitemradio', { name: 'Heading' }).click();
  await expect(
    article(app).getByRole('heading', { level: 3, name: '红色,浸润了赣鄱每一寸土地,成为这里最厚重的底色。' }),
  ).toBeVisible();

  // The keyboard reaches the menu too.
  await red.getByRole('button', { name: 'Paragraph options' }).focus();
  await app.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(red.getByRole('button', { name: 'Paragraph options' })).toBeFocused();

  await red.getByRole('button', { name: 'Paragraph options' }).click();
  await menu.getByRole('menuitemradio', { name: 'Boilerplate (hidden)' }).click();
  await expect(red).toHaveCount(0);
  await expect(article(app).getByRole('button', { name: `${before + 1} hidden lines` })).toBeVisible();

  // Shown again with the hidden lines, and put back.
  await article(app)
    .getByRole('button', { name: `${before + 1} hidden lines` })
    .click();
  await red.hover();
  await red.getByRole('button', { name: 'Paragraph options' }).click();
  await menu.getByRole('menuitemradio', { name: 'Body' }).click();
  await expect(article(app).getByRole('button', { name: `Hide ${before} cleaned lines` })).toBeVisible();
});

test('remembers the paragraph in view and restores it when the article reopens', async ({ app }) => {
  await openArticle(app, s003);
  const deep = paragraph(app, '瑞金民警罗玮是从小听着爷爷奶奶');
  await deep.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // Saved at most once a second.
  await app.waitForTimeout(1600);
  await openArticle(app, s004);
  await expect(deep).toHaveCount(0);
  await openArticle(app, s003);
  await expect(deep).toBeInViewport();
  await expect(article(app).locator('header')).not.toBeInViewport();
});

test('a jump from the tag view scrolls to the paragraph and marks it', async ({ app, saveScreenshot }) => {
  const articleId = await articleIdOf(app, s003);
  await app.evaluate(async (articleId) => {
    const view = await window.pizhu.getArticle({ articleId });
    const p = view.ok ? view.value.paragraphs.find((x) => x.text.includes('井冈山年过七旬的孤寡老人')) : undefined;
    if (!p) throw new Error('paragraph not found');
    await window.pizhu.tagParagraph({ paragraphId: p.id, tag: '跳转' });
  }, articleId);
  await app.reload();
  await openArticle(app, s004);

  await app.getByRole('button', { name: 'Tags', exact: true }).click();
  const pane = app.getByRole('complementary', { name: 'Tags', exact: true });
  await pane.getByRole('button', { name: /^跳转: 1 passage/ }).click();
  await pane.getByRole('button', { name: /^Jump to/ }).click();

  const target = paragraph(app, '井冈山年过七旬的孤寡老人');
  await expect(target).toBeInViewport();
  await expect(target).toHaveAttribute('aria-current', 'true');
  await expect(target).toHaveClass(/paragraph-flash/);
  await saveScreenshot('reader-jump');
});

test('full-width punctuation is a display option; selections still map to the stored text', async ({
  app,
  saveScreenshot,
}) => {
  await app.getByRole('button', { name: 'Preferences' }).click();
  const preferences = app.getByRole('dialog', { name: 'Preferences' });
  await preferences.getByRole('checkbox', { name: /full-width punctuation/ }).check();
  await preferences.getByRole('button', { name: 'Done' }).click();

  // The list shows titles as the reader does, with full-width punctuation too (江西：接续奋斗，…).
  await expect(app.getByRole('list', { name: 'Articles' })).toContainText('江西：接续奋斗，红土地上奏响平安之歌');
  await openArticle(app, '红土地上奏响平安之歌');
  await expect(paragraph(app, '江西，一山一水都留下了革命先烈的战斗足迹，一草一木')).toHaveCount(1);
  await app.getByRole('radio', { name: '繁體', exact: true }).click();
  await expect(paragraph(app, '江西，一山一水都留下了革命先烈的戰鬥足跡，一草一木')).toHaveCount(1);

  await selectText(app, '江西，一山一水');
  await app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Purple' }).click();
  await expect(article(app).locator('mark')).toHaveText(['江西，一山一水']);
  const stored = await storedHighlights(app, await articleIdOf(app, s003));
  expect(stored.map((h) => h.text)).toEqual(['江西,一山一水']);
  await saveScreenshot('reader-full-width-t');
});
