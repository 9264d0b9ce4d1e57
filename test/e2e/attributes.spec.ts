import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { articleList, articleMenuAction, articleRow } from './libraryActions';
import { clickAtCentre, screenshotsOf, screenshotsOfModal, tabTo } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #18 item 3: a person defines an attribute (by keyboard alone), sets it on three articles
 * from their rows' ⋯ menus, and filters the library list by its value; one undo step each.
 */

/** The titles of the first three seed articles, by import order. */
async function threeTitles(app: Page): Promise<string[]> {
  return app.evaluate(async () => {
    const r = await window.pizhu.listArticles();
    if (!r.ok) throw new Error(r.error.message);
    return r.value
      .sort((a, b) => a.id - b.id)
      .slice(0, 3)
      .map((a) => a.title);
  });
}

test('attributes: define one by keyboard, set it on three articles, filter the list by it', async ({ app, saveScreenshot }) => {
  // Screenshots in two languages, two sizes and two themes on a shared machine.
  test.setTimeout(240_000);
  const titles = await threeTitles(app);
  const before = await articleList(app).getByRole('listitem').count();
  expect(before).toBeGreaterThan(3);

  // Keyboard alone: Tab to Attributes…, Enter, type the name, pick "One of a list", type the choices, Add.
  const open = app.getByRole('button', { name: 'Attributes…', exact: true });
  await tabTo(app, open);
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Article attributes' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No attributes yet.');
  await tabTo(app, dialog.getByRole('textbox', { name: 'Name' }));
  await app.keyboard.type('媒体类型');
  await app.keyboard.press('Tab');
  const kind = dialog.getByRole('combobox', { name: 'Kind' });
  await expect(kind).toBeFocused();
  // Text, Number, Date, One of a list: three steps down the closed list.
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowDown');
  await expect(kind.locator('option:checked')).toHaveText('One of a list');
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Choices (one per line)' })).toBeFocused();
  await app.keyboard.type('官方媒体');
  await app.keyboard.press('Enter');
  await app.keyboard.type('市场化媒体');
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Add' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Attributes' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('list', { name: 'Attributes' })).toContainText('媒体类型');
  await expect(dialog.getByRole('list', { name: 'Attributes' })).toContainText('One of a list: 官方媒体 / 市场化媒体');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'attributes-dialog',
    async () => {
      await clickAtCentre(app, app.getByRole('button', { name: /^(Attributes…|属性…)$/ }));
      await expect(app.getByRole('dialog')).toBeVisible();
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toBeHidden();
    },
  );

  // Each of three articles from its row's ⋯ menu: the value chosen from the list, saved.
  for (const title of titles) {
    await articleMenuAction(app, title, 'Attributes…');
    const own = app.getByRole('dialog', { name: `Attributes of “${title}”` });
    await expect(own).toBeVisible();
    await own.getByRole('combobox', { name: '媒体类型' }).selectOption({ label: '官方媒体' });
    await clickAtCentre(app, own.getByRole('button', { name: 'Save' }));
    await expect(own.getByRole('button', { name: 'Save' })).toBeDisabled();
    await clickAtCentre(app, own.getByRole('button', { name: 'Close', exact: true }).last());
    await expect(own).toBeHidden();
  }

  // The list groups the articles by the value (with how many) and filters by it.
  const filter = app.getByRole('combobox', { name: 'Attribute' });
  await expect(filter.locator('optgroup[label="媒体类型"] option')).toHaveText(['官方媒体 (3)']);
  await filter.selectOption({ label: '官方媒体 (3)' });
  await expect(articleList(app).getByRole('listitem')).toHaveCount(3);
  for (const title of titles) await expect(articleRow(app, title)).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /^3 of \d+ articles$/ })).toBeVisible();
  await screenshotsOf(app, saveScreenshot, 'attributes-filtered');

  // Undo (Ctrl+Z) takes the last article's value back: two are left under the filter.
  await clickAtCentre(app, app.getByRole('heading', { name: /Pizhu/ }));
  await app.keyboard.press('Control+z');
  await expect(articleList(app).getByRole('listitem')).toHaveCount(2);
  await expect(articleRow(app, titles[2]!)).toHaveCount(0);
});
