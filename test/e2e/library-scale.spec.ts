import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { articleList } from './libraryActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #16: the library list comes from main a page at a time (listArticlePage), filtered and
 * ordered there. With 600 articles more (six pages, far more than a screen), a person scrolls
 * with the mouse wheel and the keyboard and every row drawn is the one main has at that place;
 * the title filter typed in traditional characters finds the simplified titles.
 */
const count = 600;
const libraryStatus = (app: Page) => app.getByRole('navigation', { name: /^(Library|文库|书库|文庫)$/ }).getByRole('status');

/** The titles main has at these places of the list in title order (the contract the page reads). */
async function mainTitlesAt(app: Page, offset: number, limit: number): Promise<string[]> {
  return app.evaluate(
    async ([offset, limit]) => {
      const page = await window.pizhu.listArticlePage({ view: 'library', sort: 'title', collation: 'zh', query: '', tag: '', offset, limit });
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((r) => r.title);
    },
    [offset, limit] as const,
  );
}

/** Every drawn row's place (aria-posinset) and title as stored (without the "(inferred)" a guessed title shows), in list order. */
async function drawnRows(app: Page): Promise<Array<{ at: number; title: string }>> {
  return articleList(app)
    .locator('li[aria-posinset]:not([aria-busy]) .article-title')
    .evaluateAll((titles) =>
      titles.map((t) => {
        const copy = t.cloneNode(true) as Element;
        copy.querySelector('.inferred')?.remove();
        return { at: Number(t.closest('li')!.getAttribute('aria-posinset')), title: copy.textContent?.trim() ?? '' };
      }),
    );
}

async function expectRowsAsMainHasThem(app: Page): Promise<void> {
  await expect(async () => {
    const rows = await drawnRows(app);
    expect(rows.length).toBeGreaterThan(3);
    const expected = await mainTitlesAt(app, rows[0]!.at - 1, rows.length);
    expect(rows.map((r) => r.title)).toEqual(expected);
    expect(rows.map((r) => r.at)).toEqual(rows.map((_, i) => rows[0]!.at + i));
  }).toPass({ timeout: 10_000 });
}

test('a library of hundreds of articles is paged from main: the wheel and the keyboard reach every row, the filter runs in main', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(240_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  const imported = await app.evaluate(async (count) => {
    let ok = 0;
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(3, '0');
      const result = await window.pizhu.importText({
        title: `座谈记录 ${n}`,
        text: `座谈记录第${n}篇。\n\n这是测试分页列表的第${n}篇短文, 每篇内容都不相同。`,
      });
      if (result.ok && result.value.status === 'imported') ok++;
    }
    return ok;
  }, count);
  expect(imported).toBe(count);
  await app.reload();

  const list = articleList(app);
  await expect(libraryStatus(app)).toHaveText(`${count + 5} articles`);
  await app.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect(list.getByRole('button', { name: '座谈记录 001' })).toBeVisible();
  // Only a window of rows is in the page.
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);

  // The mouse wheel, over the list, down past several pages of 100 rows.
  await list.getByRole('button', { name: '座谈记录 003' }).hover();
  for (let i = 0; i < 30; i++) await app.mouse.wheel(0, 1200);
  await expectRowsAsMainHasThem(app);
  const reached = (await drawnRows(app))[0]!.at;
  expect(reached).toBeGreaterThan(300);
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);
  await saveScreenshot('library-paged-wheel');

  // Back up a little with the wheel: the rows above are drawn from their own page.
  for (let i = 0; i < 8; i++) await app.mouse.wheel(0, -1200);
  await expectRowsAsMainHasThem(app);
  expect((await drawnRows(app))[0]!.at).toBeLessThan(reached);

  // The keyboard: a row's button, then End, Home, PageDown and the arrows.
  const focusedTitle = () =>
    app.evaluate(() => {
      const copy = document.activeElement?.querySelector('.article-title')?.cloneNode(true) as Element | undefined;
      copy?.querySelector('.inferred')?.remove();
      return copy?.textContent?.trim() ?? '';
    });
  await list.locator('li:not([aria-busy]) > button').first().focus();
  await app.keyboard.press('End');
  await expect(list.getByRole('button', { name: '座谈记录 600' })).toBeFocused();
  await expect(list.getByRole('button', { name: '座谈记录 600' })).toBeInViewport();
  await expect(app.locator('li:has(> button:focus)')).toHaveAttribute('aria-posinset', String(count + 5));
  await app.keyboard.press('Home');
  const [firstTitle] = await mainTitlesAt(app, 0, 1);
  await expect.poll(focusedTitle).toBe(firstTitle);
  for (let i = 0; i < 20; i++) await app.keyboard.press('PageDown');
  // 20 pages of 8 rows: the 161st row, from main's second page.
  const [title161] = await mainTitlesAt(app, 160, 1);
  await expect.poll(focusedTitle).toBe(title161);
  await app.keyboard.press('ArrowDown');
  const [title162] = await mainTitlesAt(app, 161, 1);
  await expect.poll(focusedTitle).toBe(title162);
  await expectRowsAsMainHasThem(app);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article')).toContainText(title162!.replace('座谈记录 ', '座谈记录第'));
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);

  // The title filter, typed in traditional characters, finds the simplified titles (in main).
  await app.getByRole('searchbox', { name: /Filter/ }).fill('座談記錄 59');
  await expect(libraryStatus(app)).toHaveText(`10 of ${count + 5} articles`);
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await expect(list.getByRole('button', { name: '座谈记录 590' })).toBeVisible();
  await saveScreenshot('library-paged-filtered');
});

for (const look of [
  { size: { width: 900, height: 600 }, theme: 'light', uiLocale: 'en' },
  { size: { width: 1920, height: 1080 }, theme: 'dark', uiLocale: 'zh-Hans' },
] as const) {
  test(`the paged list at ${look.size.width}x${look.size.height}, ${look.theme}, ${look.uiLocale}`, async ({ app, saveScreenshot }) => {
    test.setTimeout(120_000);
    await app.evaluate(async () => {
      for (let i = 1; i <= 150; i++)
        await window.pizhu.importText({ title: `长列表 ${String(i).padStart(3, '0')}`, text: `长列表第${i}篇。\n\n分页列表的截图。` });
    });
    await app.setViewportSize(look.size);
    await app.evaluate(
      (look) => localStorage.setItem('pizhu.preferences.v1', JSON.stringify({ uiLocale: look.uiLocale, followSystemLocale: false, theme: look.theme })),
      look,
    );
    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-theme', look.theme);
    const list = articleList(app);
    await expect(list.getByRole('button').first()).toBeVisible();
    await list.getByRole('button').first().hover();
    for (let i = 0; i < 10; i++) await app.mouse.wheel(0, 900);
    await expectRowsAsMainHasThemInDateOrder(app);
    await saveScreenshot(`library-paged-${look.size.width}x${look.size.height}-${look.theme}-${look.uiLocale}`);
  });
}

/** As expectRowsAsMainHasThem, for the default order (newest first). */
async function expectRowsAsMainHasThemInDateOrder(app: Page): Promise<void> {
  await expect(async () => {
    const rows = await drawnRows(app);
    expect(rows.length).toBeGreaterThan(3);
    const expected = await app.evaluate(
      async ([offset, limit]) => {
        const page = await window.pizhu.listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset, limit });
        return page.ok ? page.value.rows.map((r) => r.title) : [];
      },
      [rows[0]!.at - 1, rows.length] as const,
    );
    expect(rows.map((r) => r.title)).toEqual(expected);
  }).toPass({ timeout: 10_000 });
}
