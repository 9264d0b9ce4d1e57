import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf } from './personActions';
import { openArticle } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const s004 = '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”';

test('the library list shows each title in the script mode the person reads that article in; stored titles and the filter are unchanged', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const list = app.getByRole('list', { name: 'Articles' });
  const rowOf = (text: string) => list.getByRole('listitem').filter({ hasText: text });
  await openArticle(app, s003);
  await clickAtCentre(app, app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: '臺灣', exact: true }));
  await expect(app.getByRole('heading', { level: 2 })).toContainText('紅土地上奏響平安之歌');

  // The row reads as the reader does, in 臺灣 (and says so to the font); other articles keep their own mode.
  const converted = rowOf('紅土地上奏響平安之歌');
  await expect(converted).toHaveCount(1);
  await expect(converted).toContainText('接續奮');
  await expect(rowOf(s003)).toHaveCount(0);
  await expect(converted.locator('.article-title')).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(rowOf(s004)).toHaveCount(1);

  // A display conversion only: the library keeps the title as it was written.
  const stored = await app.evaluate(async () => {
    const result = await window.pizhu.listArticles();
    return result.ok ? result.value.map((a) => a.title) : [];
  });
  expect(stored).toContain(s003);

  // The filter finds it typed either way.
  const filter = app.getByRole('searchbox', { name: 'Filter titles' });
  for (const query of ['紅土地', '红土地']) {
    await filter.fill(query);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(converted).toHaveCount(1);
  }
  await filter.fill('');

  await screenshotsOf(app, saveScreenshot, 'library-list-script-mode', async () => {
    // Found by its place: the list is named in the interface language.
    const row = app.locator('.article-item').filter({ hasText: '紅土地上奏響平安之歌' });
    if (!(await row.isVisible())) {
      await clickAtCentre(app, app.getByRole('button', { name: /^(Show library|显示文库)$/ }));
    }
    await expect(row).toBeVisible();
  });

  // The export dialog names the articles it skipped the same way.
  await clickAtCentre(app, app.getByRole('article').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  await clickAtCentre(app, dialog.getByRole('button', { name: 'Export Markdown' }));
  const skipped = dialog.getByRole('list', { name: 'Skipped articles' });
  await expect(skipped).toContainText('紅土地上奏響平安之歌');
  await expect(skipped).not.toContainText(s003);
});
