import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { clickAtCentre } from './personActions';
import { articleIdOf, openArticle, selectText, storedHighlights } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const marks = (app: Page) => app.getByRole('article').locator('mark');
const listed = (app: Page) => app.getByRole('list', { name: 'Articles' }).getByRole('button', { name: s003 });

test('restore from automatic backup: a highlight made after the backup is gone, in the reader and the library', async ({
  app,
  saveScreenshot,
}) => {
  // The launcher, as the app at start, made the day's automatic backup before anything was marked.
  await app.setViewportSize({ width: 900, height: 600 });
  const articleId = await articleIdOf(app, s003);
  await openArticle(app, s003);
  await selectText(app, '扎根红土圣地');
  await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
  await expect(marks(app)).toHaveText(['扎根红土圣地']);
  await expect(listed(app)).toContainText('1 highlight');

  await clickAtCentre(app, app.getByRole('main').getByRole('button', { name: 'Export…' }));
  const dialog = app.getByRole('dialog', { name: 'Export and back up' });
  const restore = dialog.getByRole('button', { name: 'Restore from automatic backup…' });
  // main's chooser is the launcher's stand-in: the newest backup, confirmed.
  await clickAtCentre(app, restore);

  await expect(dialog.getByRole('status').last()).toContainText('The library is back as it was on');
  await expect(dialog.getByRole('status').last()).toContainText('kept as a backup');
  // The library list behind the dialog was read again too.
  await expect(listed(app)).toContainText('0 highlights');
  await saveScreenshot('restore-automatic-backup-status');

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The open article was read again: the same text, without the highlight made after the backup.
  await expect(app.getByRole('article').locator('.paragraph-text').filter({ hasText: '扎根红土圣地' })).toBeVisible();
  await expect(marks(app)).toHaveCount(0);
  expect(await storedHighlights(app, articleId)).toEqual([]);
  await expect(app.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
  await saveScreenshot('restore-automatic-backup-reader');
});
