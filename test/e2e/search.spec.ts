import type { PizhuApi } from '../../preload/contract/api';
import { expect, test } from './fixtures/pizhuTest';

declare global {
  interface Window {
    pizhu: PizhuApi;
  }
}

test('searches across scripts, marks hits, jumps, and tags every hit in one undo', async ({ app, saveScreenshot }) => {
  await expect(app.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await app.keyboard.press('Control+Shift+F');
  const panel = app.getByRole('complementary', { name: 'Search' });
  const box = panel.getByRole('searchbox', { name: 'Search text and notes' });
  await expect(box).toBeFocused();
  await box.fill('晋江');

  const results = panel.getByRole('group', { name: 'Search results' });
  const groups = results.getByRole('region');
  // The simplified seeds and the traditional seed 002 (晉江) all answer.
  await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(3);
  await expect(results.locator('mark', { hasText: '晉江' }).first()).toBeVisible();
  await expect(results.locator('mark', { hasText: '晋江' }).first()).toBeVisible();
  await saveScreenshot('search-results');

  // Default script 繁體: a simplified hit is shown converted, the mark on the same two characters.
  await app.getByRole('button', { name: 'Preferences' }).click();
  const prefs = app.getByRole('dialog', { name: 'Preferences' });
  await prefs.getByRole('combobox', { name: 'Default script' }).selectOption({ label: '繁體' });
  await prefs.getByRole('button', { name: 'Close' }).click();
  await expect(results.locator('mark', { hasText: '晋江' })).toHaveCount(0);
  const marks = await results.locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(3);
  for (const mark of marks) expect(mark).toBe('晉江');
  await saveScreenshot('search-results-traditional');

  // Enter on a hit opens its article at that paragraph, with the matched characters marked there.
  const firstHit = results.getByRole('button').first();
  await firstHit.focus();
  await app.keyboard.press('Enter');
  await expect(app.locator('#article-title')).toBeVisible();
  await expect
    .poll(() =>
      app.evaluate(() => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        return [...(registry?.get('pizhu-search-match') ?? [])].map((r) => r.toString());
      }),
    )
    .toEqual(expect.arrayContaining(['晉江']));
  await saveScreenshot('search-jumped');

  // Tag every hit, then one Ctrl+Z takes every tag off again.
  const tagCount = async () =>
    app.evaluate(async () => {
      const tags = await window.pizhu.listTags();
      return tags.ok ? (tags.value.find((t) => t.name === '地名/晋江')?.totalCount ?? 0) : -1;
    });
  await panel.getByRole('button', { name: 'Tag every hit…' }).click();
  const form = panel.getByRole('form', { name: 'Tag every hit' });
  await form.getByRole('combobox', { name: 'Tag name' }).fill('地名/晋江');
  await form.getByRole('radio', { name: 'Whole paragraph' }).check();
  await form.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(form.getByRole('status')).toContainText('Tagged');
  const tagged = await tagCount();
  expect(tagged).toBeGreaterThan(10);
  await saveScreenshot('search-tagged');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await app.keyboard.press('Control+Z');
  await expect.poll(tagCount).toBe(0);
});

test('Ctrl+F searches only the open article', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Library' }).getByRole('list').getByRole('button').first().click();
  await expect(app.locator('#article-title')).toBeVisible();
  await app.keyboard.press('Control+F');
  const panel = app.getByRole('complementary', { name: 'Search' });
  await expect(panel.getByRole('checkbox', { name: 'This article only' })).toBeChecked();
  await panel.getByRole('searchbox').fill('晋江');
  await expect(panel.getByRole('status').first()).toContainText(/result|Nothing/);
  expect(await panel.getByRole('group', { name: 'Search results' }).getByRole('region').count()).toBeLessThanOrEqual(1);
});

test('Tag every hit keeps to the tag filter: only the hits the filtered search shows are tagged', async ({
  app,
  saveScreenshot,
}) => {
  // Two paragraphs that mention 公安 carry a sub-tag of 来源; no other does.
  const chosen = await app.evaluate(async () => {
    const found = await window.pizhu.search({ query: '公安', limit: 50 });
    if (!found.ok) throw new Error(found.error.message);
    const ids = [...new Set(found.value.hits.filter((h) => h.kind === 'paragraph').map((h) => h.paragraphId))].slice(
      0,
      2,
    );
    for (const paragraphId of ids) await window.pizhu.tagParagraph({ paragraphId, tag: '来源/官方' });
    return ids;
  });
  expect(chosen).toHaveLength(2);

  await app.keyboard.press('Control+Shift+F');
  const panel = app.getByRole('complementary', { name: 'Search' });
  await panel.getByRole('searchbox', { name: 'Search text and notes' }).fill('公安');
  await panel.getByRole('combobox', { name: 'Tag' }).selectOption('来源');
  const results = panel.getByRole('group', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(2);

  await panel.getByRole('button', { name: 'Tag every hit…' }).click();
  const form = panel.getByRole('form', { name: 'Tag every hit' });
  await expect(form).toContainText('Only the hits tagged #来源 are tagged');
  await saveScreenshot('search-tag-every-hit-within-filter');
  await form.getByRole('combobox', { name: 'Tag name' }).fill('已核对');
  await form.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(form.getByRole('status')).toContainText('Tagged');
  const checked = await app.evaluate(async () => {
    const tags = await window.pizhu.listTaggedPassagePage({ tag: '已核对', offset: 0, limit: 500 });
    return tags.ok ? tags.value.rows.map((p) => p.paragraphId) : [];
  });
  expect(checked.sort()).toEqual([...chosen].sort());
});
