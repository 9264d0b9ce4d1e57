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

/** The list row drawn at `index` of the list's order (headers of a grouped list not counted). */
export const rowAtIndex = (app: Page, index: number): Locator => articleList(app).locator(`li[data-article="${index}"] > button.article-item`);

/** A hit-tested click on a row's title button with a modifier held, as a person Ctrl- or Shift-clicks. */
export async function clickRowWith(app: Page, row: Locator, modifier: 'Control' | 'Shift' | null): Promise<void> {
  if (modifier) await app.keyboard.down(modifier);
  try {
    await clickAtCentre(app, row);
  } finally {
    if (modifier) await app.keyboard.up(modifier);
  }
}
