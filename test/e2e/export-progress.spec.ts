import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
    __progressSeen?: string[];
  }
}

/**
 * Issue #16: exporting the whole library shows a progress bar while main writes, with its count
 * (files prepared, then written) once main has answered how far it is, as the import's bar does.
 * (A few hundred files take well under a second here, so the count may not show before the end:
 * every count shown is checked; test/unit/main/library/export/exportInSteps.test.ts pins the steps.)
 */
test('exporting the whole library shows a progress bar with the count, then what it wrote', async ({ app, saveScreenshot }) => {
  test.setTimeout(240_000);
  const count = 420;
  const made = await app.evaluate(async (count) => {
    let ok = 0;
    for (let i = 1; i <= count; i++) {
      const imported = await window.pizhu.importText({ title: `导出进度 ${i}`, text: `导出进度第${i}篇,第一段。\n\n第二段,再讲一件事。` });
      if (!imported.ok || imported.value.articleId === undefined) continue;
      const view = await window.pizhu.getArticle({ articleId: imported.value.articleId });
      const paragraph = view.ok ? view.value.paragraphs.find((p) => p.kind === 'body') : undefined;
      if (!paragraph) continue;
      const highlight = await window.pizhu.createHighlight({ paragraphId: paragraph.id, start: 0, end: 4, color: 'yellow' });
      if (highlight.ok) ok++;
    }
    return ok;
  }, count);
  expect(made).toBe(count);
  await app.reload();

  await clickAtCentre(app, app.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('radio', { name: 'Whole library' }));
  // Every state of the bar while it shows, as a person would have seen it.
  await app.evaluate(() => {
    window.__progressSeen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role="dialog"] [role="progressbar"]');
      const text = bar?.getAttribute('aria-valuetext');
      if (text && window.__progressSeen!.at(-1) !== text) window.__progressSeen!.push(text);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  await expect(dialog.getByRole('progressbar', { name: 'Exporting…' })).toBeVisible();
  await saveScreenshot('export-progress');
  // The files: one per annotated article (the five seeds have none) and the index.
  await expect(dialog.getByText(`Wrote ${count + 1} files:`)).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  const seen = await app.evaluate(() => window.__progressSeen ?? []);
  for (const text of seen) expect(text).toMatch(new RegExp(`^(Preparing|Writing) files \\d+ of ${count + 1}$`));
});
