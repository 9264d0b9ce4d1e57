import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { axeProblems } from './axeActions';
import { articleList, clickRowWith, rowAtIndex } from './libraryActions';
import { clickAtCentre, screenshotsOf, screenshotsOfModal, tabTo } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #18 item 3, "set one by one or for a selection … the library filters and groups by
 * them": a person selects three articles in the library list (click, Shift+click, Ctrl+click;
 * once with the keyboard alone), sets an attribute on all three in one step and takes it back
 * with one Ctrl+Z, and groups the list by the attribute (a header per value, with its count).
 */

/** Defines a "one of a list" attribute in the Attributes dialog. */
async function defineChoiceAttribute(app: Page, name: string, choices: string[]): Promise<void> {
  await clickAtCentre(app, app.getByRole('button', { name: 'Attributes…', exact: true }));
  const dialog = app.getByRole('dialog', { name: 'Article attributes' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'One of a list' });
  await dialog.getByRole('textbox', { name: 'Choices (one per line)' }).fill(choices.join('\n'));
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Add' }));
  await expect(dialog.getByRole('list', { name: 'Attributes' })).toContainText(name);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

/** The article id a row's button stands for. */
async function idOf(row: Locator): Promise<number> {
  return Number(await row.getAttribute('data-article-id'));
}

/** Each article's value of the attribute named `name` (none: undefined), read from main. */
async function valuesOf(app: Page, ids: number[], name: string): Promise<Array<string | undefined>> {
  return app.evaluate(
    async ([ids, name]) => {
      const values: Array<string | undefined> = [];
      for (const articleId of ids) {
        const r = await window.pizhu.getArticleAttributes({ articleId });
        if (!r.ok) throw new Error(r.error.message);
        values.push(r.value.find((v) => v.name === name)?.value);
      }
      return values;
    },
    [ids, name] as const,
  );
}

/** The group headers of the list, as read: value and count. */
const groupHeaders = (app: Page) => articleList(app).getByRole('heading', { level: 2 });

test('selection: click, Shift+click and Ctrl+click three articles, set an attribute on all three at once, undo, group by it', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(240_000);
  await defineChoiceAttribute(app, '媒体类型', ['官方媒体', '市场化媒体']);
  await expect(rowAtIndex(app, 4)).toBeVisible();
  const rows = [0, 1, 2, 3].map((i) => rowAtIndex(app, i));
  const ids = await Promise.all(rows.map(idOf));

  // Click the first (it opens and is the anchor), Shift+click the second, Ctrl+click the fourth.
  await clickRowWith(app, rows[0]!, null);
  await clickRowWith(app, rows[1]!, 'Shift');
  await clickRowWith(app, rows[3]!, 'Control');
  const chosen = [ids[0]!, ids[1]!, ids[3]!];
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();
  for (const i of [0, 1, 3]) await expect(rows[i]!).toHaveClass(/\bchosen\b/);
  await expect(rows[2]!).not.toHaveClass(/\bchosen\b/);
  // Ctrl+click takes one out again and puts it back.
  await clickRowWith(app, rows[3]!, 'Control');
  await expect(app.getByRole('status').filter({ hasText: '2 articles selected' })).toBeVisible();
  await clickRowWith(app, rows[3]!, 'Control');
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();

  // Set attribute… sets it on the three selected, not on every article listed.
  await clickAtCentre(app, app.getByRole('button', { name: 'Set attribute…' }));
  const dialog = app.getByRole('dialog', { name: 'Article attributes' });
  await expect(dialog.getByRole('heading', { name: 'Set on the 3 articles selected' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Value' }).selectOption({ label: '官方媒体' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Set', exact: true }));
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect.poll(() => valuesOf(app, ids, '媒体类型')).toEqual(['官方媒体', '官方媒体', undefined, '官方媒体']);

  // Grouped by it: the three under their value's header, the rest under "(no value)"; the selection stays.
  await app.getByRole('combobox', { name: 'Group by' }).selectOption({ label: '媒体类型' });
  await expect(groupHeaders(app)).toHaveText([/^官方媒体\s*3 articles$/, /^\(no value\)\s*\d+ articles$/]);
  const firstGroup = await Promise.all([0, 1, 2].map((i) => idOf(rowAtIndex(app, i))));
  expect(firstGroup.sort()).toEqual([...chosen].sort());
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await app.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    expect(await axeProblems(app, '.library-pane'), theme).toEqual([]);
  }
  await screenshotsOf(app, saveScreenshot, 'library-selection-grouped');
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'attributes-set-on-selection',
    async () => {
      await clickAtCentre(app, app.getByRole('button', { name: /^(Set attribute…|设置属性…)$/ }));
      await expect(app.getByRole('dialog')).toBeVisible();
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toBeHidden();
    },
  );

  // One Ctrl+Z takes the value off all three: the grouping has nothing left to group by.
  await clickAtCentre(app, app.getByRole('heading', { name: /Pizhu/ }));
  await app.keyboard.press('Control+z');
  await expect.poll(() => valuesOf(app, ids, '媒体类型')).toEqual([undefined, undefined, undefined, undefined]);
  await expect(groupHeaders(app)).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();
});

test('selection by keyboard alone: Shift+arrows take three rows, the attribute is set on them, Ctrl+A and Escape', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await defineChoiceAttribute(app, '立场', ['支持', '反对']);
  await expect(rowAtIndex(app, 4)).toBeVisible();
  const ids = await Promise.all([0, 1, 2, 3].map((i) => idOf(rowAtIndex(app, i))));

  // Tab to the list's first row, Enter opens it, Shift+↓ twice takes the next two.
  await tabTo(app, rowAtIndex(app, 0));
  await app.keyboard.press('Enter');
  await tabTo(app, rowAtIndex(app, 0));
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('Shift+ArrowDown');
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();
  await expect(rowAtIndex(app, 2)).toBeFocused();

  // Shift+Tab back to "Set attribute…", the value by arrow keys, Set.
  const setButton = app.getByRole('button', { name: 'Set attribute…' });
  for (let i = 0; i < 40 && !(await setButton.evaluate((el) => el === document.activeElement)); i++) {
    await app.keyboard.press('Shift+Tab');
  }
  await expect(setButton).toBeFocused();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Article attributes' });
  await expect(dialog.getByRole('heading', { name: 'Set on the 3 articles selected' })).toBeVisible();
  const value = dialog.getByRole('combobox', { name: 'Value' });
  await tabTo(app, value);
  await app.keyboard.press('ArrowDown');
  await expect(value.locator('option:checked')).toHaveText('支持');
  await tabTo(app, dialog.getByRole('button', { name: 'Set', exact: true }));
  await app.keyboard.press('Enter');
  await expect.poll(() => valuesOf(app, ids, '立场')).toEqual(['支持', '支持', '支持', undefined]);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Group by it from the keyboard: Tab to the menu, ↓ picks the attribute.
  const groupBy = app.getByRole('combobox', { name: 'Group by' });
  await tabTo(app, groupBy);
  await app.keyboard.press('ArrowDown');
  await expect(groupHeaders(app)).toHaveText([/^支持\s*3 articles$/, /^\(no value\)\s*\d+ articles$/]);

  // Ctrl+A in the list takes every article listed; Escape takes none.
  await tabTo(app, articleList(app).locator('button.article-item[tabindex="0"]'));
  await app.keyboard.press('Control+a');
  const total = await app.evaluate(async () => {
    const r = await window.pizhu.listArticles();
    if (!r.ok) throw new Error(r.error.message);
    return r.value.filter((a) => a.archivedAt === null).length;
  });
  await expect(app.getByRole('status').filter({ hasText: `${total} articles selected` })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('status').filter({ hasText: /articles? selected/ })).toHaveCount(0);
});

test('an article moved to the trash leaves the selection: the count and "Set attribute…" are of the articles still listed', async ({
  app,
}) => {
  await defineChoiceAttribute(app, '地区', ['福建', '江西']);
  await expect(rowAtIndex(app, 3)).toBeVisible();
  const trashed = await idOf(rowAtIndex(app, 1));
  await clickRowWith(app, rowAtIndex(app, 0), 'Control');
  await clickRowWith(app, rowAtIndex(app, 2), 'Shift');
  await expect(app.getByRole('status').filter({ hasText: '3 articles selected' })).toBeVisible();

  // The middle one to the trash from its own ⋯ menu.
  const row = articleList(app).locator(`li:has(> button[data-article-id="${trashed}"])`);
  await row.hover();
  await clickAtCentre(app, row.getByRole('button', { name: 'Article actions' }));
  await clickAtCentre(app, app.getByRole('menu').getByRole('menuitem', { name: 'Move to trash' }));
  await expect(articleList(app).locator(`button[data-article-id="${trashed}"]`)).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: '2 articles selected' })).toBeVisible();
  await clickAtCentre(app, app.getByRole('button', { name: 'Set attribute…' }));
  const dialog = app.getByRole('dialog', { name: 'Article attributes' });
  await expect(dialog.getByRole('heading', { name: 'Set on the 2 articles selected' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('selection in the Words view: the articles selected are a scope of their own', async ({ app }) => {
  await expect(rowAtIndex(app, 3)).toBeVisible();
  const ids = await Promise.all([0, 2].map((i) => idOf(rowAtIndex(app, i))));
  await clickRowWith(app, rowAtIndex(app, 0), null);
  await clickRowWith(app, rowAtIndex(app, 2), 'Control');
  await expect(app.getByRole('status').filter({ hasText: '2 articles selected' })).toBeVisible();

  // What main counts in those two articles for the commonest of their words that other articles use too.
  const counts = await app.evaluate(async (articleIds) => {
    const subset = await window.pizhu.wordFrequencies({ articleIds, limit: 100 });
    const whole = await window.pizhu.wordFrequencies({ limit: 10_000 });
    if (!subset.ok || !whole.ok) throw new Error('no frequency list');
    const inLibrary = new Map(whole.value.items.map((i) => [i.folded, i.occurrences]));
    const shared = subset.value.items.find((i) => (inLibrary.get(i.folded) ?? 0) > i.occurrences);
    if (!shared) throw new Error('the two articles share no word with the rest of the library');
    return { word: shared.text, inSelection: shared.occurrences, inLibrary: inLibrary.get(shared.folded)! };
  }, ids);

  await clickAtCentre(app, app.getByRole('button', { name: 'Words', exact: true }));
  const view = app.getByRole('dialog', { name: 'Words' });
  await view.getByRole('combobox', { name: 'Scope' }).selectOption({ label: 'The 2 articles selected' });
  await clickAtCentre(app, view.getByRole('button', { name: 'Count' }));
  const row = view
    .getByRole('table', { name: 'Frequencies' })
    .getByRole('row')
    .filter({ has: app.getByRole('cell', { name: counts.word, exact: true }) });
  // The selection's count, not the library's.
  await expect(row.getByRole('cell').nth(2)).toHaveText(String(counts.inSelection));
  expect(counts.inLibrary).toBeGreaterThan(counts.inSelection);
});

test('a selection outlives paging: Shift+click at the end of a long list takes rows never fetched, and the first stays chosen', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const extra = 250;
  await app.evaluate(async (extra) => {
    for (let i = 1; i <= extra; i++) {
      const n = String(i).padStart(3, '0');
      const r = await window.pizhu.importText({ title: `座谈记录 ${n}`, text: `座谈记录第${n}篇。\n\n选择测试的第${n}篇短文。` });
      if (!r.ok) throw new Error(r.error.message);
    }
  }, extra);
  await app.reload();
  const total = extra + 5;
  await app.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect(articleList(app).getByRole('button', { name: '座谈记录 001' })).toBeVisible();

  // The first row Ctrl+clicked (chosen, not opened: an open would bring the list back to it), End walks
  // to the last (three pages on), Shift+click takes everything between.
  await clickRowWith(app, rowAtIndex(app, 0), 'Control');
  await expect(app.getByRole('status').filter({ hasText: '1 article selected' })).toBeVisible();
  const firstId = await idOf(rowAtIndex(app, 0));
  await app.keyboard.press('End');
  await expect(rowAtIndex(app, total - 1)).toBeFocused();
  await clickRowWith(app, rowAtIndex(app, total - 1), 'Shift');
  await expect(app.getByRole('status').filter({ hasText: `${total} articles selected` })).toBeVisible();
  await clickRowWith(app, rowAtIndex(app, total - 2), 'Control');
  await expect(app.getByRole('status').filter({ hasText: `${total - 1} articles selected` })).toBeVisible();

  // Back at the top, the first row is drawn again from its page and is still chosen.
  await app.keyboard.press('Home');
  await expect(rowAtIndex(app, 0)).toBeFocused();
  expect(await idOf(rowAtIndex(app, 0))).toBe(firstId);
  await expect(rowAtIndex(app, 0)).toHaveClass(/\bchosen\b/);
  await expect(rowAtIndex(app, 1)).toHaveClass(/\bchosen\b/);
});
