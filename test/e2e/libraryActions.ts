import { expect, type Locator, type Page } from '@playwright/test';
import { clickAtCentre } from './personActions';

/** The library's article list, in either interface language. */
export const articleList = (app: Page): Locator => app.getByRole('list', { name: /^(Articles|文章)$/ });

/** The list row whose title button reads `title`. */
export const articleRow = (app: Page, title: string): Locator =>
  articleList(app)
    .getByRole('listitem')
    .filter({ has: app.getByRole('button', { name: title }) });

/** Opens a row's ⋯ menu and picks `item`, as a person would: hover, then hit-tested clicks. */
export async function articleMenuAction(app: Page, title: string, item: string): Promise<void> {
  await articleRow(app, title).hover();
  await clickAtCentre(app, articleRow(app, title).getByRole('button', { name: 'Article actions' }));
  const menu = app.getByRole('menu');
  await expect(menu).toBeVisible();
  await clickAtCentre(app, menu.getByRole('menuitem', { name: item }));
  await expect(menu).toBeHidden();
}
