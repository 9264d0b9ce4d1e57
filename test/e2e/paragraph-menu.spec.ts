import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';
import { openArticle } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';

test('Escape closes a paragraph menu opened with the mouse and puts the focus back on its ⋯ button', async ({ app }) => {
  await openArticle(app, s003);
  const paragraph = app.getByRole('article').locator('.paragraph').filter({ hasText: '红色,浸润了赣鄱每一寸土地' });
  const button = paragraph.getByRole('button', { name: 'Paragraph options' });
  await paragraph.hover();
  await clickAtCentre(app, button);
  const menu = app.getByRole('menu', { name: 'Paragraph options' });
  await expect(menu).toBeVisible();
  // The open menu has the focus, so the arrow keys and Escape work right after the click.
  await expect(menu.getByRole('menuitem').first()).toBeFocused();

  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  // Opened again by the mouse and closed by Escape before any key moved the focus inside it.
  await clickAtCentre(app, button);
  await expect(menu).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});
