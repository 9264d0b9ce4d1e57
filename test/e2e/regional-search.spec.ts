import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, tabTo } from './personActions';
import { articleIdOf, openArticle, openCraftedArticle } from './readerActions';

/**
 * Issue #15: a word has a regional form (計程車 in Taiwan, 出租车 on the mainland, 網際網路 and
 * 互联网), and a person searches in the form they read or write. Search and tags must meet them.
 */

const article = (app: Page) => app.getByRole('article');
const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });
const searchPanel = (app: Page) => app.getByRole('complementary', { name: /^(Search|搜索)$/ });
const results = (app: Page) => searchPanel(app).getByRole('group', { name: /^(Search results|搜索结果)$/ });
const matchMarks = (app: Page) =>
  app.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return [...(registry?.get('pizhu-search-match') ?? [])].map((r) => r.toString());
  });

test('in 臺灣(詞彙) mode, Ctrl+F for 計程車 (shown for a mainland 出租车) finds it and marks it', async ({
  app,
  saveScreenshot,
}) => {
  await openCraftedArticle(
    app,
    '进城的一天',
    '早上我坐出租车去上班，司机一路都在听广播。\n\n晚上回家，我又叫了一辆出租车。',
  );
  await clickAtCentre(app, modeRadio(app, '臺灣(詞彙)'));
  await expect(modeRadio(app, '臺灣(詞彙)')).toHaveAttribute('aria-checked', 'true');
  await expect(article(app)).toContainText('早上我坐計程車去上班');

  // By keyboard alone: Ctrl+F, type what is on screen, Enter on the first hit.
  await app.keyboard.press('Control+F');
  const box = searchPanel(app).getByRole('searchbox');
  await expect(box).toBeFocused();
  await app.keyboard.type('計程車');
  const hits = results(app).getByRole('button');
  await expect(hits).toHaveCount(2);
  // The snippets are in the reader's mode, the mark on the form shown there.
  await expect(results(app).locator('mark')).toHaveText(['計程車', '計程車']);
  await tabTo(app, hits.first());
  await app.keyboard.press('Enter');
  await expect.poll(() => matchMarks(app)).toEqual(['計程車']);
  await saveScreenshot('regional-search-ctrl-f-twp');
  await screenshotsOf(app, saveScreenshot, 'regional-search-ctrl-f-twp', async () => {
    await expect.poll(() => matchMarks(app)).toEqual(['計程車']);
  });
});

test('a library search for 互联网 finds a Taiwan article’s 網際網路, marked as written', async ({
  app,
  saveScreenshot,
}) => {
  const title = '臺北的網路生活';
  await app.evaluate(
    (text) => window.pizhu.importText({ text, title: '臺北的網路生活' }),
    `${title}\n\n我每天都用網際網路查資料，也常坐計程車上班。\n\n這台電腦裡的軟體都是新的。`,
  );
  await app.reload();
  await expect(app.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await clickAtCentre(app, app.getByRole('button', { name: /^(Search|搜索)/ }).first());
  const box = searchPanel(app).getByRole('searchbox');
  await box.fill('互联网');
  const group = results(app).getByRole('region', { name: new RegExp(title) });
  await expect(group).toBeVisible();
  await expect(group.locator('mark')).toHaveText(['網際網路']);
  // 软件 meets the same article's 軟體.
  await box.fill('软件');
  await expect(
    results(app)
      .getByRole('region', { name: new RegExp(title) })
      .locator('mark'),
  ).toHaveText(['軟體']);
  await box.fill('互联网');
  await expect(group.locator('mark')).toHaveText(['網際網路']);
  await screenshotsOf(app, saveScreenshot, 'regional-search-library', async () => {
    await expect(results(app).getByRole('region', { name: new RegExp(title) })).toBeVisible();
  });
});

test('a Taiwan article read in 简体 shows 出租车 for its 計程車, and Ctrl+F 出租车 finds and marks it', async ({
  app,
  saveScreenshot,
}) => {
  await openCraftedArticle(
    app,
    '臺北的計程車',
    '臺北的計程車司機說，網際網路讓他的軟體生意變好了。\n\n這裡的夜市很熱鬧，他常在那裡等客人。',
  );
  await clickAtCentre(app, modeRadio(app, '简体'));
  await expect(article(app)).toContainText('台北的出租车司机说，互联网让他的软件生意变好了');
  await app.keyboard.press('Control+F');
  await searchPanel(app).getByRole('searchbox').fill('出租车');
  // The title and the first paragraph.
  await expect(results(app).locator('mark')).toHaveText(['出租车', '出租车']);
  await clickAtCentre(app, results(app).getByRole('button').filter({ hasText: '司机说' }));
  await expect.poll(() => matchMarks(app)).toEqual(['出租车']);
  // The hits' article is named as the reader shows it.
  await expect(results(app).getByRole('region', { name: '台北的出租车' })).toBeVisible();
  await searchPanel(app).getByRole('searchbox').fill('互联网');
  await expect(results(app).locator('mark')).toHaveText(['互联网']);
  await saveScreenshot('regional-search-taiwan-in-cn');
});

test('the tag view shows a Taiwan article’s passage in 简体 with mainland words, as the reader does', async ({
  app,
  saveScreenshot,
}) => {
  await openCraftedArticle(
    app,
    '臺北的計程車',
    '臺北的計程車司機說，網際網路讓他的軟體生意變好了。\n\n這裡的夜市很熱鬧，他常在那裡等客人。',
  );
  await clickAtCentre(app, modeRadio(app, '简体'));
  const paragraph = article(app).locator('[data-paragraph-id]').filter({ hasText: '司机说' });
  const paragraphId = Number(await paragraph.getAttribute('data-paragraph-id'));
  await app.evaluate((id) => window.pizhu.tagParagraph({ paragraphId: id, tag: '行业' }), paragraphId);

  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  const pane = app.getByRole('complementary', { name: 'Tags', exact: true });
  await clickAtCentre(app, pane.getByRole('button', { name: '行业: 1 passage', exact: true }));
  const group = pane.getByRole('list', { name: 'Passages of 行业' });
  // Converted for the article's region (tw2sp), not as standard traditional (计程车, 网际网路, 软体).
  await expect(group.getByRole('heading', { level: 3 })).toHaveText('台北的出租车');
  await expect(group.getByRole('blockquote')).toContainText('台北的出租车司机说，互联网让他的软件生意变好了');
  await saveScreenshot('regional-tag-view-taiwan-in-cn');
});

test('typing 技術 suggests the existing tag 技术, and picking it adds no second tag', async ({
  app,
  saveScreenshot,
}) => {
  const title = '技术的小事';
  await openCraftedArticle(app, title, '这项技术改变了很多人的工作方式。\n\n第二段讲的是另一件事情。');
  const articleId = await articleIdOf(app, title);
  await app.evaluate(async (articleId) => {
    const opened = await window.pizhu.getArticle({ articleId });
    if (!opened.ok) throw new Error(opened.error.message);
    const first = opened.value.paragraphs.find((p) => p.text.includes('这项技术'));
    if (!first) throw new Error('no paragraph');
    await window.pizhu.tagParagraph({ paragraphId: first.id, tag: '技术' });
  }, articleId);
  await app.reload();
  await openArticle(app, title);

  const second = article(app).locator('.paragraph').filter({ hasText: '第二段' });
  const openField = async () => {
    await second.hover();
    await clickAtCentre(app, second.getByRole('button', { name: /^(Paragraph options|段落选项)$/ }));
    await clickAtCentre(app, app.getByRole('menuitem', { name: /^(Tag paragraph…|为段落加标签…)$/ }));
    const field = second.getByRole('combobox');
    await expect(field).toBeFocused();
    await field.fill('技術');
    await expect(second.getByRole('option', { name: '技术' })).toBeVisible();
  };
  // A language switch closes the suggestions: a click back into the field opens them again.
  const showSuggestions = async () => {
    const field = second.getByRole('combobox');
    if (!(await field.isVisible())) await openField();
    else if (!(await second.getByRole('option', { name: '技术' }).isVisible())) await clickAtCentre(app, field);
    await expect(second.getByRole('option', { name: '技术' })).toBeVisible();
  };
  await openField();
  await screenshotsOf(app, saveScreenshot, 'regional-tag-suggestion', showSuggestions);
  await showSuggestions();
  await clickAtCentre(app, second.getByRole('option', { name: '技术' }));
  await expect(second.getByRole('list', { name: 'Paragraph tags' })).toHaveText('#技术×');
  const tags = await app.evaluate(async () => {
    const listed = await window.pizhu.listTags();
    return listed.ok ? listed.value.filter((t) => t.name.startsWith('技')).map((t) => [t.name, t.directCount]) : [];
  });
  expect(tags).toEqual([['技术', 2]]);

  // Read in 繁體, the one tag is shown 技術, its stored name as the tooltip.
  await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
  const prefs = app.getByRole('dialog', { name: 'Preferences' });
  await prefs.getByRole('combobox', { name: 'Default script' }).selectOption({ label: '繁體' });
  await clickAtCentre(app, prefs.getByRole('button', { name: 'Close' }));
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  const pane = app.getByRole('complementary', { name: 'Tags', exact: true });
  const tag = pane.getByRole('button', { name: '技術: 2 passages' });
  await expect(tag).toHaveText('技術2');
  await expect(tag).toHaveAttribute('title', '技术');
  await saveScreenshot('regional-tag-pane-traditional');
  // So are the chips under the paragraphs, and the remove button names what the person sees.
  const chips = second.getByRole('list', { name: 'Paragraph tags' });
  await expect(chips).toHaveText('#技術×');
  await expect(chips.getByRole('button', { name: 'Remove tag 技術' })).toBeVisible();
});
