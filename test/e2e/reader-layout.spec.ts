import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/pizhuTest';
import { centreOf, clickAtCentre, tabTo } from './personActions';
import { articleIdOf, openArticle, openCraftedArticle } from './readerActions';

const s003 = '江西:接续奋斗,红土地上奏响平安之歌';
const article = (app: Page) => app.getByRole('article');
const paragraph = (app: Page, text: string) => article(app).locator('.paragraph').filter({ hasText: text });
const library = (app: Page) => app.getByRole('navigation', { name: 'Library' });

/** Every button in the reader pane that is in view takes a click at its centre. */
async function expectReaderButtonsUncovered(app: Page): Promise<void> {
  const covered = await app.evaluate(() => {
    const out: string[] = [];
    const main = document.querySelector('main');
    // Text and its buttons scroll under the sticky article toolbar by design.
    const barBottom = document.querySelector('.article-toolbar')?.getBoundingClientRect().bottom ?? 0;
    for (const el of main?.querySelectorAll<HTMLElement>('button') ?? []) {
      const r = el.getBoundingClientRect();
      if (el.closest('.article') && !el.closest('.article-toolbar') && r.top + r.height / 2 < barBottom) continue;
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit))) {
        out.push(`${el.getAttribute('aria-label') ?? el.textContent} under ${hit?.className ?? 'nothing'}`);
      }
    }
    return out;
  });
  expect(covered).toEqual([]);
}

/** Looks and language as a person would set them in Preferences, then a restart. */
async function setLook(
  app: Page,
  look: { theme: 'light' | 'dark'; uiLocale: 'en' | 'zh-Hans'; readingWidth?: string },
) {
  await app.evaluate((look) => {
    const key = 'pizhu.preferences.v1';
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    const current = typeof stored === 'object' && stored !== null ? stored : {};
    localStorage.setItem(key, JSON.stringify({ ...current, ...look, followSystemLocale: false }));
  }, look);
  await app.reload();
}

test('the ⋯ menu of a hidden line is drawn above the lines after it: every item takes its click, Body brings the line back', async ({
  app,
  saveScreenshot,
}) => {
  // The cleaner's verdict on a line in the middle of the article: hidden, with lines after it.
  const rescued = '红色,浸润了赣鄱每一寸土地';
  const articleId = await articleIdOf(app, s003);
  await app.evaluate(
    async ([articleId, rescued]) => {
      const view = await window.pizhu.getArticle({ articleId });
      const p = view.ok ? view.value.paragraphs.find((x) => x.text.includes(rescued)) : undefined;
      if (!p) throw new Error('paragraph not found');
      const done = await window.pizhu.reclassifyParagraph({ paragraphId: p.id, kind: 'boilerplate' });
      if (!done.ok) throw new Error(done.error.message);
    },
    [articleId, rescued] as const,
  );
  await app.reload();
  await openArticle(app, s003);

  const showHidden = article(app)
    .getByRole('button', { name: /^\d+ hidden lines$/ })
    .first();
  const hiddenBefore = Number((await showHidden.textContent())?.match(/\d+/)?.[0]);
  await clickAtCentre(app, showHidden);
  const line = paragraph(app, rescued);
  await expect(line.locator('xpath=ancestor::div[contains(@class, "run-hidden")]')).toHaveCount(1);

  await line.scrollIntoViewIfNeeded();
  const lineBox = await line.boundingBox();
  if (!lineBox) throw new Error('hidden line not shown');
  await app.mouse.move(lineBox.x + lineBox.width / 2, lineBox.y + 10);
  await clickAtCentre(app, line.getByRole('button', { name: 'Paragraph options' }));
  const menu = app.getByRole('menu', { name: 'Paragraph options' });
  await expect(menu).toBeVisible();

  const items = menu.locator('[role^="menuitem"]');
  await expect(items).toHaveCount(9);
  const covered: string[] = [];
  for (const item of await items.all()) {
    const { covering } = await centreOf(item);
    if (covering !== null) covered.push(`${await item.textContent()} (under ${covering})`);
  }
  expect(covered, 'menu items drawn under something else').toEqual([]);
  await saveScreenshot('reader-layout-hidden-line-menu');

  await clickAtCentre(app, menu.getByRole('menuitemradio', { name: 'Body' }));
  await expect(menu).toBeHidden();
  await expect(line.locator('xpath=ancestor::div[contains(@class, "run-hidden")]')).toHaveCount(0);
  await expect(article(app).getByRole('button', { name: `Hide ${hiddenBefore - 1} cleaned lines` })).toBeVisible();
  const kind = await app.evaluate(
    async ([articleId, rescued]) => {
      const view = await window.pizhu.getArticle({ articleId });
      return view.ok ? view.value.paragraphs.find((x) => x.text.includes(rescued))?.kind : undefined;
    },
    [articleId, rescued] as const,
  );
  expect(kind).toBe('body');
});

test('the script bar and the article tools stay at the top while a long article scrolls', async ({ app }) => {
  await openArticle(app, s003);
  const bar = app.getByRole('radiogroup', { name: 'Script' });
  const scroller = app.locator('.reader-scroll');
  // Down to the end, with the wheel.
  const box = await scroller.boundingBox();
  if (!box) throw new Error('no reader');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i++) await app.mouse.wheel(0, 1500);
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2)).toBe(true);
  await expect(article(app).locator('header')).not.toBeInViewport();

  await expect(bar).toBeInViewport();
  await clickAtCentre(app, bar.getByRole('radio', { name: '繁體', exact: true }));
  await expect(bar.getByRole('radio', { name: '繁體', exact: true })).toHaveAttribute('aria-checked', 'true');
  const editDetails = app.getByRole('button', { name: 'Edit details' });
  await clickAtCentre(app, editDetails);
  await expect(app.getByRole('dialog', { name: 'Edit details' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Edit details' })).toBeHidden();

  // The keyboard alone: Home and End in the reader, the bar stays.
  await article(app)
    .locator('.paragraph-text')
    .first()
    .evaluate((el) => el.closest('.paragraph')?.scrollIntoView());
  await article(app).locator('.paragraph').nth(2).focus();
  await app.keyboard.press('Home');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
  await app.keyboard.press('End');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2)).toBe(true);
  await expect(bar).toBeInViewport();
  await expect(article(app).locator('header')).not.toBeInViewport();
});

test('900×600 with the Tags pane open: the reading column stays readable and nothing covers a control', async ({
  app,
  saveScreenshot,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  await openArticle(app, s003);
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(app.getByRole('complementary', { name: 'Tags', exact: true })).toBeVisible();

  // The library steps aside by itself; the column keeps a readable width.
  await expect(library(app)).toBeHidden();
  const column = await article(app).locator('.paragraph-text').first().boundingBox();
  expect(column?.width ?? 0).toBeGreaterThanOrEqual(440);
  // Every script button is whole, inside the reader.
  const reader = await app.locator('.reader-scroll').boundingBox();
  for (const radio of await app.getByRole('radiogroup', { name: 'Script' }).getByRole('radio').all()) {
    const r = await radio.boundingBox();
    expect(r && reader && r.x >= reader.x && r.x + r.width <= reader.x + reader.width).toBe(true);
  }
  await expectReaderButtonsUncovered(app);
  await clickAtCentre(app, app.getByRole('button', { name: 'Edit details' }));
  await expect(app.getByRole('dialog', { name: 'Edit details' })).toBeVisible();
  await app.keyboard.press('Escape');

  // Asked for, the library comes over the reader, and goes once an article is chosen.
  await clickAtCentre(app, app.getByRole('button', { name: 'Show library' }));
  await expect(library(app)).toBeVisible();
  await saveScreenshot('reader-layout-900-library-over');
  // Escape puts it away; Ctrl+\ brings it back over the reader.
  await app.keyboard.press('Escape');
  await expect(library(app)).toBeHidden();
  await app.keyboard.press('Control+Backslash');
  await expect(library(app)).toBeVisible();
  await clickAtCentre(app, library(app).locator('.article-item').filter({ hasText: s003 }).first());
  await expect(library(app)).toBeHidden();

  // Closing the side panel gives the library its place back.
  await clickAtCentre(app, app.getByRole('button', { name: 'Tags', exact: true }));
  await expect(library(app)).toBeVisible();
  await expectReaderButtonsUncovered(app);
});

test('900×600 with the library docked, in English and in Chinese: every button of the top bar is whole in the window and takes its click; the page does not scroll sideways', async ({
  app,
  saveScreenshot,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  for (const uiLocale of ['en', 'zh-Hans'] as const) {
    await setLook(app, { theme: 'light', uiLocale });
    await openArticle(app, s003);
    await expect(app.getByRole('navigation', { name: uiLocale === 'en' ? 'Library' : '文库' })).toBeVisible();
    const outside = await app.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.reader-bar button')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const whole = r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!whole || !hit || !(hit === el || el.contains(hit))) out.push(el.getAttribute('aria-label') ?? el.textContent ?? '');
      }
      const page = document.scrollingElement;
      if (page && page.scrollWidth > window.innerWidth) out.push(`page ${page.scrollWidth} px wide`);
      if (document.querySelector('.app')!.scrollLeft > 0) out.push('app scrolled sideways');
      return out;
    });
    expect(outside).toEqual([]);
    await saveScreenshot(`reader-bar-900x600-${uiLocale}`);
  }
});

test('the library pane collapses by its button and by Ctrl+\\, and stays as it was left', async ({ app }) => {
  await openArticle(app, s003);
  const widthOf = async () => (await article(app).boundingBox())?.width ?? 0;
  await expect(library(app)).toBeVisible();
  const docked = await app.locator('.reader-scroll').evaluate((el) => el.clientWidth);

  await clickAtCentre(app, app.getByRole('button', { name: 'Hide library' }));
  await expect(library(app)).toBeHidden();
  expect(await app.locator('.reader-scroll').evaluate((el) => el.clientWidth)).toBeGreaterThanOrEqual(docked + 300);
  expect(await widthOf()).toBeGreaterThan(0);

  // Remembered across a restart.
  await app.reload();
  await expect(app.getByRole('button', { name: 'Show library' })).toBeVisible();
  await expect(library(app)).toBeHidden();

  // The keyboard alone.
  await app.keyboard.press('Control+Backslash');
  await expect(library(app)).toBeVisible();
  await app.keyboard.press('Control+Backslash');
  await expect(library(app)).toBeHidden();
  await app.keyboard.press('Control+Backslash');
  await expect(library(app)).toBeVisible();
});

test('a reading-width preference: narrow, medium and wide line lengths at 1920×1080', async ({
  app,
  saveScreenshot,
}) => {
  await app.setViewportSize({ width: 1920, height: 1080 });
  await openArticle(app, s003);
  const lineWidth = async () => (await article(app).locator('.paragraph-text').first().boundingBox())?.width ?? 0;
  const medium = await lineWidth();

  await clickAtCentre(app, app.getByRole('button', { name: 'Preferences' }));
  const preferences = app.getByRole('dialog', { name: 'Preferences' });
  const width = preferences.getByRole('radiogroup', { name: 'Reading width' });
  await clickAtCentre(app, width.getByRole('radio', { name: 'Wide' }));
  await expect(width.getByRole('radio', { name: 'Wide' })).toBeChecked();
  await expect.poll(lineWidth).toBeGreaterThan(medium + 250);
  await clickAtCentre(app, width.getByRole('radio', { name: 'Narrow' }));
  await expect.poll(lineWidth).toBeLessThan(medium - 60);
  // The keyboard: arrows move within the radio group.
  await tabTo(app, width.getByRole('radio', { name: 'Narrow' }));
  await app.keyboard.press('ArrowRight');
  await expect(width.getByRole('radio', { name: 'Medium' })).toBeChecked();
  await app.keyboard.press('ArrowRight');
  await expect(width.getByRole('radio', { name: 'Wide' })).toBeChecked();
  await clickAtCentre(app, preferences.getByRole('button', { name: 'Done' }));
  const wide = await lineWidth();
  await saveScreenshot('reader-layout-1920-wide');

  await app.reload();
  await openArticle(app, s003);
  expect(await lineWidth()).toBe(wide);
});

test('Chinese before a long Latin word is not spread out, and full-width "，" has no space after it', async ({
  app,
}) => {
  // One Latin word too long for what is left of the first line: it wraps whole to the next.
  const word = 'Antidisestablishmentarianism'.repeat(2);
  await openCraftedArticle(app, '排版测试', `中文排版的一行字后面${word}\n\n冠, 基层民警的故事。`);
  const advances = await article(app)
    .locator('.paragraph-text')
    .filter({ hasText: word })
    .evaluate((el) => {
      const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      if (!(text instanceof Text)) throw new Error('no text');
      const rect = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect();
      };
      const size = parseFloat(getComputedStyle(el).fontSize);
      const out: number[] = [];
      for (let i = 0; i < 9; i++) out.push((rect(i + 1).left - rect(i).left) / size);
      return out;
    });
  // Each Han character advances one em: nothing is stretched between them.
  for (const a of advances) expect(a).toBeCloseTo(1, 1);

  await app.evaluate(() => {
    const key = 'pizhu.preferences.v1';
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    localStorage.setItem(key, JSON.stringify({ ...stored, fullWidthPunctuation: true }));
  });
  await app.reload();
  await openArticle(app, '排版测试');
  const line = article(app).locator('.paragraph-text').filter({ hasText: '基层民警' });
  await expect(line).toContainText('冠，');
  const gap = await line.evaluate((el) => {
    const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    if (!(text instanceof Text)) throw new Error('no text');
    const at = text.data.indexOf('，');
    const range = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect();
    };
    const next = text.data.indexOf('基');
    return (range(next).left - range(at).right) / parseFloat(getComputedStyle(el).fontSize);
  });
  expect(gap).toBeLessThan(0.1);
});

test('hidden lines and the selected row keep 4.5:1 contrast in light and dark', async ({ app }) => {
  for (const theme of ['light', 'dark'] as const) {
    await setLook(app, { theme, uiLocale: 'en' });
    await openArticle(app, s003);
    await clickAtCentre(app, article(app).getByRole('button', { name: /^\d+ hidden lines$/ }).first());
    const ratios = await app.evaluate(() => {
      const parse = (c: string): [number, number, number, number] => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m?.[1]) throw new Error(`colour ${c}`);
        const [r = 0, g = 0, b = 0, a = 1] = m[1]
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r, g, b, a];
      };
      const over = (fg: number[], bg: number[], alpha: number) =>
        [0, 1, 2].map((i) => (fg[i] ?? 0) * alpha + (bg[i] ?? 0) * (1 - alpha));
      const luminance = (c: number[]) => {
        const [r = 0, g = 0, b = 0] = c.map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      /** The colour drawn behind an element: its nearest background, blended down to the page. */
      const backdrop = (el: Element): number[] => {
        const layers: [number, number, number, number][] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c[3] > 0) layers.push(c);
          if (c[3] === 1) break;
        }
        let colour = [255, 255, 255];
        for (const c of layers.reverse()) colour = over(c, colour, c[3]);
        return colour;
      };
      /** Text colour as drawn: its own alpha times every ancestor's opacity. */
      const contrast = (el: Element) => {
        const fg = parse(getComputedStyle(el).color);
        let alpha = fg[3];
        for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
        const bg = backdrop(el);
        const drawn = over(fg, bg, alpha);
        const [hi, lo] = [luminance(drawn), luminance(bg)].sort((a, b) => b - a);
        return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
      };
      const hidden = [...document.querySelectorAll('.run-hidden .paragraph-text')];
      const selected = [...document.querySelectorAll('.article-item.selected *')].filter((e) =>
        [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''),
      );
      return {
        hidden: hidden.length ? Math.min(...hidden.map(contrast)) : 0,
        selected: selected.length ? Math.min(...selected.map(contrast)) : 0,
      };
    });
    expect(ratios.hidden, `${theme}: hidden lines`).toBeGreaterThanOrEqual(4.5);
    expect(ratios.selected, `${theme}: selected library row`).toBeGreaterThanOrEqual(4.5);
  }
});

test('screenshots: 900×600 and 1920×1080, light and dark, zh-Hans and en', async ({ app, saveScreenshot }) => {
  for (const uiLocale of ['en', 'zh-Hans'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const [width, height] of [
        [900, 600],
        [1920, 1080],
      ] as const) {
        await app.setViewportSize({ width, height });
        await setLook(app, { theme, uiLocale, readingWidth: width > 1000 ? 'wide' : 'medium' });
        await openArticle(app, s003);
        const tags = app.locator('.tags-button');
        if ((await tags.getAttribute('aria-pressed')) !== 'true') await clickAtCentre(app, tags);
        await app.getByRole('complementary').first().waitFor();
        await app.locator('.reader-scroll').evaluate((el) => el.scrollTo({ top: 900 }));
        await expectReaderButtonsUncovered(app);
        await saveScreenshot(`reader-layout-${width}x${height}-${theme}-${uiLocale}`);
        await clickAtCentre(app, app.locator('.tags-button'));
      }
    }
  }
});
