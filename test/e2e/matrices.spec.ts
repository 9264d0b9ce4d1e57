import type { Page } from '@playwright/test';
import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOfModal, tabTo } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #18 item 4: the co-occurrence matrix counts where two codes meet, and a cell clicks
 * through to its passages and from a passage to its paragraph in the reader, by mouse and by
 * keyboard alone.
 */

/** Codes the first seed: 政策 and 民生 on paragraph A whole, and both on one highlight in paragraph B. Answers their texts. */
async function code(app: Page): Promise<{ title: string; a: string; b: string }> {
  return app.evaluate(async () => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const [first] = must(await window.pizhu.listArticles()).sort((x, y) => x.id - y.id);
    const article = must(await window.pizhu.getArticle({ articleId: first!.id }));
    const body = article.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 20);
    const [a, b] = [body[0]!, body[4]!];
    must(await window.pizhu.tagParagraph({ paragraphId: a.id, tag: '政策' }));
    must(await window.pizhu.tagParagraph({ paragraphId: a.id, tag: '民生' }));
    must(await window.pizhu.createHighlight({ paragraphId: b.id, start: 0, end: 6, color: 'yellow', tags: ['政策', '民生'] }));
    return { title: article.metadata.title, a: a.text, b: b.text };
  });
}

test('matrices: the co-occurrence matrix counts where two codes meet and a cell clicks through to its paragraphs', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(240_000);
  const coded = await code(app);
  await app.reload();

  // By mouse: Matrices, then the cell of 政策 × 民生 on one highlight (one highlight, one paragraph).
  await clickAtCentre(app, app.getByRole('button', { name: 'Matrices', exact: true }));
  const dialog = app.getByRole('dialog', { name: 'Code matrices' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: 'Matrix' });
  await expect(table.getByRole('columnheader')).toHaveText(['Codes', '政策', '民生', 'Total']);
  const onHighlight = table.getByRole('button', { name: '民生 × 政策: 1 highlights, 1 paragraphs' });
  await expect(onHighlight).toHaveText('1');
  await clickAtCentre(app, onHighlight);
  const passages = app.getByRole('dialog', { name: '民生 × 政策' });
  await expect(passages.getByRole('list', { name: 'Passages' }).getByRole('listitem')).toHaveCount(1);
  await expect(passages).toContainText(coded.b.slice(0, 6));
  await clickAtCentre(app, passages.getByRole('button', { name: /paragraph \d+$/ }));
  await expect(passages).toBeHidden();
  const reader = app.getByRole('article');
  await expect(reader.locator('.paragraph[aria-current="true"]')).toContainText(coded.b.slice(0, 12));

  // Keyboard alone: Matrices, "in one paragraph" with the arrow key, the cell, a passage.
  await tabTo(app, app.getByRole('button', { name: 'Matrices', exact: true }));
  await app.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const kind = dialog.getByRole('combobox', { name: 'Matrix' });
  await tabTo(app, kind);
  await app.keyboard.press('ArrowDown');
  await expect(kind).toHaveValue('paragraph');
  // In one paragraph: A (the paragraph coded whole) and B (the highlight): one highlight, two paragraphs.
  const inParagraph = table.getByRole('button', { name: '政策 × 民生: 1 highlights, 2 paragraphs' });
  await expect(inParagraph).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Cells show' }).selectOption('paragraphs');
  await expect(inParagraph).toHaveText('2');
  await screenshotsOfModal(
    app,
    saveScreenshot,
    'matrices-cooccurrence',
    async () => {
      if (!(await dialog.isVisible())) await clickAtCentre(app, app.getByRole('button', { name: /^(Matrices|矩阵)$/ }));
      await expect(app.getByRole('table')).toBeVisible();
    },
    async () => {
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toBeHidden();
    },
  );
  await tabTo(app, app.getByRole('button', { name: 'Matrices', exact: true }));
  await app.keyboard.press('Enter');
  await tabTo(app, kind);
  await app.keyboard.press('ArrowDown');
  await expect(kind).toHaveValue('paragraph');
  await tabTo(app, inParagraph);
  await app.keyboard.press('Enter');
  const both = app.getByRole('dialog', { name: '政策 × 民生' });
  const items = both.getByRole('list', { name: 'Passages' }).getByRole('button');
  await expect(items).toHaveCount(2);
  await expect(both.getByRole('button', { name: 'Back to the matrix' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(items.first()).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(both).toBeHidden();
  await expect(reader.locator('.paragraph[aria-current="true"]')).toContainText(coded.a.slice(0, 12));
});
