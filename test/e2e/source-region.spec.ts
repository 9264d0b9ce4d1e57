import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre, screenshotsOf, tabTo } from './personActions';
import { openCraftedArticle, selectText, storedHighlights } from './readerActions';

/** Issue #15: a Taiwan article knows it is one, reads with mainland words in 简体, and the reader can correct its region. */

const title = '計程車司機的網路生活';
const body = [
  '記者王小明／台北報導',
  '他每天開著計程車穿過台北的街道，車裡總是放著收音機。',
  '下班後他用網際網路和家人聯絡，也在網路上學習新的軟體。',
].join('\n\n');

const modeRadio = (app: Page, label: string) =>
  app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio', { name: label, exact: true });
const regionButton = (app: Page) => app.locator('.article-toolbar').getByRole('button', { name: /^(Source: |来源：)/ });
const regionMenu = (app: Page) => app.getByRole('menu', { name: /^(Source region|来源地区)$/ });
const article = (app: Page) => app.getByRole('article');

test('a Taiwan article shows its region, reads with mainland words in 简体, keeps a highlight on its stored words, and takes a correction', async ({
  app,
  saveScreenshot,
}) => {
  const articleId = await openCraftedArticle(app, title, body);

  // The header says where it comes from, beside the script modes.
  await expect(regionButton(app)).toHaveText('Source: Taiwan ▾');

  // 简体: Taiwan's words become the mainland's (tw2sp), and 著 the particle becomes 着.
  await clickAtCentre(app, modeRadio(app, '简体'));
  await expect(modeRadio(app, '简体')).toHaveAttribute('aria-checked', 'true');
  await expect(article(app)).toContainText('他每天开着出租车穿过台北的街道');
  await expect(article(app)).toContainText('下班后他用互联网和家人联系');

  // A highlight made on the converted 互联网 lands on the stored 網際網路.
  await selectText(app, '互联网');
  await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
  await expect(article(app).locator('mark')).toHaveText(['互联网']);
  expect((await storedHighlights(app, articleId)).map((h) => h.text)).toEqual(['網際網路']);

  // Screenshots of the header with the region menu open.
  await screenshotsOf(app, saveScreenshot, 'source-region-header', async () => {
    if ((await regionMenu(app).count()) === 0) await clickAtCentre(app, regionButton(app));
    await expect(regionMenu(app)).toBeVisible();
  });
  if ((await regionMenu(app).count()) > 0) await app.keyboard.press('Escape');
  await expect(regionMenu(app)).toHaveCount(0);

  // Corrected by clicks: as standard traditional it reads through t2s, so the Taiwan words stay.
  await clickAtCentre(app, regionButton(app));
  await clickAtCentre(app, regionMenu(app).getByRole('menuitemradio', { name: 'Standard traditional' }));
  await expect(regionButton(app)).toHaveText('Source: Standard traditional ▾');
  await expect(article(app)).toContainText('他每天开著计程车穿过台北的街道');
  await expect(article(app)).toContainText('网际网路');
  // The highlight still covers the same stored characters, now shown as they convert.
  await expect(article(app).locator('mark')).toHaveText(['网际网路']);

  // One undo step puts the detected region back.
  await clickAtCentre(app, article(app).locator('.paragraph-text').nth(1));
  await app.keyboard.press('Control+z');
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toContainText('Change source region');
  await expect(regionButton(app)).toHaveText('Source: Taiwan ▾');
  await expect(article(app)).toContainText('出租车');

  // By keyboard alone: Tab to the button, open the menu, arrow to Hong Kong, Enter.
  await tabTo(app, regionButton(app));
  await app.keyboard.press('Enter');
  await expect(regionMenu(app)).toBeVisible();
  await expect(regionMenu(app).getByRole('menuitemradio', { name: 'Taiwan (detected)' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(regionMenu(app).getByRole('menuitemradio', { name: 'Hong Kong' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(regionMenu(app)).toHaveCount(0);
  await expect(regionButton(app)).toBeFocused();
  await expect(regionButton(app)).toHaveText('Source: Hong Kong ▾');
  // hk2sp has no Taiwan phrases: 計程車 reads 计程车 again.
  await expect(article(app)).toContainText('计程车');

  // The correction sticks: after a reload the article is still read as Hong Kong's.
  await app.reload();
  await clickAtCentre(app, app.getByRole('list', { name: 'Articles' }).getByRole('button').filter({ hasText: '司机' }).first());
  await expect(regionButton(app)).toHaveText('Source: Hong Kong ▾');
  await expect(article(app).locator('mark')).toHaveText(['网际网路']);
  expect((await storedHighlights(app, articleId)).map((h) => h.text)).toEqual(['網際網路']);
});
