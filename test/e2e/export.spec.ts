import fs from 'node:fs';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

test('exports one article to Markdown, backs up and restores without duplicates', async ({ app, saveScreenshot }) => {
  // A highlight in the first seed, so the export has something marked.
  const title = await app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    if (!list.ok) throw new Error('no articles');
    const first = list.value[0];
    if (!first) throw new Error('no articles');
    const article = await window.pizhu.getArticle({ articleId: first.id });
    if (!article.ok) throw new Error('no article');
    const paragraph = article.value.paragraphs.find((p) => p.text.length > 10 && p.kind === 'body');
    if (!paragraph) throw new Error('no paragraph');
    await window.pizhu.createHighlight({ paragraphId: paragraph.id, start: 0, end: 6, color: 'yellow' });
    return article.value.metadata.title;
  });
  await app.reload();
  await app.getByRole('navigation', { name: 'Library' }).getByRole('list').getByRole('button', { name: title }).first().click();
  await expect(app.locator('#article-title')).toBeVisible();
  await app.getByRole('main').getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await expect(dialog.getByRole('radio', { name: 'This article' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Choose folder and export Markdown…' }).click();
  const files = dialog.getByRole('list', { name: 'Exported files' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  const file = (await files.getByRole('listitem').first().textContent()) ?? '';
  const markdown = fs.readFileSync(file, 'utf8');
  expect(markdown.startsWith('---\n')).toBe(true);
  expect(markdown.split('\n---')[0]).toContain(title);
  expect(markdown).toMatch(/==[^=\n]+==/);
  await saveScreenshot('export-article');

  await dialog.getByRole('button', { name: 'Back up to JSON…' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Backed up 5 articles');
  await dialog.getByRole('button', { name: 'Restore from JSON…' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Nothing new');
  await saveScreenshot('export-backup-restore');
});
