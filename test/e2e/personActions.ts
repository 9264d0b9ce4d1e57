import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures/pizhuTest';

/**
 * The centre of the element's box and what is drawn there instead of it (null when a click at
 * that point reaches the element), named so a failure says what covered it.
 */
export async function centreOf(target: Locator): Promise<{ x: number; y: number; covering: string | null }> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`the element has no box on screen: ${target.toString()}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const covering = await target.evaluate(
    (el, [px, py]) => {
      const top = document.elementFromPoint(px, py);
      if (top !== null && (el === top || el.contains(top))) return null;
      return top ? `${top.tagName.toLowerCase()}.${top.className} "${(top.textContent ?? '').slice(0, 30)}"` : 'nothing';
    },
    [x, y] as const,
  );
  return { x, y, covering };
}

/** Clicks where a person would: the centre of the element's box, after checking nothing covers that point. */
export async function clickAtCentre(app: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const { x, y, covering } = await centreOf(target);
  expect(covering, `the point clicked shows ${target.toString()}, not something over it`).toBeNull();
  await app.mouse.click(x, y);
}

/** Switches the interface language through Preferences, as a person does. */
export async function useLanguage(app: Page, locale: 'en' | 'zh-Hans'): Promise<void> {
  const isEnglish = (await app.locator('html').getAttribute('lang')) === 'en';
  if (isEnglish === (locale === 'en')) return;
  await app.getByRole('button', { name: isEnglish ? 'Preferences' : '偏好设置' }).click();
  const dialog = app.getByRole('dialog', { name: isEnglish ? 'Preferences' : '偏好设置' });
  await dialog.getByRole('combobox', { name: isEnglish ? 'Interface language' : '界面语言' }).selectOption({
    label: locale === 'en' ? 'English' : '简体中文',
  });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * The same view in both interface languages, both themes and both window sizes. `prepare` runs
 * after each change of language or size, to bring back what a re-layout may have closed (or to
 * scroll the subject into view). Ends in English, at the default size, with the theme unforced.
 */
export async function screenshotsOf(
  app: Page,
  saveScreenshot: (name: string) => Promise<string>,
  name: string,
  prepare: () => Promise<void> = async () => {},
  // A modal dialog's state (a report) would not survive the trip to Preferences: one language then.
  locales: ReadonlyArray<'en' | 'zh-Hans'> = ['en', 'zh-Hans'],
): Promise<void> {
  for (const locale of locales) {
    await useLanguage(app, locale);
    for (const size of [
      { width: 900, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await app.setViewportSize(size);
      await prepare();
      for (const theme of ['light', 'dark'] as const) {
        await app.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        await saveScreenshot(`${name}-${locale}-${size.width}-${theme}`);
      }
    }
  }
  await useLanguage(app, 'en');
  await app.setViewportSize({ width: 1280, height: 860 });
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });
}

/**
 * A modal view in both interface languages, both sizes and both themes: modal dialogs stand between
 * the page and Preferences, so each size's round opens the view (`open`) and closes it (`close`).
 * `check` runs after each screenshot, named by it. Ends in English, at the default size, with the theme unforced.
 */
export async function screenshotsOfModal(
  app: Page,
  saveScreenshot: (name: string) => Promise<string>,
  name: string,
  open: () => Promise<void>,
  close: () => Promise<void>,
  check: (shot: string) => Promise<void> = async () => {},
): Promise<void> {
  for (const locale of ['en', 'zh-Hans'] as const) {
    await useLanguage(app, locale);
    for (const size of [
      { width: 900, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await app.setViewportSize(size);
      await open();
      for (const theme of ['light', 'dark'] as const) {
        await app.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        const shot = `${name}-${locale}-${size.width}-${theme}`;
        await saveScreenshot(shot);
        await check(shot);
      }
      await close();
    }
  }
  await useLanguage(app, 'en');
  await app.setViewportSize({ width: 1280, height: 860 });
  await app.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });
}

/**
 * Points on screen at the middle of characters of the article's text: each `[needle, index]` is
 * the `index`-th character of the first `needle` shown. The first one is scrolled to the middle
 * of the view first, once, so all the points hold together for a drag.
 */
export async function pointsInText(
  app: Page,
  targets: ReadonlyArray<readonly [needle: string, index: number]>,
): Promise<Array<{ x: number; y: number }>> {
  return app.evaluate((targets) => {
    const rangeAt = (needle: string, index: number): Range => {
      const el = [...document.querySelectorAll<HTMLElement>('article .paragraph-text')].find((e) =>
        (e.textContent ?? '').includes(needle),
      );
      if (!el) throw new Error(`no paragraph shows ${needle}`);
      const at = (el.textContent ?? '').indexOf(needle) + index;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const length = (n as Text).data.length;
        if (at < pos + length) {
          const range = document.createRange();
          range.setStart(n, at - pos);
          range.setEnd(n, at - pos + 1);
          return range;
        }
        pos += length;
      }
      throw new Error(`${needle} has no character ${index}`);
    };
    const ranges = targets.map(([needle, index]) => rangeAt(needle, index));
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return ranges.map((range) => {
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
  }, targets);
}

/** Tab until `target` has the focus, as a person without a mouse reaches a control; fails if it never does. */
export async function tabTo(app: Page, target: Locator, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await app.keyboard.press('Tab');
  }
  await expect(target, `${most} presses of Tab never reached it`).toBeFocused();
}

/** j until the paragraph showing `text` is the current one, as a person steps down to it. */
export async function stepTo(app: Page, text: string): Promise<void> {
  const current = app.getByRole('article').locator('.paragraph[aria-current="true"]');
  for (let i = 0; i < 40; i++) {
    await app.keyboard.press('j');
    if (((await current.textContent()) ?? '').includes(text)) return;
  }
  throw new Error(`j never reached the paragraph with ${text}`);
}
