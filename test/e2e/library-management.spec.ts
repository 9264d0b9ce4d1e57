import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { articleList, articleMenuAction, articleRow } from './libraryActions';
import { clickAtCentre, screenshotsOf } from './personActions';
import { articleIdOf } from './readerActions';

/** Issue #13: the library list follows every change, undo covers details, trash and archive, imports report. */
const titles = {
  s001: '治理更精细 平安更有感',
  s003: '江西:接续奋斗,红土地上奏响平安之歌',
  s004: '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”',
};
const list = articleList;
const rowButton = (app: Page, title: string) => list(app).getByRole('button', { name: title });
const rowOf = articleRow;
const header = (app: Page) => app.getByRole('article').locator('header');
const view = (app: Page) => app.getByRole('combobox', { name: 'Show' });

async function openByMouse(app: Page, title: string): Promise<void> {
  await clickAtCentre(app, rowButton(app, title));
  await app.getByRole('article').locator('.paragraph-text').first().waitFor();
}

test('Edit details shows in the library list at once (and sorts by it); one Ctrl+Z puts header and list back', async ({
  app,
}) => {
  await openByMouse(app, titles.s003);
  await clickAtCentre(app, app.getByRole('button', { name: 'Edit details' }));
  const dialog = app.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('阿江西新标题');
  await dialog.getByRole('textbox', { name: 'Source' }).fill('江西日报');
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Save' }));
  await expect(dialog).toBeHidden();

  await expect(header(app)).toContainText('阿江西新标题');
  const edited = rowOf(app, '阿江西新标题');
  await expect(edited).toContainText('江西日报');
  await app.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect(list(app).locator('.article-title').first()).toHaveText('阿江西新标题');

  // Undo from the reader (focus out of any field): the title comes back in both places.
  await clickAtCentre(app, app.getByRole('article').locator('.paragraph-text').nth(2));
  await app.keyboard.press('Control+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toContainText('Edit details');
  await expect(header(app)).not.toContainText('阿江西新标题');
  await expect(rowButton(app, titles.s003)).toBeVisible();
  await expect(rowOf(app, titles.s003)).not.toContainText('江西日报');
  await expect(list(app).getByRole('button', { name: '阿江西新标题' })).toHaveCount(0);
});

test('a row is named by its title, source, date and counts', async ({ app }) => {
  await expect(rowButton(app, titles.s003)).toHaveAccessibleName(
    /^江西:接续奋斗,红土地上奏响平安之歌\s+\S.*\d+ paragraphs\s+0 highlights\s+0 notes$/,
  );
});

test('move to trash from the row menu, undo, restore from the trash view, empty it after a question', async ({
  app,
  saveScreenshot,
}) => {
  const id = await articleIdOf(app, titles.s001);
  await openByMouse(app, titles.s001);
  await articleMenuAction(app, titles.s001, 'Move to trash');
  await expect(rowButton(app, titles.s001)).toHaveCount(0);
  await expect(list(app).getByRole('listitem')).toHaveCount(4);
  // The open article closed with it.
  await expect(app.getByRole('article')).toHaveCount(0);
  const toast = app.getByRole('status').filter({ hasText: 'Moved “治理更精细 平安更有感” to the trash.' });
  await expect(toast).toBeVisible();
  await clickAtCentre(app, toast.getByRole('button', { name: 'Undo' }));
  await expect(rowButton(app, titles.s001)).toBeVisible();

  await articleMenuAction(app, titles.s001, 'Move to trash');
  await view(app).selectOption({ label: 'Trash' });
  await expect(list(app).getByRole('listitem')).toHaveCount(1);
  await saveScreenshot('library-trash-view');
  await articleMenuAction(app, titles.s001, 'Restore');
  await expect(app.getByText('The trash is empty.')).toBeVisible();
  await view(app).selectOption({ label: 'Library' });
  await expect(rowButton(app, titles.s001)).toBeVisible();

  await articleMenuAction(app, titles.s001, 'Move to trash');
  await view(app).selectOption({ label: 'Trash' });
  await clickAtCentre(app, app.getByRole('button', { name: 'Empty trash…' }));
  const question = app.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(question).toContainText('1 article and all their highlights, tags and notes will be deleted for good');
  await saveScreenshot('library-empty-trash-question');
  await clickAtCentre(app, question.getByRole('button', { name: 'Delete for good' }));
  await expect(app.getByText('The trash is empty.')).toBeVisible();
  const gone = await app.evaluate(async (id) => (await window.pizhu.getArticle({ articleId: id })).ok, id);
  expect(gone).toBe(false);
});

test('archive with the keyboard alone: Shift+F10 on the row, then unarchive from the Archived view', async ({ app }) => {
  // Tab from the title filter into the list (its one tab stop is the first row), open the row's menu, choose Archive.
  await clickAtCentre(app, app.getByRole('searchbox', { name: 'Filter titles' }));
  for (let i = 0; i < 12 && !(await rowButton(app, titles.s004).evaluate((el) => el === document.activeElement)); i++) {
    await app.keyboard.press('Tab');
  }
  await expect(rowButton(app, titles.s004)).toBeFocused();
  await app.keyboard.press('Shift+F10');
  const menu = app.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Re-clean with current rules' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Archive' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(rowButton(app, titles.s004)).toHaveCount(0);
  await expect(list(app).getByRole('listitem')).toHaveCount(4);

  await view(app).selectOption({ label: 'Archived' });
  await expect(rowOf(app, titles.s004)).toContainText('Archived');
  // Ctrl+Z takes the archive back.
  await app.keyboard.press('Escape');
  await app.getByRole('navigation', { name: 'Library' }).locator('.library-title-row').click();
  await app.keyboard.press('Control+z');
  await expect(app.getByText('No archived articles.')).toBeVisible();
  await view(app).selectOption({ label: 'Library' });
  await expect(rowButton(app, titles.s004)).toBeVisible();
});

test('re-clean from the row menu shows its report', async ({ app }) => {
  await articleMenuAction(app, titles.s003, 'Re-clean with current rules');
  const report = app.getByRole('dialog', { name: 'Re-clean report' });
  await expect(report).toContainText(/\d+ paragraphs\. Highlights placed again: 0 at the same place/);
  await expect(report).toContainText('Every highlight found its place.');
  await clickAtCentre(app, report.locator('.dialog-actions').getByRole('button', { name: 'Close' }));
  await expect(report).toBeHidden();
});

test('a paste reports imported and already-there articles until dismissed', async ({ app, saveScreenshot }) => {
  const paste = async () => {
    await clickAtCentre(app, app.getByRole('button', { name: 'Paste text…' }));
    const dialog = app.getByRole('dialog', { name: 'Paste text' });
    await dialog.getByRole('textbox', { name: 'Text', exact: true }).fill('第一段文字。\n\n第二段文字,用来测试导入结果。');
    await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill('导入结果测试');
    await clickAtCentre(app, dialog.getByRole('button', { name: 'Import', exact: true }));
    await expect(dialog).toBeHidden();
  };
  await paste();
  const report = app.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported: 1');
  await paste();
  await expect(report).toContainText('Imported: 0 · Already in the library: 1');
  await expect(report).toContainText('pasted text — as “导入结果测试”');
  // The old status line went after 8 s; the report stays.
  await app.waitForTimeout(8_500);
  await expect(report).toBeVisible();
  await screenshotsOf(app, saveScreenshot, 'library-import-report');
  await clickAtCentre(app, report.getByRole('button', { name: 'Dismiss the import report' }));
  await expect(report).toBeHidden();
});

test('after a restart the article open last opens again, at its reading position', async ({ app }) => {
  await openByMouse(app, titles.s004);
  await expect(header(app)).toContainText('漳州110');
  await app.reload();
  await expect(header(app)).toContainText('漳州110');
  await expect(rowButton(app, titles.s004)).toHaveAttribute('aria-current', 'true');
});

test('the row menu over the list, in both languages, themes and sizes', async ({ app, saveScreenshot }) => {
  const menuOpen = async () => {
    const en = (await app.locator('html').getAttribute('lang')) === 'en';
    const button = rowOf(app, titles.s003).getByRole('button', { name: en ? 'Article actions' : '文章操作' });
    if ((await button.getAttribute('aria-expanded')) === 'true') return;
    await rowOf(app, titles.s003).hover();
    await clickAtCentre(app, button);
    await expect(app.getByRole('menu')).toBeVisible();
  };
  await screenshotsOf(app, saveScreenshot, 'library-row-menu', menuOpen);
});
