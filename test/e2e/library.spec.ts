import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const titles = {
  s000: '晋江刑警:扛起背包再出发 守护“平安晋江”',
  s001: '治理更精细 平安更有感',
  s003: '江西:接续奋斗,红土地上奏响平安之歌',
  s004: '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”',
};

/** The library's own line: how many articles, or what an import did. */
const libraryStatus = (app: Page) => app.getByRole('navigation', { name: 'Library' }).getByRole('status');
const articleList = (app: Page) => app.getByRole('list', { name: 'Articles' });
const shownTitles = (app: Page) => articleList(app).locator('.article-title').allTextContents();
/** The shown titles among `wanted`, in list order. */
const orderOf = async (app: Page, wanted: string[]) => (await shownTitles(app)).filter((t) => wanted.includes(t));
const row = (app: Page, title: string) =>
  articleList(app).getByRole('listitem').filter({ has: app.getByRole('button', { name: title }) });

test('lists the five seeds with source, date and counts', async ({ app, saveScreenshot }) => {
  const list = articleList(app);
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(libraryStatus(app)).toHaveText('5 articles');

  const s004 = row(app, titles.s004);
  await expect(s004).toContainText('东南网 · Sep 15, 2023');
  await expect(s004).toContainText('0 highlights');
  await expect(s004).toContainText('0 notes');
  await expect(row(app, titles.s003)).toContainText('江西政法网 · Aug 18, 2022');
  await expect(row(app, titles.s000)).toContainText('泉州晚报');
  await expect(row(app, titles.s001)).toContainText('No source or date');
  for (const title of Object.values(titles)) await expect(row(app, title)).toContainText(/\d+ paragraphs/);

  await saveScreenshot('library-seeds');
});

test('sorts by date, title and recently opened', async ({ app }) => {
  const stable = Object.values(titles);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  const sort = app.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('date');

  // Newest first; the two undated ones after every dated one.
  expect((await shownTitles(app)).slice(0, 2)).toEqual([titles.s004, titles.s003]);

  // Pinyin order: ca, jiang, jin, zhi.
  await sort.selectOption({ label: 'Title' });
  await expect.poll(() => orderOf(app, stable)).toEqual([titles.s004, titles.s003, titles.s000, titles.s001]);

  await sort.selectOption({ label: 'Date published' });
  await expect.poll(async () => (await shownTitles(app)).slice(0, 2)).toEqual([titles.s004, titles.s003]);

  // Open two articles; the one opened last comes first.
  await app.getByRole('button', { name: titles.s001 }).click();
  await expect(app.getByRole('article')).toBeVisible();
  await app.getByRole('button', { name: titles.s000 }).click();
  await expect(app.getByRole('article')).toContainText('晋江刑警');
  await sort.selectOption({ label: 'Recently opened' });
  await expect.poll(async () => (await shownTitles(app)).slice(0, 2)).toEqual([titles.s000, titles.s001]);
});

test('pastes an article through the dialog and lists it', async ({ app, saveScreenshot }) => {
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  await app.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste text' });
  await expect(dialog).toBeVisible();
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();

  await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill('粘贴的测试文章');
  await dialog
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('互联网让阅读更方便。\n\n研究者在这里做批注, 记下每一段的想法。\n\n第三段:U盘里的资料也可以导入。');
  await saveScreenshot('library-paste-dialog');
  await importButton.click();

  await expect(dialog).toBeHidden();
  const report = app.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Imported: 1');
  await expect(report).toContainText('粘贴的测试文章');
  await expect(articleList(app).getByRole('listitem')).toHaveCount(6);
  await expect(articleList(app).getByRole('button', { name: '粘贴的测试文章' })).toBeVisible();
  // It opens in the reader.
  await expect(app.getByRole('article')).toContainText('研究者在这里做批注');
  await saveScreenshot('library-pasted');

  // Pasting the same text again adds nothing.
  await app.getByRole('button', { name: 'Paste text…' }).click();
  await dialog
    .getByRole('textbox', { name: 'Text', exact: true })
    .fill('互联网让阅读更方便。\n\n研究者在这里做批注, 记下每一段的想法。\n\n第三段:U盘里的资料也可以导入。');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(report).toContainText('Imported: 0 · Already in the library: 1');
  await expect(report).toContainText('pasted text — as “粘贴的测试文章”');
  await expect(articleList(app).getByRole('listitem')).toHaveCount(6);
});

test('filters by tag and by title', async ({ app, saveScreenshot }) => {
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  const created = await app.evaluate(async (title) => {
    const list = await window.pizhu.listArticles();
    if (!list.ok) throw new Error(list.error.message);
    const article = list.value.find((a) => a.title === title);
    if (!article) throw new Error('seed 003 not found');
    const view = await window.pizhu.getArticle({ articleId: article.id });
    if (!view.ok) throw new Error(view.error.message);
    const paragraph = view.value.paragraphs.find((p) => p.kind === 'body' && p.text.length > 10);
    if (!paragraph) throw new Error('no body paragraph');
    const highlight = await window.pizhu.createHighlight({
      paragraphId: paragraph.id,
      start: 0,
      end: 6,
      color: 'yellow',
      tags: ['警务/社区'],
    });
    return highlight.ok;
  }, titles.s003);
  expect(created).toBe(true);
  await app.reload();

  const list = articleList(app);
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(row(app, titles.s003)).toContainText('1 highlight');

  const tag = app.getByRole('combobox', { name: 'Tag' });
  await tag.selectOption('警务/社区');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: titles.s003 })).toBeVisible();
  await expect(libraryStatus(app)).toHaveText('1 of 5 articles');
  await saveScreenshot('library-tag-filter');

  // The parent tag finds what is nested under it.
  await tag.selectOption('警务');
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await tag.selectOption({ label: 'All articles' });
  await expect(list.getByRole('listitem')).toHaveCount(5);

  const filter = app.getByRole('searchbox', { name: 'Filter titles' });
  await filter.fill('平安');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(libraryStatus(app)).toHaveText('3 of 5 articles');
  // Scripts fold: the traditional 晉江 finds the simplified 晋江.
  await filter.fill('晉江');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: titles.s000 })).toBeVisible();
  await filter.fill('没有这个标题');
  await expect(app.getByText('No articles match.')).toBeVisible();
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(5);
});

test('a long library is virtualised and walked with the keyboard', async ({ app, saveScreenshot }) => {
  test.setTimeout(120_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  const imported = await app.evaluate(async () => {
    let ok = 0;
    for (let i = 1; i <= 300; i++) {
      const n = String(i).padStart(3, '0');
      const result = await window.pizhu.importText({
        title: `座谈记录 ${n}`,
        text: `座谈记录第${n}篇。\n\n这是测试长列表的第${n}篇短文, 每篇内容都不相同。`,
      });
      if (result.ok && result.value.status === 'imported') ok++;
    }
    return ok;
  });
  expect(imported).toBe(300);
  await app.reload();

  const list = articleList(app);
  await expect(libraryStatus(app)).toHaveText('305 articles');
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);

  await app.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  const last = list.getByRole('button', { name: '座谈记录 300' });
  await expect(last).toHaveCount(0);

  // Scroll to the end: the last article is drawn, and still only a window of rows exists.
  await expect(async () => {
    await list.evaluate((el) => {
      const scroller = el.parentElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass();
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);
  await expect(row(app, '座谈记录 300')).toHaveAttribute('aria-posinset', '305');
  await saveScreenshot('library-virtualised-end');

  // The keyboard: Home, arrows, End, with one tab stop in the list.
  await last.focus();
  await app.keyboard.press('Home');
  // Each row is its button (the ⋯ beside it is out of the arrow keys' way).
  const rowButton = (i: number) => list.getByRole('listitem').nth(i).getByRole('button').first();
  const first = rowButton(0);
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await app.keyboard.press('ArrowDown');
  await expect(rowButton(1)).toBeFocused();
  await app.keyboard.press('End');
  await expect(last).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(list.getByRole('button', { name: '座谈记录 299' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('article')).toContainText('座谈记录第299篇');
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
});
