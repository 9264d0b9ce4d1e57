import type { Locator, Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { exportMessages } from '../../renderer/src/features/export/messages';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';
import { openArticle } from './readerActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

const marks = (app: Page) => app.getByRole('article').locator('mark');
const exportDialog = (app: Page) => app.getByRole('dialog', { name: 'Export and back up' });

/** Two highlights in the first seed article (set up through the page's API), then the article opened by a click. */
async function openWithTwoHighlights(app: Page): Promise<number> {
  const { title, articleId } = await app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    if (!list.ok || !list.value[0]) throw new Error('no articles');
    const first = list.value[0];
    const article = await window.pizhu.getArticle({ articleId: first.id });
    if (!article.ok) throw new Error('no article');
    const paragraph = article.value.paragraphs.find((p) => p.text.length > 20 && p.kind === 'body');
    if (!paragraph) throw new Error('no paragraph');
    await window.pizhu.createHighlight({ paragraphId: paragraph.id, start: 0, end: 6, color: 'yellow' });
    await window.pizhu.createHighlight({ paragraphId: paragraph.id, start: 10, end: 16, color: 'yellow' });
    return { title: first.title, articleId: first.id };
  });
  await app.reload();
  await openArticle(app, title);
  await expect(marks(app)).toHaveCount(2);
  return articleId;
}

/** The library as the page reads it: every title, and the article's highlights by text and colour. */
async function libraryState(app: Page, articleId: number) {
  return app.evaluate(async (id) => {
    const list = await window.pizhu.listArticles();
    const article = await window.pizhu.getArticle({ articleId: id });
    if (!list.ok || !article.ok) throw new Error('unreadable');
    return {
      titles: list.value.map((a) => a.title).sort(),
      highlights: article.value.highlights.map((h) => `${h.quote}:${h.start}-${h.end}:${h.color}`).sort(),
    };
  }, articleId);
}

async function openExport(app: Page): Promise<Locator> {
  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = exportDialog(app);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('Merge from JSON keeps what changed since the backup; Restore from JSON makes the library the backup again', async ({
  app,
  saveScreenshot,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  const articleId = await openWithTwoHighlights(app);

  let dialog = await openExport(app);
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Back up to JSON…' }));
  await expect(dialog.getByRole('status').filter({ hasText: 'Backed up' })).toBeVisible();
  const atBackup = await libraryState(app, articleId);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Since the backup: one highlight deleted, the other recoloured.
  await clickAtCentre(app, marks(app).first());
  const popover = app.getByRole('dialog', { name: 'Highlight' });
  await clickAtCentre(app, popover.getByRole('button', { name: 'Delete highlight' }));
  await expect(marks(app)).toHaveCount(1);
  await clickAtCentre(app, marks(app).first());
  await clickAtCentre(app, popover.getByRole('radio', { name: 'Green' }));
  await expect(marks(app).first()).toHaveClass(/hl-green/);
  await app.keyboard.press('Escape');

  // Merge: the deleted highlight comes back, the new colour stays (main previewed and the person confirmed).
  dialog = await openExport(app);
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Merge from JSON…' }));
  await expect(dialog.getByRole('status').filter({ hasText: 'Added 0 articles, 1 highlights' })).toBeVisible();
  const merged = await libraryState(app, articleId);
  expect(merged.highlights).toHaveLength(2);
  expect(merged.highlights.filter((h) => h.endsWith(':green'))).toHaveLength(1);
  expect(merged).not.toEqual(atBackup);

  // Restore, from the keyboard: Tab from Merge to Restore, Enter. The library is the backup again.
  await dialog.getByRole('button', { name: 'Merge from JSON…' }).focus();
  await app.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Restore from JSON…' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(
    dialog.getByRole('status').filter({ hasText: 'The library now holds what the backup held' }),
  ).toBeVisible();
  await saveScreenshot('restore-json-900x600-en-light');
  expect(await libraryState(app, articleId)).toEqual(atBackup);
  await app.keyboard.press('Escape');
  // The reader shows it too: both highlights, neither green.
  await expect(marks(app)).toHaveCount(2);
  await expect(app.getByRole('article').locator('mark.hl-green')).toHaveCount(0);
});

const looks = [
  { locale: 'zh-Hans', theme: 'dark', width: 900, height: 600, done: '文库已恢复为备份中的内容' },
  { locale: 'en', theme: 'dark', width: 1920, height: 1080, done: 'The library now holds' },
  { locale: 'zh-Hans', theme: 'light', width: 1920, height: 1080, done: '文库已恢复为备份中的内容' },
] as const;

for (const look of looks) {
  test(`the restore's answer in the export dialog (${look.locale}, ${look.theme}, ${look.width}×${look.height})`, async ({
    app,
    saveScreenshot,
  }) => {
    await app.setViewportSize({ width: look.width, height: look.height });
    await app.evaluate(
      ([locale, theme]) =>
        localStorage.setItem(
          'pizhu.preferences.v1',
          JSON.stringify({ uiLocale: locale, followSystemLocale: false, theme }),
        ),
      [look.locale, look.theme] as const,
    );
    // A backup to restore, made by main's own call.
    await app.evaluate(async () => {
      await window.pizhu.exportBackup();
    });
    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-theme', look.theme);
    const first = app.getByRole('navigation').getByRole('list').getByRole('button').first();
    await clickAtCentre(app, first);
    const t = exportMessages[look.locale];
    await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: t.export }));
    const dialog = app.getByRole('dialog', { name: t.title });
    await clickAtCentre(app, dialog.getByRole('button', { name: t.restoreRun }));
    await expect(dialog.getByRole('status').filter({ hasText: look.done })).toBeVisible();
    await saveScreenshot(`restore-json-${look.width}x${look.height}-${look.locale}-${look.theme}`);
  });
}
