import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chooseLauncher } from './fixtures/findLauncher';
import { launchChromium } from './fixtures/launchChromium';
import { launchElectron } from './fixtures/launchElectron';
import type { RunnableLauncher } from './fixtures/launcherNode';
import { expect, test } from './fixtures/pizhuTest';
import { addMemberByCli, startSyncServerProcess } from './fixtures/syncServerProcess';
import { clickAtCentre, screenshotsOf, screenshotsOfModal, tabTo } from './personActions';
import { articleIdOf, highlightThroughApi, openArticle, selectText } from './readerActions';

/**
 * Issue #19 item 3 (team work): Lin names herself and picks a colour in Preferences; Wang, on
 * another computer, codes the same article; after a sync Lin's reader underlines each highlight
 * in its coder's colour, and she shows all coders, hides one, shows one alone, by mouse and once
 * by keyboard alone.
 */
const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const linsQuote = '扎根红土圣地';
const wangsQuote = '汲取强大信念力量';
const marks = (app: Page) => app.getByRole('article').locator('mark');
const codersButton = (app: Page) => app.getByRole('button', { name: /^(Coders: |编码者：)/ });

/** The launcher the fixture's app runs on; the second device and the server's processes follow it. */
function launcher(): RunnableLauncher {
  const choice = chooseLauncher();
  if (choice.kind === 'none') throw new Error(choice.reason);
  return choice;
}

async function secondDevice(choice: RunnableLauncher) {
  return choice.kind === 'electron' ? launchElectron(choice.executablePath) : launchChromium(choice.executablePath);
}

async function syncWith(page: Page, url: string, token: string): Promise<void> {
  await page.evaluate(
    async ([url, token]) => {
      const started = await window.pizhu.startServerSync({ url, token });
      if (!started.ok) throw new Error(started.error.message);
    },
    [url, token] as const,
  );
}

test('team: a member names themself; each highlight shows its coder’s colour; the reader shows all, some or one coder', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-e2e-team-server-'));
  // The group's server and its members come from `pizhu serve` and `pizhu members add`.
  const choice = launcher();
  const server = await startSyncServerProcess(choice, dataDir);
  const other = await secondDevice(choice);
  try {
    const b = other.page;
    // Lin names herself and picks the second colour in Preferences, as a person does.
    await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
    const preferences = app.getByRole('dialog', { name: 'Preferences' });
    const name = preferences.getByRole('textbox', { name: 'Your name' });
    await clickAtCentre(app, name);
    await app.keyboard.press('Control+a');
    await app.keyboard.type('Lin');
    await app.keyboard.press('Enter');
    await expect(preferences.getByText('Saved.')).toBeVisible();
    await clickAtCentre(app, preferences.getByTitle('Colour 2'));
    await expect(preferences.getByRole('radio', { name: 'Colour 2' })).toBeChecked();
    await app.keyboard.press('Escape');
    await expect(preferences).toBeHidden();
    // Preferences' new section, in both languages, sizes and themes.
    await screenshotsOfModal(
      app,
      saveScreenshot,
      'team-preferences-member',
      async () => {
        await clickAtCentre(app, app.getByRole('button', { name: /^(Preferences|偏好设置)$/ }));
        const section = app.getByRole('region', { name: /^(You in a team|你在团队中的身份)$/ });
        await section.scrollIntoViewIfNeeded();
        await expect(section.getByRole('textbox')).toHaveValue('Lin');
      },
      async () => {
        await app.keyboard.press('Escape');
        await expect(app.getByRole('dialog')).toBeHidden();
      },
    );
    await b.evaluate(async () => {
      const set = await window.pizhu.setMyMember({ name: 'Wang', color: '#2f9e44' });
      if (!set.ok) throw new Error(set.error.message);
    });

    // Wang codes on his computer; Lin on hers; both sync through the group's server.
    await highlightThroughApi(b, await articleIdOf(b, s003), wangsQuote, 'green');
    await openArticle(app, s003);
    // One member only: no coder filter and no coder marks.
    await expect(codersButton(app)).toBeHidden();
    await selectText(app, linsQuote);
    await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
    await expect(marks(app)).toHaveText([linsQuote]);
    await syncWith(b, server.url, await addMemberByCli(choice, dataDir, 'wang'));
    await syncWith(app, server.url, await addMemberByCli(choice, dataDir, 'lin'));
    await expect(marks(app)).toHaveText([linsQuote, wangsQuote], { timeout: 60_000 });

    // Each highlight is underlined in its coder's colour and names them.
    await expect(codersButton(app)).toHaveAccessibleName('Coders: 2 of 2');
    const lin = marks(app).filter({ hasText: linsQuote });
    const wang = marks(app).filter({ hasText: wangsQuote });
    await expect(lin).toHaveClass(/hl-maker/);
    await expect(lin).toHaveAttribute('style', /--maker: #1c7ed6/);
    await expect(wang).toHaveAttribute('style', /--maker: #2f9e44/);
    await expect(wang).toHaveAttribute('title', /^Wang/);
    expect(await lin.getAttribute('data-made-by')).not.toBe(await wang.getAttribute('data-made-by'));

    // Hide Wang, then Wang alone, then everyone again, by mouse.
    await clickAtCentre(app, codersButton(app));
    const panel = app.getByRole('group', { name: 'Coders' });
    await expect(panel.getByRole('checkbox', { name: 'Lin (you)' })).toBeChecked();
    await clickAtCentre(app, panel.getByRole('checkbox', { name: 'Wang' }));
    await expect(marks(app)).toHaveText([linsQuote]);
    await expect(codersButton(app)).toHaveAccessibleName('Coders: 1 of 2');
    // The annotations sidebar lists what the reader shows.
    await clickAtCentre(app, app.getByRole('button', { name: 'Show annotations' }));
    const listed = app.getByRole('complementary', { name: 'Annotations' }).locator('.sidebar-jump');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(linsQuote);
    await clickAtCentre(app, app.getByRole('button', { name: 'Hide annotations' }));
    if ((await codersButton(app).getAttribute('aria-expanded')) !== 'true') await clickAtCentre(app, codersButton(app));
    await clickAtCentre(app, panel.getByRole('button', { name: 'Only Wang' }));
    await expect(marks(app)).toHaveText([wangsQuote]);
    await expect(panel.getByRole('checkbox', { name: 'Lin (you)' })).not.toBeChecked();
    await clickAtCentre(app, panel.getByRole('button', { name: 'Show all' }));
    await expect(marks(app)).toHaveText([linsQuote, wangsQuote]);
    await screenshotsOf(app, saveScreenshot, 'team-coder-filter', async () => {
      if ((await codersButton(app).getAttribute('aria-expanded')) !== 'true') await clickAtCentre(app, codersButton(app));
      await expect(app.getByRole('group', { name: /^(Coders|编码者)$/ })).toBeVisible();
    });

    // Once by keyboard alone: Tab to the filter, open it, Space hides Lin's own highlights, Escape closes it.
    if ((await codersButton(app).getAttribute('aria-expanded')) === 'true') await clickAtCentre(app, codersButton(app));
    await tabTo(app, codersButton(app));
    await app.keyboard.press('Enter');
    await tabTo(app, panel.getByRole('checkbox', { name: 'Lin (you)' }));
    await app.keyboard.press('Space');
    await expect(marks(app)).toHaveText([wangsQuote]);
    await app.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(codersButton(app)).toBeFocused();
    await expect(codersButton(app)).toHaveAccessibleName('Coders: 1 of 2');
  } finally {
    try {
      await other.close();
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
});
