import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

interface Target {
  paragraphId: number;
  order: number;
  /** The canonical text of the span highlighted (or the whole paragraph). */
  quote: string;
}

interface Fixture {
  first: { id: number; title: string };
  second: { id: number; title: string };
  /** By name: what was tagged, in the article-then-paragraph order the per-tag view must show. */
  a1: Target;
  a2: Target;
  a3: Target;
  b0: Target;
  b2: Target;
  scratch: Target;
}

/**
 * Highlights and a paragraph tag in two seeds, through the API (paragraph ids from getArticle):
 *   政策/治安: highlight a1, paragraph a2     政策/民生: highlight a3
 *   政策: highlight b2                        人物: highlight b0       临时: highlight scratch
 */
async function annotate(app: Page): Promise<Fixture> {
  return app.evaluate(async () => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const articles = must(await window.pizhu.listArticles()).sort((x, y) => x.id - y.id);
    const [a, b] = await Promise.all(
      articles.slice(0, 2).map(async (s) => must(await window.pizhu.getArticle({ articleId: s.id }))),
    );
    if (!a || !b) throw new Error('two seeds expected');
    const bodies = (view: typeof a) => view.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 20);
    const [pa1, pa2, pa3] = bodies(a);
    const [pb0, pb1, pb2] = bodies(b);
    if (!pa1 || !pa2 || !pa3 || !pb0 || !pb1 || !pb2) throw new Error('body paragraphs expected');
    const highlight = async (p: typeof pa1, start: number, end: number, tag: string) => {
      must(await window.pizhu.createHighlight({ paragraphId: p.id, start, end, color: 'yellow', tags: [tag] }));
      return { paragraphId: p.id, order: p.order, quote: p.text.slice(start, end) };
    };
    const a1 = await highlight(pa1, 2, 8, '政策/治安');
    must(await window.pizhu.tagParagraph({ paragraphId: pa2.id, tag: '政策/治安' }));
    const a2 = { paragraphId: pa2.id, order: pa2.order, quote: pa2.text };
    const a3 = await highlight(pa3, 0, 5, '政策/民生');
    const b0 = await highlight(pb0, 1, 6, '人物');
    const b2 = await highlight(pb2, 3, 9, '政策');
    const scratch = await highlight(pb1, 0, 4, '临时');
    return {
      first: { id: a.id, title: a.metadata.title },
      second: { id: b.id, title: b.metadata.title },
      a1,
      a2,
      a3,
      b0,
      b2,
      scratch,
    };
  });
}

const tagButton = (app: Page, name: string, count: number) =>
  app
    .getByRole('complementary', { name: 'Tags', exact: true })
    .getByRole('button', { name: `${name}: ${count} ${count === 1 ? 'passage' : 'passages'}`, exact: true });

/** Every tag button shown in the pane, as "name: count passages", in tree order. */
const shownTags = (app: Page) =>
  app
    .getByRole('list', { name: 'All tags' })
    .locator('.tag-open')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

test('tag pane: nested counts, rename, merge, delete with undo, the per-tag view and its jump', async ({
  app,
  saveScreenshot,
}) => {
  const f = await annotate(app);
  await app.reload();
  await app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: f.first.title }).click();
  await app.getByRole('button', { name: 'Tags', exact: true }).click();
  const pane = app.getByRole('complementary', { name: 'Tags', exact: true });
  await expect(pane).toBeVisible();

  // A parent counts what is nested under it.
  await expect
    .poll(() => shownTags(app))
    .toEqual([
      '临时: 1 passage',
      '人物: 1 passage',
      '政策: 4 passages',
      '政策/民生: 1 passage',
      '政策/治安: 2 passages',
    ]);
  const policy = pane
    .getByRole('listitem')
    .filter({ has: app.getByRole('button', { name: '政策: 4 passages', exact: true }) });
  await expect(policy.getByRole('button', { name: '政策/治安: 2 passages' })).toBeVisible();
  await expect(tagButton(app, '政策/治安', 2)).toContainText('治安');
  await tagButton(app, '政策/治安', 2).hover();
  await saveScreenshot('tags-pane-light');

  // Collapse and expand the parent.
  await pane.getByRole('button', { name: 'Collapse 政策' }).click();
  await expect(tagButton(app, '政策/治安', 2)).toHaveCount(0);
  await pane.getByRole('button', { name: 'Expand 政策' }).click();
  await expect(tagButton(app, '政策/治安', 2)).toBeVisible();

  // Rename: a new name, the same counts.
  await pane.getByRole('button', { name: 'Rename 政策/民生' }).click();
  await pane.getByRole('textbox', { name: 'New name for 政策/民生' }).fill('政策/经济');
  await app.keyboard.press('Enter');
  await expect(tagButton(app, '政策/经济', 1)).toBeVisible();
  await expect(tagButton(app, '政策/民生', 1)).toHaveCount(0);
  await expect(tagButton(app, '政策', 4)).toBeVisible();
  await expect(pane.getByRole('status')).toContainText('Renamed “政策/民生” to “政策/经济”.');

  // Merge, choosing the target.
  await pane.getByRole('button', { name: 'Merge 政策/经济' }).click();
  await pane.getByRole('combobox', { name: 'Merge 政策/经济 into' }).selectOption('政策/治安');
  await pane.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(tagButton(app, '政策/治安', 3)).toBeVisible();
  await expect(tagButton(app, '政策/经济', 1)).toHaveCount(0);
  await expect(tagButton(app, '政策', 4)).toBeVisible();

  // Renaming onto an existing name merges: the person is asked first.
  await pane.getByRole('button', { name: 'Rename 人物' }).click();
  await pane.getByRole('textbox', { name: 'New name for 人物' }).fill('政策/治安');
  await app.keyboard.press('Enter');
  const ask = app.getByRole('dialog', { name: 'Merge into an existing tag?' });
  await expect(ask).toContainText('“政策/治安” already exists.');
  await ask.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(ask).toBeHidden();
  await expect(tagButton(app, '政策/治安', 4)).toBeVisible();
  await expect(tagButton(app, '政策', 5)).toBeVisible();
  await expect(tagButton(app, '人物', 1)).toHaveCount(0);

  // Delete asks, says it can be undone, and can be.
  await pane.getByRole('button', { name: 'Delete 临时' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete the tag “临时”?' });
  await expect(confirm).toContainText('It is removed from 1 passage');
  await expect(confirm).toContainText('You can undo this.');
  await confirm.getByRole('button', { name: 'Delete tag' }).click();
  await expect(tagButton(app, '临时', 1)).toHaveCount(0);
  await pane.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(tagButton(app, '临时', 1)).toBeVisible();
  await expect(pane.getByRole('status')).toHaveText('Undone.');

  // The per-tag view: every passage of 政策 and below, article then paragraph order.
  await tagButton(app, '政策', 5).click();
  await expect(pane.getByRole('heading', { level: 2, name: '政策' })).toBeVisible();
  await expect(pane).toContainText('5 passages');
  // One list of the passages; each article's run opens with the article's title.
  const items = pane.getByRole('list', { name: 'Passages of 政策' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(pane.getByRole('heading', { level: 3 })).toHaveText([f.first.title, f.second.title]);
  await expect(items.nth(0).getByRole('heading', { level: 3 })).toHaveText(f.first.title);
  await expect(items.nth(3).getByRole('heading', { level: 3 })).toHaveText(f.second.title);

  const firstItems = items;
  await expect(firstItems.nth(0).locator('mark')).toHaveText(f.a1.quote);
  await expect(firstItems.nth(0)).toContainText(`paragraph ${f.a1.order + 1}`);
  // The whole tagged paragraph, no mark: the paragraph is the passage.
  await expect(firstItems.nth(1)).toContainText('whole paragraph');
  await expect(firstItems.nth(1).locator('mark')).toHaveCount(0);
  await expect(firstItems.nth(1).locator('blockquote')).toContainText(f.a2.quote.slice(0, 40));
  await expect(firstItems.nth(2).locator('mark')).toHaveText(f.a3.quote);

  const secondItems = { nth: (i: number) => items.nth(3 + i) };
  await expect(secondItems.nth(0).locator('mark')).toHaveText(f.b0.quote);
  await expect(secondItems.nth(1).locator('mark')).toHaveText(f.b2.quote);
  // The mark sits inside its paragraph: context on either side.
  await expect(secondItems.nth(1).locator('blockquote')).not.toHaveText(f.b2.quote);
  await saveScreenshot('tags-per-tag-light');

  await app.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await saveScreenshot('tags-per-tag-dark');
  await pane.getByRole('button', { name: 'All tags' }).click();
  await expect(tagButton(app, '政策', 5)).toBeVisible();
  await pane.getByRole('button', { name: 'Rename 临时' }).click();
  await saveScreenshot('tags-pane-dark');
  await app.keyboard.press('Escape');
  await expect(pane.getByRole('textbox', { name: 'New name for 临时' })).toBeHidden();
  await tagButton(app, '政策', 5).click();

  // Jump: the second article opens at that paragraph.
  await secondItems
    .nth(1)
    .getByRole('button', { name: `Jump to paragraph ${f.b2.order + 1} of “${f.second.title}”` })
    .click();
  await expect(app.getByRole('article').getByRole('heading', { level: 2, name: f.second.title })).toBeVisible();
  await expect(app.getByRole('article').locator(`[data-paragraph-id="${f.b2.paragraphId}"]`)).toBeInViewport();

  // Closing the panel with the same button.
  await app.getByRole('button', { name: 'Tags', exact: true }).click();
  await expect(pane).toBeHidden();
});
