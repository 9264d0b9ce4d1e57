import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { articleIdOf, highlightThroughApi, openArticle, selectText, storedHighlights } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const article = (app: Page) => app.getByRole('article');
const marks = (app: Page) => article(app).locator('mark');
const toolbar = (app: Page) => app.getByRole('toolbar', { name: 'Highlight' });
const popover = (app: Page) => app.getByRole('dialog', { name: 'Highlight' });
const paragraph = (app: Page, text: string) => article(app).locator('.paragraph').filter({ hasText: text });
const toast = (app: Page) => app.getByRole('status').filter({ hasText: /Highlight deleted|Undone|Redone/ });

async function highlightSelection(app: Page, text: string, colour: string) {
  await selectText(app, text);
  await toolbar(app).getByRole('button', { name: colour }).click();
  await expect(toolbar(app)).toBeHidden();
}

test('overlapping highlights render, and the popover recolours either of them', async ({ app, saveScreenshot }) => {
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  await highlightSelection(app, '扎根红土圣地', 'Yellow');
  await highlightSelection(app, '红土圣地,从红色基因', 'Blue');

  // Split at every boundary: the shared part shows the newer (blue) with the overlap cue.
  await expect(marks(app)).toHaveText(['扎根', '红土圣地', ',从红色基因']);
  const overlap = article(app).locator('mark.hl-overlap');
  await expect(overlap).toHaveText('红土圣地');
  await expect(overlap).toHaveClass(/hl-blue/);
  await expect(overlap).toHaveClass(/hl-under-yellow/);

  await overlap.click();
  const dialog = popover(app);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true');
  await expect(dialog.getByRole('group', { name: 'Highlights overlapping here' }).getByRole('button')).toHaveCount(2);

  await dialog.getByRole('radio', { name: 'Green' }).click();
  await expect(overlap).toHaveClass(/hl-green/);
  await expect(marks(app).last()).toHaveClass(/hl-green/);

  // The older one, under it, is reachable from the same place.
  await dialog.getByRole('button', { name: 'Highlight 2' }).click();
  await expect(dialog.getByRole('radio', { name: 'Yellow' })).toHaveAttribute('aria-checked', 'true');
  await dialog.getByRole('radio', { name: 'Pink' }).click();
  await expect(marks(app).first()).toHaveClass(/hl-pink/);
  await saveScreenshot('annotate-overlap-popover');

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const stored = await storedHighlights(app, articleId);
  expect(stored.map((h) => [h.text, h.color])).toEqual([
    ['扎根红土圣地', 'pink'],
    ['红土圣地,从红色基因', 'green'],
  ]);
});

test('tags a paragraph and a highlight with autocomplete, and untags', async ({ app }) => {
  const articleId = await articleIdOf(app, s003);
  await highlightThroughApi(app, articleId, '唱响了红土地上的平安之歌', 'yellow');
  await app.reload();
  await openArticle(app, s003);

  // A whole paragraph, from its menu.
  const red = paragraph(app, '红色,浸润了赣鄱每一寸土地');
  await red.hover();
  await red.getByRole('button', { name: 'Paragraph options' }).click();
  await app.getByRole('menuitem', { name: 'Tag paragraph…' }).click();
  const paragraphField = red.getByRole('combobox', { name: 'Tag name' });
  await expect(paragraphField).toBeFocused();
  await paragraphField.fill('主题/红色教育');
  await paragraphField.press('Enter');
  await expect(red.getByRole('list', { name: 'Paragraph tags' })).toHaveText('#主题/红色教育×');

  // The highlight: typing part of the name offers the existing nested tag.
  await marks(app).first().click();
  const field = popover(app).getByRole('combobox', { name: 'Tag name' });
  await field.fill('红色');
  const option = popover(app).getByRole('option', { name: '主题/红色教育' });
  await expect(option).toBeVisible();
  await option.click();
  await expect(popover(app).getByRole('list', { name: 'Tag' })).toHaveText('#主题/红色教育×');
  await expect.poll(async () => (await storedHighlights(app, articleId))[0]?.tags).toEqual(['主题/红色教育']);

  await popover(app).getByRole('button', { name: 'Remove tag 主题/红色教育' }).click();
  await expect(popover(app).getByRole('list', { name: 'Tag' })).toBeHidden();
  await expect.poll(async () => (await storedHighlights(app, articleId))[0]?.tags).toEqual([]);
  await app.keyboard.press('Escape');

  // From the selection toolbar: a new highlight carrying a new tag.
  await selectText(app, '铮铮誓言回荡四周');
  await toolbar(app).getByRole('button', { name: 'Tag' }).click();
  const toolbarField = toolbar(app).getByRole('combobox', { name: 'Tag name' });
  await toolbarField.fill('人物');
  await toolbarField.press('Enter');
  await expect(article(app).locator('mark', { hasText: '铮铮誓言回荡四周' })).toBeVisible();
  const stored = await storedHighlights(app, articleId);
  expect(stored.find((h) => h.text === '铮铮誓言回荡四周')?.tags).toEqual(['人物']);
});

test('delete shows a toast; Undo brings the highlight back; Ctrl+Shift+Z removes it again', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  await highlightThroughApi(app, articleId, '唱响了红土地上的平安之歌', 'orange');
  await app.reload();
  await openArticle(app, s003);
  await expect(marks(app)).toHaveText(['唱响了红土地上的平安之歌']);

  await marks(app).first().click();
  await popover(app).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(popover(app)).toBeHidden();
  await expect(marks(app)).toHaveCount(0);
  await expect(toast(app)).toContainText('Highlight deleted');
  await saveScreenshot('annotate-delete-toast');

  await toast(app).getByRole('button', { name: 'Undo' }).click();
  await expect(marks(app)).toHaveText(['唱响了红土地上的平安之歌']);
  await expect(marks(app).first()).toHaveClass(/hl-orange/);
  await expect(toast(app)).toContainText('Undone: Delete highlight');

  await app.keyboard.press('Control+Shift+Z');
  await expect(marks(app)).toHaveCount(0);
  await expect(toast(app)).toContainText('Redone: Delete highlight');

  await app.keyboard.press('Control+Z');
  await expect(marks(app)).toHaveText(['唱响了红土地上的平安之歌']);
  await app.keyboard.press('Control+y');
  await expect(marks(app)).toHaveCount(0);

  // Inside a text field the keys belong to the field: nothing is undone.
  await app.getByRole('button', { name: 'Edit details' }).click();
  const details = app.getByRole('dialog', { name: 'Edit details' });
  await details.getByRole('textbox', { name: 'Source' }).press('Control+Z');
  await details.getByRole('button', { name: 'Cancel' }).click();
  await expect(details).toBeHidden();
  await expect(marks(app)).toHaveCount(0);
  expect(await storedHighlights(app, articleId)).toEqual([]);
});

test('keyboard: j/k move the paragraph focus; t, n, m, h act; ? lists the shortcuts', async ({
  app,
  saveScreenshot,
}) => {
  await openArticle(app, s003);
  const current = article(app).locator('.paragraph[aria-current="true"]');
  await expect(current).toHaveCount(0);

  await app.keyboard.press('j');
  await expect(current).toHaveCount(1);
  const first = await current.getAttribute('data-paragraph-id');
  await app.keyboard.press('j');
  await app.keyboard.press('j');
  await expect(current).not.toHaveAttribute('data-paragraph-id', first ?? '');
  const third = await current.textContent();
  await app.keyboard.press('k');
  await app.keyboard.press('k');
  await expect(current).toHaveAttribute('data-paragraph-id', first ?? '');

  // Far down and back: the focused paragraph is scrolled into view.
  for (let i = 0; i < 25; i++) await app.keyboard.press('j');
  await expect(current).toBeInViewport();
  for (let i = 0; i < 23; i++) await app.keyboard.press('k');
  await expect(current).toHaveText(third ?? '');
  await expect(current).toBeInViewport();

  // t: tag the focused paragraph.
  await app.keyboard.press('t');
  const field = current.getByRole('combobox', { name: 'Tag name' });
  await expect(field).toBeFocused();
  await field.fill('键盘');
  await field.press('Enter');
  await expect(current.getByRole('list', { name: 'Paragraph tags' })).toHaveText('#键盘×');
  // The field stays for another tag; Escape closes it and gives the focus back to the paragraph.
  await expect(field).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(field).toBeHidden();

  // n: its note opens; Escape closes it.
  await app.keyboard.press('n');
  const note = current.getByRole('region', { name: 'Note on this paragraph' });
  await expect(note).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(note).toBeHidden();

  // m: the next script mode.
  const radio = (label: string) => app.getByRole('radio', { name: label, exact: true });
  await app.keyboard.press('m');
  await expect(radio('简体')).toHaveAttribute('aria-checked', 'true');
  await app.keyboard.press('m');
  await expect(radio('繁體')).toHaveAttribute('aria-checked', 'true');

  // h: highlight the selection in yellow.
  await selectText(app, '紅色基因');
  await expect(toolbar(app)).toBeVisible();
  await app.keyboard.press('h');
  await expect(article(app).locator('mark.hl-yellow')).toHaveText(['紅色基因']);

  // ?: every shortcut.
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const what of [
    'Next paragraph',
    'Previous paragraph',
    'Tag the current paragraph',
    'Next script mode',
    'Undo',
  ]) {
    await expect(help.getByRole('row', { name: new RegExp(what) }).first()).toBeVisible();
  }
  await saveScreenshot('annotate-shortcuts');
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('dark theme: highlights, overlap and the toolbar stay readable', async ({ app, saveScreenshot }) => {
  const articleId = await articleIdOf(app, s003);
  for (const [quote, colour] of [
    ['扎根红土圣地,从红色基因中汲取强大信念力量', 'yellow'],
    ['从红色基因中汲取', 'purple'],
    ['唱响了红土地上的平安之歌', 'green'],
    ['铮铮誓言回荡四周', 'pink'],
    ['字字句句嵌入心间', 'blue'],
    ['革命先辈高擎的信仰火炬', 'orange'],
  ] as const) {
    await highlightThroughApi(app, articleId, quote, colour);
  }
  await app.reload();

  await app.getByRole('button', { name: 'Preferences' }).click();
  const preferences = app.getByRole('dialog', { name: 'Preferences' });
  await preferences.getByRole('radio', { name: 'Dark' }).check();
  await preferences.getByRole('button', { name: 'Done' }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');

  await openArticle(app, s003);
  // Six highlights; the purple one inside the yellow one splits it in three.
  await expect(marks(app)).toHaveCount(7);
  await paragraph(app, '铮铮誓言回荡四周').scrollIntoViewIfNeeded();
  await selectText(app, '激励着一代代江西公安民警');
  await expect(toolbar(app)).toBeVisible();
  await saveScreenshot('annotate-dark');
});
