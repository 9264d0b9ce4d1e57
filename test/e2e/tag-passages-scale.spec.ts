import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { articleList } from './libraryActions';
import { centreOf, clickAtCentre, screenshotsOf, tabTo } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #16: the per-tag view at scale. A tag's passages come from main a page at a time
 * (listTaggedPassagePage) into a virtualised list: with 2,400 passages on one tag the view
 * counts them all, draws only those near the viewport (main's first page first), fetches the
 * rest as the person scrolls, and the last one opens its article at its paragraph.
 */
const total = 2_400;
const pane = (app: Page): Locator => app.getByRole('complementary', { name: 'Tags', exact: true });
const tagButton = (app: Page): Locator => pane(app).getByRole('button', { name: `议题: ${total} passages`, exact: true });
const passageList = (app: Page): Locator => pane(app).getByRole('list', { name: 'Passages of 议题' });
const itemAt = (app: Page, position: number): Locator => passageList(app).locator(`li[aria-posinset="${position}"]`);

interface MainPassage {
  quote: string;
  articleTitle: string;
  paragraphId: number;
  paragraphOrder: number;
}

/** Highlights tagged 议题 across the five seeds' body paragraphs, two characters each, until there are `count`. */
async function seedPassages(app: Page, count: number): Promise<void> {
  await app.evaluate(async (count) => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const list = must(await window.pizhu.listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 10 }));
    const spots: Array<{ paragraphId: number; start: number }> = [];
    for (const row of list.rows) {
      const article = must(await window.pizhu.getArticle({ articleId: row.id }));
      for (const p of article.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 8))
        for (let start = 0; start + 2 <= Math.min(p.text.length, 120); start += 3) spots.push({ paragraphId: p.id, start });
    }
    if (spots.length < count) throw new Error(`the seeds have room for ${spots.length} highlights, not ${count}`);
    for (let i = 0; i < count; i += 40) {
      await Promise.all(
        spots.slice(i, Math.min(count, i + 40)).map(async ({ paragraphId, start }) =>
          must(await window.pizhu.createHighlight({ paragraphId, start, end: start + 2, color: 'yellow', tags: ['议题'] })),
        ),
      );
    }
  }, count);
  // As a person reopening the window would find them.
  await app.reload();
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
}

/** What main has at `offset` in the tag's order. */
async function mainPassages(app: Page, offset: number, limit: number): Promise<MainPassage[]> {
  return app.evaluate(
    async ([offset, limit]) => {
      const page = await window.pizhu.listTaggedPassagePage({ tag: '议题', offset, limit });
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((p) => ({
        quote: p.highlight?.quote ?? '',
        articleTitle: p.articleTitle,
        paragraphId: p.paragraphId ?? 0,
        paragraphOrder: p.paragraphOrder ?? 0,
      }));
    },
    [offset, limit] as const,
  );
}

/** The marks drawn, in the list's order, from its first row. */
const drawnQuotes = (app: Page) =>
  passageList(app)
    .locator('li mark')
    .evaluateAll((marks) => marks.map((m) => m.textContent ?? ''));

async function expectOpenedAt(app: Page, passage: MainPassage): Promise<void> {
  await expect(app.getByRole('article').getByRole('heading', { level: 2, name: passage.articleTitle })).toBeVisible();
  await expect(app.getByRole('article').locator(`[data-paragraph-id="${passage.paragraphId}"]`)).toBeInViewport();
}

test('a tag of 2,400 passages is paged from main: the first page, the wheel to the end, the last passage opens', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(300_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  await seedPassages(app, total);

  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await clickAtCentre(app, tagButton(app));
  await expect(pane(app).getByRole('heading', { level: 2, name: '议题' })).toBeVisible();
  // The exact count, and the first page in main's order.
  await expect(pane(app).getByText(`${total} passages`, { exact: true })).toBeVisible();
  const first = await mainPassages(app, 0, 100);
  await expect.poll(async () => (await drawnQuotes(app)).slice(0, 5)).toEqual(first.slice(0, 5).map((p) => p.quote));
  await expect(passageList(app).getByRole('heading', { level: 3 }).first()).toHaveText(first[0]!.articleTitle);
  // Virtualised: a screenful or two in the page, each saying its place among all of them.
  expect(await passageList(app).getByRole('listitem').count()).toBeLessThan(40);
  await expect(itemAt(app, 1)).toHaveAttribute('aria-setsize', String(total));
  await screenshotsOf(app, saveScreenshot, 'tag-passages-many', async () => {
    // In either language: the view by what it is, not by its English names.
    if (!(await app.locator('.passage-list').isVisible())) {
      if (!(await app.locator('.tag-pane').isVisible())) await clickAtCentre(app, app.getByRole('button', { name: /^(Tags|标签)$/ }));
      await clickAtCentre(app, app.locator('.tag-pane').getByRole('button', { name: /^议题[:：]/ }));
    }
    await expect(app.locator('.passage-list li[aria-posinset="1"] mark')).toBeVisible();
  });
  if (!(await passageList(app).isVisible())) await clickAtCentre(app, tagButton(app));

  // The mouse wheel over the passages, down to the last one: its page comes from main on the way.
  const over = await centreOf(itemAt(app, 1));
  await app.mouse.move(over.x, over.y);
  for (let i = 0; i < 120 && !(await itemAt(app, total).isVisible()); i++) await app.mouse.wheel(0, 8000);
  await expect(itemAt(app, total)).toBeVisible();
  const [last] = await mainPassages(app, total - 1, 1);
  await expect(itemAt(app, total).locator('mark')).toHaveText(last!.quote);
  // Every row drawn there is the one main has at its place, and still only a screenful or two are drawn.
  const drawn = await passageList(app)
    .locator('li[aria-posinset]')
    .evaluateAll((items) => items.map((li) => [Number(li.getAttribute('aria-posinset')), li.querySelector('mark')?.textContent ?? ''] as const));
  expect(drawn.length).toBeLessThan(40);
  const from = Math.min(...drawn.map(([at]) => at));
  const there = await mainPassages(app, from - 1, total - from + 1);
  expect(drawn.map(([at, quote]) => [at, quote])).toEqual(drawn.map(([at]) => [at, there[at - from]!.quote]));

  await clickAtCentre(app, itemAt(app, total).getByRole('button', { name: /^Jump to/ }));
  await expectOpenedAt(app, last!);
});

test('by keyboard alone: the tag opens, End goes to the last passage and Enter opens it, Home back to the first', async ({ app }) => {
  test.setTimeout(300_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  await seedPassages(app, total);

  await tabTo(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await app.keyboard.press('Enter');
  await tabTo(app, tagButton(app), 400);
  await app.keyboard.press('Enter');
  await expect(pane(app).getByText(`${total} passages`, { exact: true })).toBeVisible();
  await tabTo(app, passageList(app), 20);
  await app.keyboard.press('End');
  await expect(itemAt(app, total)).toBeVisible();
  const [last] = await mainPassages(app, total - 1, 1);
  await expect(itemAt(app, total).locator('mark')).toHaveText(last!.quote);
  // End took the focus to the last passage's Jump button.
  await expect(itemAt(app, total).getByRole('button', { name: /^Jump to/ })).toBeFocused();
  // Home goes back to the first, End to the last again.
  await app.keyboard.press('Home');
  await expect(itemAt(app, 1).getByRole('button', { name: /^Jump to/ })).toBeFocused();
  await app.keyboard.press('End');
  await expect(itemAt(app, total).getByRole('button', { name: /^Jump to/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expectOpenedAt(app, last!);
});
