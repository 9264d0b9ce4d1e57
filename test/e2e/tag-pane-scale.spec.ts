import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { articleList } from './libraryActions';
import { clickAtCentre, screenshotsOf, tabTo } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #16: the tag pane at scale. Each level of the tree comes from main a page at a time
 * (listTagLevel): with 250 tags under one parent the pane shows the first 100, in main's order
 * with main's counts, and the next ones when the person asks (Show more), by mouse or by keys.
 */
const nested = 250;
const pane = (app: Page): Locator => app.getByRole('complementary', { name: 'Tags', exact: true });
const topicItem = (app: Page): Locator =>
  pane(app).getByRole('listitem').filter({ has: app.getByRole('button', { name: /^议题: \d+ passages?$/ }) });
/** The nested tags drawn under 议题, as "name: count", in order. */
const drawnNested = (app: Page) =>
  topicItem(app)
    .locator(':scope > ul > li .tag-open')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

/** What main has on the level from `offset`, as the pane labels it. */
async function mainLevel(app: Page, offset: number, limit: number): Promise<string[]> {
  return app.evaluate(
    async ([offset, limit]) => {
      const page = await window.pizhu.listTagLevel({ parent: '议题', offset, limit });
      if (!page.ok) throw new Error(page.error.message);
      return page.value.rows.map((r) => `${r.tag.name}: ${r.tag.totalCount} ${r.tag.totalCount === 1 ? 'passage' : 'passages'}`);
    },
    [offset, limit] as const,
  );
}

/**
 * Tags the first article's body paragraphs 议题/子题000, 议题/子题001, … (`count` of them),
 * each paragraph in turn or all on the first; `other` (a top-level tag) goes on the first.
 * The window is reloaded after, as a person reopening it would see the tags.
 */
async function tagTopics(app: Page, count: number, where: 'in turn' | 'first', other?: string): Promise<void> {
  await app.evaluate(
    async ([count, inTurn, other]) => {
      const list = await window.pizhu.listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 1 });
      if (!list.ok) throw new Error(list.error.message);
      const article = await window.pizhu.getArticle({ articleId: list.value.rows[0]!.id });
      if (!article.ok) throw new Error(article.error.message);
      const paragraphs = article.value.paragraphs.filter((p) => p.kind === 'body');
      const tag = async (i: number, name: string) => {
        const tagged = await window.pizhu.tagParagraph({ paragraphId: paragraphs[i % paragraphs.length]!.id, tag: name });
        if (!tagged.ok) throw new Error(tagged.error.message);
      };
      for (let i = 0; i < count; i++) await tag(inTurn ? i : 0, `议题/子题${String(i).padStart(3, '0')}`);
      if (other !== null) await tag(0, other);
    },
    [count, where === 'in turn', other ?? null] as const,
  );
  await app.reload();
}

test('a level of 250 tags is paged from main: the first 100, Show more by mouse and by keyboard, a tag opens its passages', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(240_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  await tagTopics(app, nested, 'in turn', '人物');

  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(topicItem(app)).toBeVisible();
  // The first page of the level, as main orders and counts it; the rest on request.
  await expect.poll(() => drawnNested(app)).toEqual(await mainLevel(app, 0, 100));
  const more = pane(app).getByRole('button', { name: 'Show 100 more (100 of 250 shown)' });
  await expect(more).toBeVisible();
  // In either language: the pane and its rows by what they are, not by their English names.
  await screenshotsOf(app, saveScreenshot, 'tag-pane-many', async () => {
    if (!(await app.locator('.tag-pane').isVisible())) {
      await clickAtCentre(app, app.getByRole('button', { name: /^(Tags|标签)$/ }));
    }
    // Scrolled down to where the level's first page ends and Show more offers the next.
    await app.locator('.tag-pane .tag-more').scrollIntoViewIfNeeded();
    await expect(app.locator('.tag-pane .tag-more')).toBeVisible();
  });

  await clickAtCentre(app, more);
  await expect.poll(() => drawnNested(app)).toEqual(await mainLevel(app, 0, 200));
  // The button stays where the focus is, now offering the rest: Enter takes it.
  const rest = pane(app).getByRole('button', { name: 'Show 50 more (200 of 250 shown)' });
  await expect(rest).toBeFocused();
  await app.keyboard.press('Enter');
  await expect.poll(() => drawnNested(app)).toEqual(await mainLevel(app, 0, nested));
  await expect(pane(app).getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);

  // The last tag of the level opens its own view.
  const last = pane(app).getByRole('button', { name: '议题/子题249: 1 passage', exact: true });
  await clickAtCentre(app, last);
  await expect(pane(app).getByRole('heading', { name: '议题/子题249' })).toBeVisible();
  await expect(pane(app).getByText('1 passage', { exact: true })).toBeVisible();
});

test('by keyboard alone: the tag pane opens, its big level collapses and opens again at its first page', async ({ app }) => {
  test.setTimeout(240_000);
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);
  await tagTopics(app, 120, 'first');
  await expect(articleList(app).getByRole('listitem')).toHaveCount(5);

  await tabTo(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await app.keyboard.press('Enter');
  const collapse = pane(app).getByRole('button', { name: 'Collapse 议题' });
  // Past the reopened article and its paragraph's 120 tag chips, as a person's Tab goes.
  await tabTo(app, collapse, 400);
  await app.keyboard.press('Enter');
  await expect(pane(app).locator('.tag-open')).toHaveCount(1);
  await expect(pane(app).getByRole('button', { name: 'Expand 议题' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(pane(app).locator('.tag-open')).toHaveCount(101);
  await expect(pane(app).getByRole('button', { name: 'Show 20 more (100 of 120 shown)' })).toBeVisible();
});
