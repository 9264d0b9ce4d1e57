import { clickAtCentre, tabTo } from './personActions';
import { expect, test } from './fixtures/pizhuTest';

/** Issue #17: CC-CEDICT's licence asks for attribution; Preferences shows it in About Pizhu, in each language. */
test('Preferences shows About Pizhu with the dictionary attribution and licence', async ({ app, saveScreenshot }) => {
  await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
  const dialog = app.getByRole('dialog', { name: 'Preferences' });
  const about = dialog.getByRole('region', { name: 'About Pizhu' });
  await about.scrollIntoViewIfNeeded();
  await expect(about).toBeVisible();
  await expect(about).toContainText('CC-CEDICT');
  await expect(about).toContainText('MDBG (cc-cedict.org)');
  await expect(about).toContainText('Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)');
  await expect(about).toContainText('The dictionary file Pizhu builds from it is distributed under the same licence.');

  for (const [locale, label, name, text] of [
    ['zh-Hans', '简体中文', '关于批注', '知识共享 署名-相同方式共享 4.0'],
    ['zh-Hant', '繁體中文', '關於批註', '創用 CC 姓名標示-相同方式分享 4.0'],
    ['en', 'English', 'About Pizhu', 'CC BY-SA 4.0'],
  ] as const) {
    await app.getByRole('dialog').getByRole('combobox').last().selectOption({ label });
    await expect(app.locator('html')).toHaveAttribute('lang', locale);
    const section = app.getByRole('dialog').getByRole('region', { name });
    await expect(section).toContainText(text);
    await expect(section).toContainText('CC-CEDICT');
    if (locale === 'zh-Hant') continue;
    for (const size of [
      { width: 900, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await app.setViewportSize(size);
      await section.scrollIntoViewIfNeeded();
      for (const theme of ['light', 'dark'] as const) {
        await app.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        await saveScreenshot(`about-${locale}-${size.width}-${theme}`);
      }
    }
  }
});

test('the About section is reached with the keyboard alone', async ({ app }) => {
  const button = app.getByRole('button', { name: 'Preferences' });
  await tabTo(app, button);
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog).toBeVisible();
  // Tab through the dialog to its last control: the About section above it is then on screen.
  await tabTo(app, dialog.getByRole('button', { name: 'Done' }));
  await expect(dialog.getByRole('region', { name: 'About Pizhu' })).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});
