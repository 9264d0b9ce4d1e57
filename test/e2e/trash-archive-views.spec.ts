import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { articleList, articleMenuAction } from './libraryActions';
import { clickAtCentre, screenshotsOf } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #13: what the trash and the archive do to the library-wide views a person reads. A
 * trashed article's tags leave the tag pane's counts and the per-tag view (undo brings them
 * back); an archived article still counts and is still found, its search hits marked Archived.
 */
const titles = {
  s001: '治理更精细 平安更有感',
  s003: '江西:接续奋斗,红土地上奏响平安之歌',
};
const list = articleList;
const tagsPane = (app: Page) => app.getByRole('complementary', { name: 'Tags', exact: true });
const tagButton = (app: Page, name: string, count: number) =>
  tagsPane(app).getByRole('button', { name: `${name}: ${count} ${count === 1 ? 'passage' : 'passages'}`, exact: true });

/** 主题 on two highlights and a paragraph of s001 and on one highlight of s003, through the API. */
async function tagBoth(app: Page): Promise<void> {
  await app.evaluate(async (titles) => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const articles = must(await window.pizhu.listArticles());
    const body = async (title: string) => {
      const id = articles.find((a) => a.title === title)?.id;
      if (id === undefined) throw new Error(`no article ${title}`);
      const view = must(await window.pizhu.getArticle({ articleId: id }));
      return view.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 20);
    };
    const [a, b, c] = await body(titles.s001);
    const [d] = await body(titles.s003);
    if (!a || !b || !c || !d) throw new Error('body paragraphs expected');
    for (const p of [a, b, d]) {
      must(await window.pizhu.createHighlight({ paragraphId: p.id, start: 0, end: 4, color: 'yellow', tags: ['主题'] }));
    }
    must(await window.pizhu.tagParagraph({ paragraphId: c.id, tag: '主题' }));
  }, titles);
}

test('a trashed article leaves the tag counts and the tag view; Undo counts it again', async ({ app, saveScreenshot }) => {
  await tagBoth(app);
  await app.reload();
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(tagButton(app, '主题', 4)).toBeVisible();

  await articleMenuAction(app, titles.s001, 'Move to trash');
  // The count follows at once: only s003's highlight is left.
  await expect(tagButton(app, '主题', 1)).toBeVisible();
  await expect(tagButton(app, '主题', 4)).toHaveCount(0);
  await clickAtCentre(app, tagButton(app, '主题', 1));
  // The per-tag view lists the passages of s003 alone.
  await expect(tagsPane(app).getByRole('heading', { level: 2, name: '主题' })).toBeVisible();
  await expect(tagsPane(app).getByRole('heading', { level: 3 })).toHaveText([titles.s003]);
  await expect(tagsPane(app).getByRole('list', { name: 'Passages of 主题' }).getByRole('listitem')).toHaveCount(1);
  await saveScreenshot('trash-tag-view');

  // Opened from the Trash view, the article is still searched within (Ctrl+F: this article).
  const show = app.getByRole('combobox', { name: 'Show' });
  await show.selectOption({ label: 'Trash' });
  await clickAtCentre(app, list(app).getByRole('button', { name: titles.s001 }));
  await app.getByRole('article').locator('.paragraph-text').first().waitFor();
  await app.keyboard.press('Control+f');
  const search = app.getByRole('complementary', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search text and notes' }).fill('平安');
  await expect(search.getByRole('checkbox', { name: 'This article only' })).toBeChecked();
  await expect(search.getByRole('region', { name: titles.s001 })).toBeVisible();

  // Undo with the keyboard, from the list: the passages count again, in the pane and the view.
  await show.selectOption({ label: 'Library' });
  await app.getByRole('navigation', { name: 'Library' }).locator('.library-title-row').click();
  await app.keyboard.press('Control+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  // The search holds the side panel: the Tags button closes it, and a second click opens the tags.
  const tags = app.getByRole('button', { name: 'Tags', exact: true });
  await clickAtCentre(app, tags);
  await expect(search).toBeHidden();
  await clickAtCentre(app, tags);
  await expect(tagButton(app, '主题', 4)).toBeVisible();
  await clickAtCentre(app, tagButton(app, '主题', 4));
  await expect(tagsPane(app).getByRole('heading', { level: 3 })).toHaveCount(2);
});

test('an archived article still counts in the tags and its search hits say Archived', async ({
  app,
  saveScreenshot,
}) => {
  await tagBoth(app);
  await app.reload();
  await articleMenuAction(app, titles.s003, 'Archive');
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(tagButton(app, '主题', 4)).toBeVisible();
  // The per-tag view lists its passage, the article marked Archived.
  await clickAtCentre(app, tagButton(app, '主题', 4));
  const titlesShown = tagsPane(app).getByRole('heading', { level: 3 });
  await expect(titlesShown).toHaveCount(2);
  await expect(titlesShown.filter({ hasText: titles.s003 })).toHaveText(`${titles.s003}Archived`);
  await expect(titlesShown.filter({ hasText: titles.s001 })).toHaveText(titles.s001);
  await screenshotsOf(app, saveScreenshot, 'tag-view-archived', async () => {
    const pane = app.getByRole('complementary', { name: /^(Tags|标签)$/ });
    if (!(await pane.locator('.passage-list').isVisible())) {
      if (!(await pane.isVisible())) await clickAtCentre(app, app.getByRole('button', { name: /^(Tags|标签)$/ }));
      await clickAtCentre(app, pane.getByRole('button', { name: /^主题: 4/ }));
    }
    await pane.getByRole('heading', { level: 3 }).filter({ hasText: titles.s003 }).scrollIntoViewIfNeeded();
  });
  // Back to the library list's side panel: the Tags button closes the view.
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(tagsPane(app)).toBeHidden();

  await clickAtCentre(app, app.getByRole('button', { name: 'Search', exact: true }));
  const panel = app.getByRole('complementary', { name: 'Search' });
  await panel.getByRole('searchbox', { name: 'Search text and notes' }).fill('平安');
  const results = panel.getByRole('group', { name: 'Search results' });
  const archived = results.getByRole('region', { name: titles.s003 });
  await expect(archived.getByRole('heading')).toHaveText(`${titles.s003}Archived`);
  await expect(results.getByRole('region', { name: titles.s001 }).getByRole('heading')).toHaveText(titles.s001);
  await expect(results.getByText('Archived', { exact: true })).toHaveCount(1);

  await screenshotsOf(app, saveScreenshot, 'search-archived-hit', async () => {
    const search = app.getByRole('complementary', { name: /^(Search|搜索)$/ });
    if (!(await search.isVisible())) await app.keyboard.press('Control+Shift+F');
    await search.getByRole('searchbox').fill('平安');
    await search.getByRole('region', { name: titles.s003 }).getByRole('heading').scrollIntoViewIfNeeded();
  });
});

test('the tag filter works in the Trash view: it finds the trashed articles carrying the tag', async ({ app }) => {
  await tagBoth(app);
  await app.reload();
  await articleMenuAction(app, titles.s001, 'Move to trash');
  const show = app.getByRole('combobox', { name: 'Show' });
  const tag = app.getByRole('combobox', { name: 'Tag' });
  // From the keyboard, as the filters are: the Trash view, then the tag.
  await show.focus();
  await show.selectOption({ label: 'Trash' });
  await expect(list(app).getByRole('listitem')).toHaveCount(1);
  await tag.selectOption('主题');
  await expect(list(app).getByRole('listitem')).toHaveCount(1);
  await expect(list(app).getByRole('button', { name: titles.s001 })).toBeVisible();
  // Back in the library, the same filter finds the article outside the trash, and not the trashed one.
  await show.selectOption({ label: 'Library' });
  await expect(list(app).getByRole('listitem')).toHaveCount(1);
  await expect(list(app).getByRole('button', { name: titles.s003 })).toBeVisible();
});
