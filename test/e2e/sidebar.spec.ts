import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf } from './personActions';
import { articleIdOf, highlightThroughApi, openArticle } from './readerActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Annotations' });
const items = (app: Page) => sidebar(app).locator('.sidebar-jump');

/** Four highlights in four colours (one tagged) and a note, in s003, through the API. */
async function annotate(app: Page): Promise<number> {
  const articleId = await articleIdOf(app, s003);
  await highlightThroughApi(app, articleId, '扎根红土圣地', 'yellow');
  await highlightThroughApi(app, articleId, '厚植红色基因', 'blue');
  await highlightThroughApi(app, articleId, '鄱阳湖联合巡逻执法勤务指挥中心', 'green');
  await highlightThroughApi(app, articleId, '全时空视频追溯', 'pink');
  await app.evaluate(async (articleId) => {
    const article = await window.pizhu.getArticle({ articleId });
    if (!article.ok) throw new Error(article.error.message);
    const blue = article.value.highlights.find((h) => h.color === 'blue');
    if (blue) await window.pizhu.tagHighlight({ highlightId: blue.id, tag: '方法' });
    const p = article.value.paragraphs.find((x) => x.text.includes('革命先辈高擎的信仰火炬'));
    if (!p) throw new Error('no paragraph for the note');
    const text = '信仰的传承，值得单独写一节';
    const editorState = JSON.stringify({
      root: {
        children: [
          {
            children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
            direction: null,
            format: '',
            indent: 0,
            type: 'paragraph',
            version: 1,
          },
        ],
        direction: null,
        format: '',
        indent: 0,
        type: 'root',
        version: 1,
      },
    });
    const saved = await window.pizhu.saveNote({ paragraphId: p.id, editorState, plainText: text, markdown: text });
    if (!saved.ok) throw new Error(saved.error.message);
  }, articleId);
  return articleId;
}

/** The reader's scroll box holds the element's box (it was scrolled to). */
async function inReaderView(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const scroller = el.closest('.reader-scroll');
    if (!scroller) return false;
    const box = el.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
}

async function storedComment(app: Page, articleId: number, color: string): Promise<string | undefined> {
  return app.evaluate(
    async ([articleId, color]) => {
      const article = await window.pizhu.getArticle({ articleId });
      return article.ok ? article.value.highlights.find((h) => h.color === color)?.comment : undefined;
    },
    [articleId, color] as const,
  );
}

test('the sidebar lists every annotation in text order, filters by colour, tag and kind, and a click jumps to the passage', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await annotate(app);
  await openArticle(app, s003);
  await clickAtCentre(app, app.getByRole('button', { name: 'Show annotations' }));
  await expect(sidebar(app)).toBeVisible();
  await expect(items(app)).toHaveCount(5);
  const texts = await items(app).allTextContents();
  const order = ['扎根红土圣地', '信仰的传承', '厚植红色基因', '鄱阳湖联合巡逻执法勤务指挥中心', '全时空视频追溯'];
  expect(order.map((quote) => texts.findIndex((t) => t.includes(quote)))).toEqual([0, 1, 2, 3, 4]);
  await expect(items(app).nth(2)).toContainText('#方法');
  await expect(sidebar(app)).toContainText('5 of 5');

  // Colour: only the green highlight is left; a click on it brings the passage into view, flashing.
  await clickAtCentre(app, sidebar(app).getByRole('button', { name: 'Green', exact: true }));
  await expect(sidebar(app).getByRole('button', { name: 'Green', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(items(app)).toHaveCount(1);
  await expect(items(app).first()).toContainText('鄱阳湖联合巡逻执法勤务指挥中心');
  const green = app.getByRole('article').locator('mark.hl-green');
  expect(await inReaderView(green)).toBe(false);
  await clickAtCentre(app, items(app).first());
  await expect.poll(() => inReaderView(green)).toBe(true);
  await expect(green).toHaveClass(/sidebar-flash/);
  await saveScreenshot('sidebar-jumped');

  // Tag and kind.
  await clickAtCentre(app, sidebar(app).getByRole('button', { name: 'Clear filters' }));
  await expect(items(app)).toHaveCount(5);
  await sidebar(app).getByRole('combobox', { name: 'Tag' }).selectOption('方法');
  await expect(items(app)).toHaveCount(1);
  await expect(items(app).first()).toContainText('厚植红色基因');
  await sidebar(app).getByRole('combobox', { name: 'Tag' }).selectOption('');
  await sidebar(app).getByRole('combobox', { name: 'Kind' }).selectOption('note');
  await expect(items(app)).toHaveCount(1);
  await expect(items(app).first()).toContainText('信仰的传承');
  await sidebar(app).getByRole('combobox', { name: 'Kind' }).selectOption('highlight');
  await expect(items(app)).toHaveCount(4);
  await sidebar(app).getByRole('combobox', { name: 'Kind' }).selectOption('all');

  // A comment, written in the sidebar: one undo step, found by search, exported under its passage.
  const blueRow = sidebar(app).locator('.sidebar-item').filter({ hasText: '厚植红色基因' });
  await clickAtCentre(app, blueRow.getByRole('button', { name: 'Add comment' }));
  const field = blueRow.getByRole('textbox', { name: 'Comment on this highlight' });
  await expect(field).toBeFocused();
  await app.keyboard.type('对照第二节的统计口径');
  await clickAtCentre(app, blueRow.getByRole('button', { name: 'Save' }));
  await expect(blueRow.locator('.comment-text')).toHaveText('对照第二节的统计口径');
  await expect.poll(() => storedComment(app, articleId, 'blue')).toBe('对照第二节的统计口径');
  await screenshotsOf(app, saveScreenshot, 'sidebar-comment', async () => {
    // Named in the interface language: found by its place here.
    const panel = app.locator('.annotations-sidebar');
    if (!(await panel.isVisible())) await app.keyboard.press('a');
    await expect(panel).toBeVisible();
  });

  // The popover of the highlight shows it too.
  await clickAtCentre(app, app.getByRole('article').locator('mark.hl-blue'));
  const popover = app.getByRole('dialog', { name: 'Highlight' });
  await expect(popover.locator('.comment-text')).toHaveText('对照第二节的统计口径');
  await app.keyboard.press('Escape');

  await app.keyboard.press('Control+Shift+F');
  const search = app.getByRole('complementary', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search text and notes' }).fill('統計口徑');
  const hit = search.getByRole('group', { name: 'Search results' }).getByRole('button').filter({ hasText: 'Comment' });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('对照第二节的统计口径');
  await app.keyboard.press('Escape');

  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  const files = dialog.getByRole('list', { name: 'Exported files' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  const file = (await files.getByRole('listitem').first().textContent()) ?? '';
  expect(fs.readFileSync(file, 'utf8')).toContain('💬 “厚植红色基因”: 对照第二节的统计口径');
});

test('keyboard alone: a opens the sidebar in its list, arrows choose, Enter jumps, a comment is written, Esc closes', async ({
  app,
}) => {
  const articleId = await annotate(app);
  await openArticle(app, s003);
  await app.getByRole('article').locator('.paragraph-text').first().click();

  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row').filter({ hasText: 'annotations sidebar' })).toContainText('a');
  await app.keyboard.press('Escape');

  await app.keyboard.press('a');
  await expect(sidebar(app)).toBeVisible();
  await expect(items(app).first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(items(app).nth(3)).toBeFocused();
  await expect(items(app).nth(3)).toContainText('鄱阳湖联合巡逻执法勤务指挥中心');
  await app.keyboard.press('Enter');
  const green = app.getByRole('article').locator('mark.hl-green');
  await expect.poll(() => inReaderView(green)).toBe(true);
  await expect(green).toHaveClass(/sidebar-flash/);
  await app.keyboard.press('ArrowUp');
  await expect(items(app).nth(2)).toBeFocused();

  // Tab leads from the item to its comment button; Ctrl+Enter saves; one undo takes it back.
  await app.keyboard.press('Tab');
  await expect(sidebar(app).getByRole('button', { name: 'Add comment' }).nth(1)).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.type('第二处');
  await app.keyboard.press('Control+Enter');
  await expect.poll(() => storedComment(app, articleId, 'blue')).toBe('第二处');
  await expect(sidebar(app).getByRole('button', { name: 'Edit comment' })).toBeFocused();
  await app.keyboard.press('Control+z');
  await expect.poll(() => storedComment(app, articleId, 'blue')).toBe('');

  await app.keyboard.press('Escape');
  await expect(sidebar(app)).toBeHidden();
  await expect(app.getByRole('button', { name: 'Show annotations' })).toBeFocused();
});
