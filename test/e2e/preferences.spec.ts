import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const seed004 = '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”';

const backgroundOf = (app: Page) => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** Perceived brightness 0-255 of an rgb() colour. */
const brightness = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b;
};

async function openPreferences(app: Page, name = 'Preferences') {
  await app.getByRole('button', { name }).click();
  const dialog = app.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('switches the interface language at once', async ({ app, saveScreenshot }) => {
  // The test browser's system language is English.
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  let dialog = await openPreferences(app);
  const language = dialog.getByRole('combobox', { name: 'Interface language' });
  await expect(language).toHaveValue('system');

  await language.selectOption({ label: '简体中文' });
  dialog = app.getByRole('dialog', { name: '偏好设置' });
  await expect(dialog).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(app.getByRole('button', { name: '导入…' })).toBeVisible();
  await expect(app.getByRole('button', { name: '粘贴文本…' })).toBeVisible();
  await expect(app.getByRole('list', { name: '文章' })).toBeVisible();

  await dialog.getByRole('combobox', { name: '界面语言' }).selectOption({ label: 'English' });
  dialog = app.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog.getByRole('slider', { name: 'Font size' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Import…' })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Articles' })).toBeVisible();

  await dialog.getByRole('combobox', { name: 'Interface language' }).selectOption({ label: '繁體中文' });
  dialog = app.getByRole('dialog', { name: '偏好設定' });
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(dialog.getByRole('slider', { name: '字級' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '深色' })).toBeVisible();
  await expect(app.getByRole('button', { name: '匯入…' })).toBeVisible();
  await expect(app.getByRole('button', { name: '貼上文字…' })).toBeVisible();
  await expect(app.getByRole('combobox', { name: '排序' })).toBeVisible();
  await expect(app.getByRole('navigation', { name: '文庫' }).getByRole('status')).toHaveText('5 篇文章');
  await saveScreenshot('preferences-zh-hant-dialog');

  // Escape closes it and gives the focus back to the button that opened it.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: '偏好設定' })).toBeFocused();
  await expect(app.getByRole('list', { name: '文章' }).getByRole('listitem').first()).toContainText('段');
  await expect(app.getByText('從左側選擇一篇文章開始閱讀。')).toBeVisible();
  await saveScreenshot('preferences-zh-hant-library');
});

test('switches to the dark theme', async ({ app, saveScreenshot }) => {
  // A highlight in each colour, to see the palette in both themes.
  await app.evaluate(async (title) => {
    const list = await window.pizhu.listArticles();
    const article = list.ok ? list.value.find((a) => a.title === title) : undefined;
    const view = article ? await window.pizhu.getArticle({ articleId: article.id }) : undefined;
    if (!view?.ok) throw new Error('seed 004 not found');
    const body = view.value.paragraphs.filter((p) => p.kind === 'body' && p.text.length > 30).slice(0, 3);
    const colors = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
    for (const [i, color] of colors.entries()) {
      const paragraph = body[Math.floor(i / 2)];
      if (!paragraph) continue;
      const start = (i % 2) * 14 + 2;
      await window.pizhu.createHighlight({ paragraphId: paragraph.id, start, end: start + 9, color });
    }
  }, seed004);
  await app.reload();
  await app.getByRole('button', { name: seed004 }).click();
  await expect(app.getByRole('article')).toBeVisible();
  const light = await backgroundOf(app);
  expect(brightness(light)).toBeGreaterThan(200);
  await saveScreenshot('preferences-light-reader');

  const dialog = await openPreferences(app);
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => brightness(await backgroundOf(app))).toBeLessThan(50);
  await saveScreenshot('preferences-dark-dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // Text stays readable: light on dark.
  const textColour = await app.getByRole('article').evaluate((el) => getComputedStyle(el).color);
  expect(brightness(textColour)).toBeGreaterThan(180);
  await saveScreenshot('preferences-dark-reader');

  const again = await openPreferences(app);
  await again.getByRole('radio', { name: 'Light' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(async () => brightness(await backgroundOf(app))).toBeGreaterThan(200);
});

test('font size and line height change the reading text live', async ({ app, saveScreenshot }) => {
  await app.getByRole('button', { name: seed004 }).click();
  // A body paragraph of seed 004.
  const paragraph = app.getByRole('article').getByText('一个地方、一个系统,需要一面旗帜。');
  await expect(paragraph).toBeVisible();
  const style = () => paragraph.evaluate((el) => ({ size: getComputedStyle(el).fontSize, leading: getComputedStyle(el).lineHeight }));
  expect((await style()).size).toBe('19px');

  const dialog = await openPreferences(app);
  const size = dialog.getByRole('slider', { name: 'Font size' });
  await size.fill('25');
  await expect.poll(async () => (await style()).size).toBe('25px');

  // The keyboard works the slider too.
  await size.focus();
  await app.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await style()).size).toBe('24px');

  await dialog.getByRole('slider', { name: 'Line height' }).fill('2.2');
  await expect.poll(async () => parseFloat((await style()).leading)).toBeCloseTo(24 * 2.2, 1);
  await saveScreenshot('preferences-font-size');
});

test('preferences survive a reload', async ({ app }) => {
  const dialog = await openPreferences(app);
  await dialog.getByRole('combobox', { name: 'Default script' }).selectOption({ label: '臺灣(詞彙)' });
  await dialog.getByRole('slider', { name: 'Font size' }).fill('23');
  await dialog.getByRole('checkbox', { name: /full-width punctuation/ }).check();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('combobox', { name: 'Interface language' }).selectOption({ label: '繁體中文' });
  await app.getByRole('button', { name: '完成' }).click();
  await app.getByRole('combobox', { name: '排序' }).selectOption({ label: '標題' });

  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(app.getByRole('combobox', { name: '排序' })).toHaveValue('title');
  const after = await openPreferences(app, '偏好設定');
  await expect(after.getByRole('combobox', { name: '預設文字' })).toHaveValue('twp');
  await expect(after.getByRole('slider', { name: '字級' })).toHaveValue('23');
  await expect(after.getByRole('checkbox', { name: /全形/ })).toBeChecked();
  await expect(after.getByRole('radio', { name: '深色' })).toBeChecked();
  await expect(after.getByRole('combobox', { name: '介面語言' })).toHaveValue('zh-Hant');
  await after.getByRole('button', { name: '完成' }).click();
  await expect(app.getByRole('navigation', { name: '文庫' }).getByRole('status')).toHaveText('5 篇文章');
});
