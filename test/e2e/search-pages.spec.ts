import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';
import { screenshotsOf } from './personActions';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

/**
 * Issue #16: a common character answers with its first page at once, in reading order, and the
 * panel gives the exact count when it has been counted (before: every match ranked first).
 */
test('a one-character search lists hits in reading order and says how many there are', async ({
  app,
  saveScreenshot,
}) => {
  await expect(app.getByRole('navigation', { name: 'Library' })).toBeVisible();
  // Set-up: a long article whose every paragraph holds 的, added after the seeds.
  await app.evaluate(async () => {
    const paragraphs = Array.from({ length: 240 }, (_, i) => `第${i + 1}段说的是同一件事。`);
    await window.pizhu.importText({ title: '很长的记录', text: paragraphs.join('\n\n') });
  });
  const exact = await app.evaluate(async () => {
    const counted = await window.pizhu.search({ query: '的', limit: 1, exactTotal: true });
    return counted.ok ? counted.value.total : -1;
  });
  expect(exact).toBeGreaterThan(300);

  // By keyboard alone: open the library search, type one character.
  await app.keyboard.press('Control+Shift+F');
  const panel = app.getByRole('complementary', { name: 'Search' });
  await expect(panel.getByRole('searchbox', { name: 'Search text and notes' })).toBeFocused();
  await app.keyboard.type('的');

  // The first page (200 hits) with the exact count once it has come.
  const status = panel.getByRole('status').first();
  await expect(status).toHaveText(`First 200 of ${exact} results`);
  const results = panel.getByRole('group', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(200);

  // Reading order: articles as they were added, and within each its paragraphs top to bottom.
  const groups = results.getByRole('region');
  const titles = await groups.evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label') ?? ''));
  expect(titles.length).toBeGreaterThan(2);
  for (let g = 0; g < titles.length; g++) {
    const orders = (await groups.nth(g).locator('.search-where').allTextContents()).map((t) =>
      Number(/\d+/.exec(t)?.[0]),
    );
    expect(orders, titles[g]).toEqual([...orders].sort((a, b) => a - b));
  }
  const listed = await app.evaluate(async () => {
    const list = await window.pizhu.listArticles();
    return list.ok ? list.value.map((a) => ({ id: a.id, title: a.title })) : [];
  });
  const byId = [...listed].sort((a, b) => a.id - b.id).map((a) => a.title);
  expect(byId.filter((t) => titles.includes(t))).toEqual(titles.filter((t) => byId.includes(t)));

  // The panel in both languages (its name changes with them, so found by its class here).
  await screenshotsOf(app, saveScreenshot, 'search-pages-one-character', async () => {
    await expect(app.locator('.search-panel .search-status')).toHaveText(new RegExp(`200.*${exact}`));
  });
});
