import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { axeProblems } from './axeActions';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOfModal, stepTo, tabTo } from './personActions';
import { openCraftedArticle, selectText, storedHighlights } from './readerActions';

/**
 * Issue #15 item 6, a translator's own conversions: a selected word's regional forms, and
 * "always show as…" a form of one's own, library-wide, in the scripts chosen; listed, edited,
 * deleted, exported and imported as a CSV term list; every change one undo step.
 */

const article = (app: Page) => app.getByRole('article');
const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });
const toolbar = (app: Page) => app.getByRole('toolbar', { name: /^(Highlight|高亮)$/ });
const variantPanel = (app: Page) => app.getByRole('dialog', { name: /^(Variants of|“.*”的各地写法)/ });
const listDialog = (app: Page) =>
  app.getByRole('dialog', { name: /^(My conversions|我的转换|Edit conversion|编辑转换)$/ });
const toast = (app: Page) => app.getByRole('status').filter({ hasText: /Conversion|Undone|Redone/ });

const title = '儿童心理发展的观察';
const body = [
  '这项研究关注儿童的心理发展，也比较了不同家庭的教养方式。',
  '研究团队还开发了一个记录观察的软件，方便老师使用。',
].join('\n\n');

/** Selects the shown `word` and opens its variant panel from the selection toolbar, with hit-tested clicks. */
async function openVariants(app: Page, word: string): Promise<void> {
  await selectText(app, word);
  await clickAtCentre(app, toolbar(app).getByRole('button', { name: /^(Variants…|各地写法…)$/ }));
  await expect(variantPanel(app)).toBeVisible();
}

/** Preferences ▸ My conversions ▸ Show list…, in English. */
async function openList(app: Page): Promise<void> {
  await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
  const preferences = app.getByRole('dialog', { name: 'Preferences' });
  await clickAtCentre(app, preferences.getByRole('button', { name: 'Show list…' }));
  await expect(listDialog(app)).toBeVisible();
}

/** Closes the list, then Preferences under it. */
async function closeList(app: Page): Promise<void> {
  await app.keyboard.press('Escape');
  await expect(listDialog(app)).toBeHidden();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Preferences' })).toBeHidden();
}

test('in 繁體, a word’s variants and an override of one’s own change the display, search and export, are listed, edited, deleted, exported, imported and undone', async ({
  app,
  saveScreenshot,
}) => {
  // Sixteen screenshots of two modal views after the walk through.
  test.setTimeout(180_000);
  const articleId = await openCraftedArticle(app, title, body);
  await clickAtCentre(app, modeRadio(app, '繁體'));
  await expect(modeRadio(app, '繁體')).toHaveAttribute('aria-checked', 'true');
  await expect(article(app)).toContainText('這項研究關注兒童的心理發展');

  // The panel: the selected word in each region's script, from the stored characters.
  await openVariants(app, '心理發展');
  const panel = variantPanel(app);
  await expect(panel).toContainText('Stored in the article as “心理发展”.');
  await expect(panel.getByRole('row', { name: /Mainland/ }).getByRole('cell')).toHaveText('心理发展');
  await expect(panel.getByRole('row', { name: /Taiwan words/ }).getByRole('cell')).toHaveText('心理發展');
  // The form shown now is chosen, for the script read now.
  await expect(panel.getByRole('radio', { name: '心理發展' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: '繁體' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: '简体' })).not.toBeChecked();

  // A form of one's own, saved: the reader shows it at once, in the title and the text.
  await clickAtCentre(app, panel.getByRole('textbox', { name: 'Your own form' }));
  await app.keyboard.type('心智發展');
  await expect(panel.getByRole('radio', { name: 'Your own:' })).toBeChecked();
  await clickAtCentre(app, panel.getByRole('button', { name: 'Save conversion' }));
  await expect(panel).toBeHidden();
  await expect(toast(app)).toContainText('Conversion saved: 心理发展 → 心智發展');
  await expect(article(app)).toContainText('這項研究關注兒童的心智發展');
  await expect(article(app)).not.toContainText('心理發展');
  await expect(app.locator('#article-title')).toHaveText('兒童心智發展的觀察');

  // Only in the script it was made for: 简体 shows the stored words.
  await clickAtCentre(app, modeRadio(app, '简体'));
  await expect(article(app)).toContainText('这项研究关注儿童的心理发展');
  await clickAtCentre(app, modeRadio(app, '繁體'));
  await expect(article(app)).toContainText('兒童的心智發展');

  // A library search for the form shown finds the article, its snippets marked as shown.
  await clickAtCentre(app, app.getByRole('button', { name: /^Search/ }).first());
  const search = app.getByRole('complementary', { name: 'Search' });
  await search.getByRole('searchbox').fill('心智發展');
  const group = search.getByRole('group', { name: 'Search results' }).getByRole('region', { name: /心智發展/ });
  await expect(group).toBeVisible();
  // In the title and in the paragraph.
  await expect(group.locator('mark')).toHaveText(['心智發展', '心智發展']);
  await search.getByRole('searchbox').press('Escape');
  await expect(search).toBeHidden();

  // A Markdown export in 繁體 writes the form shown.
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const exporter = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(exporter.getByRole('radio', { name: 'This article' })).toBeChecked();
  await exporter.getByRole('combobox', { name: 'Script' }).selectOption({ label: '繁體' });
  await clickAtCentre(app, exporter.getByRole('radio', { name: 'Full text, with annotations' }));
  await clickAtCentre(app, exporter.getByRole('button', { name: 'Export Markdown' }));
  const written = exporter.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(written).toHaveCount(1);
  const markdown = fs.readFileSync((await written.textContent()) ?? '', 'utf8');
  expect(markdown).toContain('這項研究關注兒童的心智發展');
  expect(markdown).not.toContain('心理發展');
  await app.keyboard.press('Escape');
  await expect(exporter).toBeHidden();

  // One undo step takes it back, and redo gives it again.
  await clickAtCentre(app, article(app).locator('.paragraph-text').nth(1));
  await app.keyboard.press('Control+z');
  await expect(toast(app)).toContainText('Undone: Add conversion');
  await expect(article(app)).toContainText('這項研究關注兒童的心理發展');
  await app.keyboard.press('Control+Shift+z');
  await expect(toast(app)).toContainText('Redone: Add conversion');
  await expect(article(app)).toContainText('這項研究關注兒童的心智發展');

  // The list: the override with its scripts; an edit changes the display, in one more script.
  await openList(app);
  const list = listDialog(app).getByRole('table', { name: 'Conversions' });
  await expect(list.getByRole('row')).toHaveText(['Stored textShown asScriptsActions', /^心理发展心智發展繁體/]);
  await clickAtCentre(app, list.getByRole('button', { name: 'Edit “心理发展”' }));
  const target = listDialog(app).getByRole('textbox', { name: 'Shown as' });
  await expect(target).toBeFocused();
  await target.fill('心理發育');
  await clickAtCentre(app, listDialog(app).getByRole('checkbox', { name: '臺灣(詞彙)' }));
  await clickAtCentre(app, listDialog(app).getByRole('button', { name: 'Save conversion' }));
  await expect(list.getByRole('row').nth(1)).toHaveText(/^心理发展心理發育繁體、臺灣\(詞彙\)/);
  await expect(list.getByRole('button', { name: 'Edit “心理发展”' })).toBeFocused();
  await expect(article(app)).toContainText('兒童的心理發育');

  // Export CSV… then delete: the display returns to OpenCC's; Import CSV… brings it back.
  await clickAtCentre(app, listDialog(app).getByRole('button', { name: 'Export CSV…' }));
  await expect(listDialog(app).getByRole('status')).toHaveText('Exported 1 conversion.');
  await clickAtCentre(app, list.getByRole('button', { name: 'Delete “心理发展”' }));
  await expect(listDialog(app)).toContainText('No conversions of your own yet.');
  await expect(article(app)).toContainText('兒童的心理發展');
  await clickAtCentre(app, listDialog(app).getByRole('button', { name: 'Import CSV…' }));
  await expect(listDialog(app).getByRole('status')).toHaveText(
    'Imported: 1 added, 0 updated, 0 already there, 0 lines skipped.',
  );
  await expect(article(app)).toContainText('兒童的心理發育');
  await closeList(app);

  // The import is one undo step.
  await clickAtCentre(app, article(app).locator('.paragraph-text').nth(1));
  await app.keyboard.press('Control+z');
  await expect(toast(app)).toContainText('Undone: Import term list');
  await expect(article(app)).toContainText('兒童的心理發展');
  await app.keyboard.press('Control+Shift+z');
  await expect(article(app)).toContainText('兒童的心理發育');

  // Opened on a word an override shows, the panel edits that override.
  await openVariants(app, '心理發育');
  const again = variantPanel(app);
  await expect(again).toContainText(
    'Stored in the article as “心理发展”. Your conversion shows it as “心理發育” in 繁體、臺灣(詞彙).',
  );
  const own = again.getByRole('textbox', { name: 'Your own form' });
  await expect(own).toHaveValue('心理發育');
  await expect(own).toBeFocused();
  await expect(again.getByRole('checkbox', { name: '臺灣(詞彙)' })).toBeChecked();
  await own.fill('心理成長');
  await clickAtCentre(app, again.getByRole('button', { name: 'Save conversion' }));
  await expect(again).toBeHidden();
  await expect(toast(app)).toContainText('Conversion updated: 心理发展 → 心理成長');
  await expect(article(app)).toContainText('兒童的心理成長');

  // A highlight made on the form shown lands on the stored characters.
  await selectText(app, '心理成長');
  await clickAtCentre(app, toolbar(app).getByRole('button', { name: 'Yellow' }));
  await expect(article(app).locator('mark')).toHaveText(['心理成長']);
  expect((await storedHighlights(app, articleId)).map((h) => h.text)).toEqual(['心理发展']);

  await screenshotsOfModal(
    app,
    saveScreenshot,
    'term-overrides-variants',
    () => openVariants(app, '軟件'),
    async () => {
      await app.keyboard.press('Escape');
      await expect(variantPanel(app)).toBeHidden();
    },
    // Nothing serious for axe in either theme or language (contrast, names, roles).
    async (shot) => expect(await axeProblems(app, '.variant-panel'), shot).toEqual([]),
  );
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'term-overrides-list',
    async () => {
      const english = (await app.locator('html').getAttribute('lang')) === 'en';
      await clickAtCentre(app, app.getByRole('button', { name: english ? 'Preferences' : '偏好设置' }));
      await clickAtCentre(app, app.getByRole('button', { name: english ? 'Show list…' : '查看列表…' }));
      await expect(listDialog(app)).toBeVisible();
    },
    () => closeList(app),
    async (shot) => expect(await axeProblems(app, '.overrides-dialog'), shot).toEqual([]),
  );
});

test('keyboard alone, in 臺灣(詞彙): select a word with Shift+→, c opens its variants, arrows pick the mainland form, Ctrl+Z undoes it', async ({
  app,
}) => {
  await openCraftedArticle(app, '坐车记', '出租车司机很热情，一路聊个不停。\n\n下车时他提醒我带好东西。');
  for (let i = 0; i < 6 && (await modeRadio(app, '臺灣(詞彙)').getAttribute('aria-checked')) !== 'true'; i++) {
    await app.keyboard.press('m');
  }
  await expect(modeRadio(app, '臺灣(詞彙)')).toHaveAttribute('aria-checked', 'true');
  await expect(article(app)).toContainText('計程車司機很熱情');

  // The shortcuts list names the key.
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /The selected word’s regional variants/ })).toContainText('c');
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await stepTo(app, '計程車司機');
  for (let i = 0; i < 3; i++) await app.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => app.evaluate(() => document.getSelection()?.toString())).toBe('計程車');
  await app.keyboard.press('c');
  const panel = variantPanel(app);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Stored in the article as “出租车”.');
  await expect(panel.getByRole('radio', { name: '計程車' })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(panel.getByRole('radio', { name: '出租車' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: '臺灣(詞彙)' })).toBeChecked();
  await tabTo(app, panel.getByRole('button', { name: 'Save conversion' }));
  await app.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(article(app)).toContainText('出租車司機很熱情');

  await app.keyboard.press('Control+z');
  await expect(toast(app)).toContainText('Undone: Add conversion');
  await expect(article(app)).toContainText('計程車司機很熱情');
});
