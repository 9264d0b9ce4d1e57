import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf } from './personActions';
import { articleIdOf, openArticle, selectText } from './readerActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const article = (app: Page) => app.getByRole('article');
const paragraphWith = (app: Page, text: string) => article(app).locator('.paragraph').filter({ hasText: text });

/** The search match ranges the reader marks (CSS Custom Highlight API), as text. */
const matchMarks = (app: Page) =>
  app.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return [...(registry?.get('pizhu-search-match') ?? [])].map((r) => r.toString());
  });

test('search has a visible button; the panel counts paragraphs and notes as Tag every hit does; old marks go', async ({
  app,
  saveScreenshot,
}) => {
  await openArticle(app, s003);
  const open = app.getByRole('main').getByRole('button', { name: 'Search', exact: true });
  await expect(open).toBeVisible();
  await clickAtCentre(app, open);
  const panel = app.getByRole('complementary', { name: 'Search' });
  const box = panel.getByRole('searchbox', { name: 'Search text and notes' });
  await expect(box).toBeFocused();
  await expect(open).toHaveAttribute('aria-pressed', 'true');

  // Keyboard alone: type, Enter jumps to the first hit, whose matches are marked in the reader.
  await app.keyboard.type('平安');
  const status = panel.getByRole('status').first();
  await expect(status).toContainText(/^\d+ results: \d+ paragraphs?/);
  await app.keyboard.press('Enter');
  await expect.poll(() => matchMarks(app)).toContain('平安');
  await screenshotsOf(app, saveScreenshot, 'reader-ux-search');

  // A new query takes the earlier query's marks off the reader.
  await box.fill('红土地');
  await expect.poll(() => matchMarks(app)).toEqual([]);
  // Jump again, then close search: the marks go with it.
  await expect(status).toContainText(/results/);
  await box.press('Enter');
  await expect.poll(() => matchMarks(app)).toContain('红土地');
  await box.press('Escape');
  await expect(panel).toBeHidden();
  await expect.poll(() => matchMarks(app)).toEqual([]);

  // Tag every hit says how many paragraphs it tagged: the panel's paragraph count, for a new tag.
  await clickAtCentre(app, open);
  await box.fill('平安');
  await expect(status).toContainText(/^\d+ results: \d+ paragraphs?/);
  const paragraphs = Number(/results: (\d+) paragraph/.exec((await status.textContent()) ?? '')?.[1]);
  expect(paragraphs).toBeGreaterThan(1);
  await clickAtCentre(app, panel.getByRole('button', { name: 'Tag every hit…' }));
  const form = panel.getByRole('form', { name: 'Tag every hit' });
  await form.getByRole('combobox', { name: 'Tag name' }).fill('主题/平安');
  await clickAtCentre(app, form.getByRole('button', { name: 'Tag', exact: true }));
  const done = form.getByRole('status');
  await expect(done).toContainText(`Tagged ${paragraphs} paragraphs “主题/平安”`);
  await expect(done).toContainText('notes are not tagged');
  // After the undo, "Ctrl+Z undoes it" is gone: it no longer says what the library holds.
  await article(app).getByRole('heading', { level: 2 }).click();
  await app.keyboard.press('ControlOrMeta+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(done).toBeHidden();
});

test('Note on a selection highlights it and quotes it in the paragraph note, ready to type under', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  const quote = '扎根红土圣地';
  const paragraph = paragraphWith(app, quote);
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  await selectText(app, quote);
  const toolbar = app.getByRole('toolbar', { name: 'Highlight' });
  await expect(toolbar).toBeVisible();
  await clickAtCentre(app, toolbar.getByRole('button', { name: 'Note' }));

  await expect(paragraph.locator('mark')).toHaveText([quote]);
  const editor = paragraph.getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(editor).toBeFocused();
  await expect(editor.locator('blockquote')).toHaveText(quote);
  await app.keyboard.type('为什么是红土地');
  await expect(paragraph.getByRole('status')).toHaveText('Saved');
  await screenshotsOf(app, saveScreenshot, 'reader-ux-note-quote', () => paragraph.scrollIntoViewIfNeeded());

  const stored = await app.evaluate(
    async ([articleId, paragraphId]) => {
      const view = await window.pizhu.getArticle({ articleId });
      const note = await window.pizhu.getNote({ paragraphId });
      return {
        highlights: view.ok ? view.value.highlights.map((h) => [h.paragraphId, h.start, h.end]) : null,
        markdown: note.ok ? (note.value?.markdown ?? null) : null,
      };
    },
    [articleId, paragraphId] as const,
  );
  expect(stored.markdown).toBe(`> ${quote}\n\n为什么是红土地`);
  expect(stored.highlights).toHaveLength(1);
});

test('Tag paragraph… takes several tags, one after another, like the highlight popover', async ({ app }) => {
  await openArticle(app, s003);
  const paragraph = paragraphWith(app, '扎根红土圣地');
  await paragraph.hover();
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Paragraph options' }));
  await clickAtCentre(app, app.getByRole('menuitem', { name: 'Tag paragraph…' }));
  const field = paragraph.getByRole('combobox', { name: 'Tag name' });
  await expect(field).toBeFocused();
  await app.keyboard.type('主题/红色');
  await app.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await app.keyboard.type('地点/江西');
  await app.keyboard.press('Enter');
  const chips = paragraph.getByRole('list', { name: 'Paragraph tags' }).getByRole('listitem');
  await expect(chips).toHaveText(['#主题/红色×', '#地点/江西×']);
  await app.keyboard.press('Escape');
  await expect(field).toBeHidden();
  await expect(chips).toHaveCount(2);
});

test('an undo from the keyboard takes the tag pane’s “Deleted … Undo” line away', async ({ app }) => {
  await openArticle(app, s003);
  const paragraphId = Number(await paragraphWith(app, '扎根红土圣地').getAttribute('data-paragraph-id'));
  await app.evaluate((id) => window.pizhu.tagParagraph({ paragraphId: id, tag: '临时' }), paragraphId);
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  const pane = app.getByRole('complementary', { name: 'Tags' });
  await clickAtCentre(app, pane.getByRole('button', { name: 'Delete 临时' }));
  const confirm = app.getByRole('dialog', { name: 'Delete the tag “临时”?' });
  await clickAtCentre(app, confirm.getByRole('button', { name: 'Delete tag' }));
  const line = pane.getByRole('status');
  await expect(line).toContainText('Deleted the tag “临时”.');
  await expect(line.getByRole('button', { name: 'Undo' })).toBeVisible();

  await article(app).getByRole('heading', { level: 2 }).click();
  await app.keyboard.press('ControlOrMeta+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(line).not.toContainText('Deleted the tag');
  await expect(line.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(pane.getByRole('button', { name: 'Delete 临时' })).toBeVisible();
});

test('Edit ▸ Undo from the menu undoes the last annotation in the reader, and the typing when a note has the focus', async ({
  app,
}) => {
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  const highlights = async () =>
    app.evaluate(async (id) => {
      const view = await window.pizhu.getArticle({ articleId: id });
      return view.ok ? view.value.highlights.length : -1;
    }, articleId);
  // What preload does when main's menu item is chosen: a DOM event on the window.
  const chooseFromMenu = (event: 'pizhu:menu-undo' | 'pizhu:menu-redo') =>
    app.evaluate((type) => window.dispatchEvent(new Event(type)), event);

  await selectText(app, '扎根红土圣地');
  await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
  await expect.poll(highlights).toBe(1);
  await article(app).getByRole('heading', { level: 2 }).click();
  await chooseFromMenu('pizhu:menu-undo');
  await expect(app.getByRole('status').filter({ hasText: 'Undone: New highlight' })).toBeVisible();
  await expect.poll(highlights).toBe(0);
  await chooseFromMenu('pizhu:menu-redo');
  await expect.poll(highlights).toBe(1);

  // In a note, the menu's Undo is the editor's own: the typing goes, the highlight stays.
  const paragraph = paragraphWith(app, '扎根红土圣地');
  await paragraph.hover();
  await clickAtCentre(app, paragraph.getByRole('button', { name: 'Paragraph options' }));
  await clickAtCentre(app, app.getByRole('menuitem', { name: 'Note' }));
  const editor = paragraph.getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(editor).toBeFocused();
  await app.keyboard.type('菜单撤销');
  await expect(editor).toHaveText('菜单撤销');
  await chooseFromMenu('pizhu:menu-undo');
  await expect(editor).toHaveText('');
  await expect(editor).toBeFocused();
  expect(await highlights()).toBe(1);
});

test('a note shows its first line under its paragraph and opens from it; a highlight’s tags show in the margin', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await articleIdOf(app, s003);
  const quote = '扎根红土圣地';
  await app.evaluate(
    async ([articleId, quote]) => {
      const view = await window.pizhu.getArticle({ articleId });
      if (!view.ok) throw new Error(view.error.message);
      const p = view.value.paragraphs.find((x) => x.text.includes(quote));
      if (!p) throw new Error('no paragraph');
      const start = p.text.indexOf(quote);
      const made = await window.pizhu.createHighlight({
        paragraphId: p.id,
        start,
        end: start + quote.length,
        color: 'green',
      });
      if (!made.ok) throw new Error(made.error.message);
      await window.pizhu.tagHighlight({ highlightId: made.value.id, tag: '主题/红色' });
      await window.pizhu.tagHighlight({ highlightId: made.value.id, tag: '地点' });
      const text = '红土地的来历\n\n第二段不在预览里';
      await window.pizhu.saveNote({ paragraphId: p.id, editorState: '', plainText: text, markdown: text });
    },
    [articleId, quote] as const,
  );
  await openArticle(app, s003);
  const paragraph = paragraphWith(app, quote);
  const chips = paragraph.getByRole('list', { name: 'Tags on highlights in this paragraph' }).getByRole('listitem');
  await expect(chips).toHaveText(['#主题/红色', '#地点']);
  await expect(chips.first()).toHaveAttribute('title', `Tag of the highlight “${quote}”`);
  const preview = paragraph.getByRole('button', { name: 'Open note: 红土地的来历' });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveText('红土地的来历');
  await screenshotsOf(app, saveScreenshot, 'reader-ux-note-preview', () => paragraph.scrollIntoViewIfNeeded());

  await clickAtCentre(app, preview);
  const editor = paragraph.getByRole('textbox', { name: 'Note on this paragraph' });
  await expect(editor).toContainText('第二段不在预览里');
  await expect(preview).toBeHidden();
});

test('the tag view and the header show titles, sources and passages in the script mode the reader uses for the article', async ({
  app,
  saveScreenshot,
}) => {
  await openArticle(app, s003);
  const paragraphId = Number(await paragraphWith(app, '扎根红土圣地').getAttribute('data-paragraph-id'));
  await app.evaluate((id) => window.pizhu.tagParagraph({ paragraphId: id, tag: '字形' }), paragraphId);
  await clickAtCentre(app, app.getByRole('radio', { name: '繁體', exact: true }));
  await expect(paragraphWith(app, '紮根紅土聖地')).toBeVisible();
  // The header's source is the article's own words: converted with the title.
  await expect(app.locator('#article-title')).toHaveText('江西:接續奮鬥,紅土地上奏響平安之歌');
  await expect(article(app).locator('header')).toContainText('江西政法網');

  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  const pane = app.getByRole('complementary', { name: 'Tags', exact: true });
  await clickAtCentre(app, pane.getByRole('button', { name: '字形: 1 passage', exact: true }));
  const group = pane.getByRole('list', { name: 'Passages of 字形' });
  await expect(group.getByRole('heading', { level: 3 })).toHaveText('江西:接續奮鬥,紅土地上奏響平安之歌');
  await expect(group.getByRole('blockquote')).toContainText('紮根紅土聖地');
  await expect(group.getByRole('blockquote')).not.toContainText('红土');
  await saveScreenshot('reader-ux-tag-view-traditional');
});
