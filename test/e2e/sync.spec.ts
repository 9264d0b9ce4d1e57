import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chooseLauncher, paths } from './fixtures/findLauncher';
import { launchChromium } from './fixtures/launchChromium';
import { launchElectron } from './fixtures/launchElectron';
import type { RunnableLauncher } from './fixtures/launcherNode';
import { expect, test } from './fixtures/pizhuTest';
import { addMemberByCli, startSyncServerProcess, type SyncServerProcess } from './fixtures/syncServerProcess';
import { clickAtCentre, screenshotsOfModal, tabTo } from './personActions';
import { openArticle, selectText } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const quote = '扎根红土圣地';
const marks = (app: Page) => app.getByRole('article').locator('mark');
const syncPill = (app: Page) => app.getByRole('button', { name: /^(Sync|同步)( · .*)?$/ });
const syncPane = (app: Page) => app.getByRole('dialog', { name: /^(Sync|同步)$/ });

/** The second device's name; the fixture's first has its computer's name, as the app gives by default. */
const secondDeviceName = 'Wang’s desktop';

/** The launcher the fixture's app runs on; the second device and the server's processes follow it. */
function launcher(): RunnableLauncher {
  const choice = chooseLauncher();
  if (choice.kind === 'none') throw new Error(choice.reason);
  return choice;
}

/** A second device: the same launcher as the fixture's, with a library of its own. */
async function secondDevice(choice: RunnableLauncher) {
  return choice.kind === 'electron'
    ? launchElectron(choice.executablePath, { deviceName: secondDeviceName })
    : launchChromium(choice.executablePath, { deviceName: secondDeviceName });
}

/** The person names themself in Preferences, as a person does. */
async function nameYourself(app: Page, name: string): Promise<void> {
  await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
  const preferences = app.getByRole('dialog', { name: 'Preferences' });
  await clickAtCentre(app, preferences.getByRole('textbox', { name: 'Your name' }));
  await app.keyboard.press('Control+a');
  await app.keyboard.type(name);
  await app.keyboard.press('Enter');
  await expect(preferences.getByText('Saved.')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(preferences).toBeHidden();
}

/** Opens the Sync pane with a click on the bar's pill, fills in the server and its token, and syncs. */
async function connectByMouse(app: Page, url: string, token: string): Promise<void> {
  await clickAtCentre(app, syncPill(app));
  const pane = syncPane(app);
  await pane.getByLabel('Server address').fill(url);
  await pane.getByLabel('Member token').fill(token);
  await clickAtCentre(app, pane.getByRole('button', { name: 'Sync with server' }));
  await expect(pane.getByRole('status')).toHaveText(/Synced\./, { timeout: 30_000 });
  await app.keyboard.press('Escape');
  await expect(pane).toBeHidden();
}

/** The same with the keyboard alone: Tab to the pill, Enter, type the address and token, Enter. */
async function connectByKeyboard(app: Page, url: string, token: string): Promise<void> {
  await tabTo(app, syncPill(app));
  await app.keyboard.press('Enter');
  const pane = syncPane(app);
  await expect(pane).toBeVisible();
  await tabTo(app, pane.getByLabel('Server address'));
  await app.keyboard.type(url);
  await app.keyboard.press('Tab');
  await app.keyboard.type(token);
  await app.keyboard.press('Enter');
  await expect(pane.getByRole('status')).toHaveText(/Synced\./, { timeout: 30_000 });
  await app.keyboard.press('Escape');
  await expect(pane).toBeHidden();
}

/** Recolours the article's one highlight through its popover, as a person does. */
async function recolour(app: Page, colour: string): Promise<void> {
  await clickAtCentre(app, marks(app).first());
  const popover = app.getByRole('dialog', { name: 'Highlight' });
  await clickAtCentre(app, popover.getByRole('radio', { name: colour }));
  await expect(marks(app).first()).toHaveClass(new RegExp(`hl-${colour.toLowerCase()}`));
  await app.keyboard.press('Escape');
  await expect(popover).toBeHidden();
}

test('two devices and a server: a highlight made on one appears on the other; the Sync pane; a conflict notice and “restore yours”', async ({
  app,
  saveScreenshot,
}) => {
  test.setTimeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-e2e-sync-server-'));
  // The server and its members come from `pizhu serve` and `pizhu members add`, as a group sets them up.
  const choice = launcher();
  let server: SyncServerProcess = await startSyncServerProcess(choice, dataDir);
  const other = await secondDevice(choice);
  try {
    const b = other.page;
    // Before: neither syncs. Each person has named themself.
    await expect(syncPill(app)).toHaveAccessibleName('Sync');
    await nameYourself(app, 'Lin');
    await nameYourself(b, 'Wang');
    await connectByMouse(app, server.url, await addMemberByCli(choice, dataDir, 'lin'));
    await connectByKeyboard(b, server.url, await addMemberByCli(choice, dataDir, 'wang'));
    await expect(syncPill(app)).toHaveAccessibleName(/Sync · synced/);
    await expect(syncPill(b)).toHaveAccessibleName(/Sync · synced/);
    // Who else syncs: the server says.
    await clickAtCentre(app, syncPill(app));
    await expect(syncPane(app).getByText('Members online now: lin, wang')).toBeVisible({ timeout: 30_000 });
    await app.keyboard.press('Escape');

    // Both read the same article; a highlight made on A appears on B without B doing anything.
    await openArticle(app, s003);
    await openArticle(b, s003);
    await expect(marks(b)).toHaveCount(0);
    await selectText(app, quote);
    await clickAtCentre(app, app.getByRole('toolbar', { name: 'Highlight' }).getByRole('button', { name: 'Yellow' }));
    await expect(marks(app)).toHaveText([quote]);
    await expect(marks(b)).toHaveText([quote], { timeout: 30_000 });
    await expect(marks(b).first()).toHaveClass(/hl-yellow/);

    // The server goes away: each device recolours the highlight, not seeing the other's.
    const port = server.port;
    await server.stop();
    await recolour(app, 'Green');
    await recolour(b, 'Pink');
    await expect(syncPill(app)).toHaveAccessibleName(/Sync · offline/, { timeout: 30_000 });
    await clickAtCentre(app, syncPill(app));
    await expect(syncPane(app).getByText(/Changes waiting to be sent: [1-9]/)).toBeVisible();
    await expect(syncPane(app).getByRole('alert')).toContainText('The sync server or folder cannot be reached');
    await app.keyboard.press('Escape');

    // Back: one colour wins on both; the device whose colour lost is told, and restores its own.
    server = await startSyncServerProcess(choice, dataDir, port);
    await expect(syncPill(app)).toHaveAccessibleName(/Sync · synced/, { timeout: 60_000 });
    await expect(syncPill(b)).toHaveAccessibleName(/Sync · synced/, { timeout: 60_000 });
    const shown = async (page: Page) => /hl-(green|pink)/.exec((await marks(page).first().getAttribute('class')) ?? '')?.[1];
    await expect.poll(async () => (await shown(app)) === (await shown(b)), { timeout: 30_000 }).toBe(true);
    const aWon = /hl-green/.test((await marks(app).first().getAttribute('class')) ?? '');
    const [loser, winner, mine] = aWon ? [b, app, 'Pink'] : [app, b, 'Green'];
    // Who won, as the notice must name them: the member and the device that wrote the colour that stands.
    const [winnerName, winnerDevice] = aWon ? ['Lin', os.hostname().trim()] : ['Wang', secondDeviceName];
    await expect(syncPill(loser)).toHaveAccessibleName(/1 conflict/, { timeout: 30_000 });
    await expect(syncPill(winner)).not.toHaveAccessibleName(/conflict/);

    await clickAtCentre(loser, syncPill(loser));
    const conflicts = syncPane(loser).getByRole('region', { name: 'Your changes another device overwrote' });
    await expect(
      conflicts.getByText(`Changed on ${winnerDevice} by ${winnerName} at the same time as your change`, { exact: true }),
    ).toBeVisible();
    await expect(conflicts).toContainText(`Colour of “${quote}”: yours ${mine}`);
    // The pane with its notice, on the device that shows it, in both languages, sizes and themes.
    const shotOfLoser =
      loser === app
        ? saveScreenshot
        : async (name: string) => {
            fs.mkdirSync(paths.screenshots, { recursive: true });
            const file = path.join(paths.screenshots, `${name}.png`);
            await loser.screenshot({ path: file });
            return file;
          };
    await screenshotsOfModal(
      loser,
      shotOfLoser,
      'sync-pane-conflict',
      async () => {
        if (!(await syncPane(loser).isVisible())) await clickAtCentre(loser, syncPill(loser));
        await expect(syncPane(loser).getByRole('region', { name: /Your changes|被其他设备覆盖/ })).toBeVisible();
      },
      async () => {
        await loser.keyboard.press('Escape');
        await expect(syncPane(loser)).toBeHidden();
      },
    );
    await clickAtCentre(loser, syncPill(loser));
    await clickAtCentre(loser, conflicts.getByRole('button', { name: 'Restore yours' }));
    await expect(conflicts).toBeHidden();
    await loser.keyboard.press('Escape');
    await expect(syncPill(loser)).not.toHaveAccessibleName(/conflict/);
    const mineClass = new RegExp(`hl-${mine.toLowerCase()}`);
    // Stored, not only drawn: the library holds your colour again.
    const stored = await loser.evaluate(async () => {
      const list = await window.pizhu.listArticles();
      const withOne = list.ok ? list.value.find((a) => a.highlightCount > 0) : undefined;
      const article = withOne ? await window.pizhu.getArticle({ articleId: withOne.id }) : undefined;
      return article?.ok ? article.value.highlights.map((h) => h.color) : null;
    });
    expect(stored).toEqual([mine.toLowerCase()]);
    await expect(marks(loser).first()).toHaveClass(mineClass);
    // The restore is an edit of the person's: it reaches the other device, and it is undone as one step.
    await expect(marks(winner).first()).toHaveClass(mineClass, { timeout: 30_000 });
    await loser.keyboard.press('Control+z');
    await expect(marks(loser).first()).not.toHaveClass(mineClass);

  } finally {
    try {
      await other.close();
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
});
