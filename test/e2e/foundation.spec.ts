import { expect, test } from './fixtures/pizhuTest';

const seedTitles = [
  '晋江刑警:扛起背包再出发 守护“平安晋江”',
  '治理更精细 平安更有感',
  '江西:接续奋斗,红土地上奏响平安之歌',
  '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”',
];

test('opens on the seeded library and reads 002 in traditional script', async ({ app, saveScreenshot }) => {
  const list = app.getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  for (const title of seedTitles) await expect(list.getByRole('button', { name: title })).toBeVisible();

  // 002 has no title line: its inferred title comes from its opening, in traditional script.
  const seed002 = list.getByRole('button', { name: /inferred/ });
  await expect(seed002).toHaveCount(1);
  await seed002.click();

  const article = app.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'zh-Hant');
  const firstParagraph = article.locator('.paragraph-text').first();
  await expect(firstParagraph).toContainText('閩南網8月1日訊(閩南網記者 尤燕姿 通訊員 莊凌龍 張金壇 文/圖)');
  await expect(firstParagraph).toContainText('“背包”精神傳承26載');
  await saveScreenshot('foundation-002-traditional');
});
