import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Dialog,
  Menu as MenuType,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
} from 'electron';
import { createMainWindow } from '../../main/app/createMainWindow';
import { externalLinkOpener } from '../../main/app/confirmExternalLink';
import { installMenu } from '../../main/app/menu';
import { contentSecurityPolicy } from '../../main/app/contentSecurityPolicy';
import { serveRenderer } from '../../main/app/serveRenderer';

type Listener = (...args: unknown[]) => void;

/** The slice of BrowserWindow that createMainWindow touches, recording what it was told. */
function fakeBrowserWindow() {
  const created: Array<{
    options: BrowserWindowConstructorOptions;
    events: Map<string, Listener>;
    openHandler?: (d: { url: string }) => unknown;
    permission?: Listener;
    permissionCheck?: (...args: unknown[]) => boolean;
    loaded?: string;
  }> = [];
  class FakeWindow {
    record: (typeof created)[number];
    webContents = {
      on: (event: string, listener: Listener) => this.record.events.set(event, listener),
      setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (this.record.openHandler = handler),
      session: {
        setPermissionRequestHandler: (handler: Listener) => (this.record.permission = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (this.record.permissionCheck = handler),
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, events: new Map<string, Listener>() };
      created.push(this.record);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow: FakeWindow as unknown as typeof BrowserWindowType, created };
}

/** main's dialog and shell, with the person's answers scripted: 0 = Cancel, 1 = Open in browser. */
function fakeDialogAndShell(answers: number[]) {
  const asked: MessageBoxOptions[] = [];
  const opened: string[] = [];
  const pending: Array<() => void> = [];
  const dialog = {
    showMessageBox: (...args: unknown[]) => {
      asked.push((args.length > 1 ? args[1] : args[0]) as MessageBoxOptions);
      const response = answers.shift() ?? 0;
      return new Promise<MessageBoxReturnValue>((resolve) => pending.push(() => resolve({ response, checkboxChecked: false })));
    },
  } as unknown as Pick<Dialog, 'showMessageBox'>;
  const shell = { openExternal: (url: string) => (opened.push(url), Promise.resolve()) };
  /** The person answers every open question. */
  const answerAll = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { dialog, shell, asked, opened, answerAll };
}

function windowWith(answers: number[], devTools = false) {
  const people = fakeDialogAndShell(answers);
  const { BrowserWindow, created } = fakeBrowserWindow();
  createMainWindow(BrowserWindow, 'app://pizhu/index.html', {
    devTools,
    openExternalLink: externalLinkOpener({ shell: people.shell, dialog: people.dialog }),
  });
  return { win: created[0]!, ...people };
}

function navigate(win: ReturnType<typeof windowWith>['win'], url: string): boolean {
  let prevented = false;
  win.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('the window refuses to leave the app', () => {
  it('loads the app page, with DevTools only when asked for (development)', () => {
    expect(windowWith([]).win.loaded).toBe('app://pizhu/index.html');
    expect(windowWith([], false).win.options.webPreferences?.devTools).toBe(false);
    expect(windowWith([], true).win.options.webPreferences?.devTools).toBe(true);
  });

  it('blocks navigation away from the app page', () => {
    const { win } = windowWith([]);
    for (const [url, blocked] of [
      ['https://example.com/', true],
      ['file:///etc/passwd', true],
      ['app://pizhu/index.html#x', false],
    ] as const) {
      expect(navigate(win, url), url).toBe(blocked);
    }
  });

  it('denies every new window; a non-https address never reaches the dialog or the browser', async () => {
    const { win, asked, opened, answerAll } = windowWith([1, 1, 1, 1]);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com/', 'app://pizhu/x', 'nonsense']) {
      expect(win.openHandler!({ url }), url).toEqual({ action: 'deny' });
      navigate(win, url);
    }
    await answerAll();
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('opens an https link the page asks for only after the person confirms it in main’s dialog', async () => {
    const { win, asked, opened, answerAll } = windowWith([0, 1]);
    const url = 'https://www.jxzfw.gov.cn/art/2024/1/1/art_1.html?x=1#top';

    expect(win.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]); // nothing opens while the question is on screen
    await answerAll();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.detail).toBe(url); // the whole address, not just its host
    expect(asked[0]!.buttons![asked[0]!.defaultId!]).toBe('Cancel');
    expect(asked[0]!.cancelId).toBe(asked[0]!.defaultId);
    expect(opened).toEqual([]); // cancelled

    expect(navigate(win, url)).toBe(true); // a link clicked in the page goes the same way
    await answerAll();
    expect(asked).toHaveLength(2);
    expect(opened).toEqual([url]); // confirmed: opened once
  });

  it('asks one question at a time: a page repeating window.open while it is open is refused', async () => {
    const { win, asked, opened, answerAll } = windowWith([1, 1, 1]);
    for (let i = 0; i < 20; i += 1) win.openHandler!({ url: `https://evil.example/${i}` });
    await answerAll();
    expect(asked).toHaveLength(1);
    expect(opened).toEqual(['https://evil.example/0']);
  });

  it('shows a look-alike host as its punycode, the address the browser will really open', async () => {
    const { win, asked, opened, answerAll } = windowWith([1]);
    win.openHandler!({ url: 'https://аpple.com/' }); // Cyrillic а
    await answerAll();
    expect(asked[0]!.detail).toBe('https://xn--pple-43d.com/');
    expect(opened).toEqual(['https://xn--pple-43d.com/']);
  });

  it('a browser that fails to open is an answer, not an unhandled rejection in main', async () => {
    const open = externalLinkOpener({
      dialog: { showMessageBox: () => Promise.resolve({ response: 1, checkboxChecked: false }) },
      shell: { openExternal: () => Promise.reject(new Error('no browser')) },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(open('https://example.com/')).resolves.toBe('failed');
      await expect(open('https://example.com/')).resolves.toBe('failed'); // not stuck "asking"
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
    }
  });

  it('denies permission requests (camera, notifications, …)', () => {
    const { win } = windowWith([]);
    let granted: boolean | undefined;
    win.permission!(undefined, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
  });

  it('answers every permission check no (clipboard read, notifications, media…)', () => {
    const { win } = windowWith([]);
    expect(win.permissionCheck, 'no permission check handler installed').toBeTypeOf('function');
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'hid', 'serial', 'usb']) {
      expect(win.permissionCheck!(null, permission, 'app://pizhu/', {}), permission).toBe(false);
    }
  });
});

describe('the application menu', () => {
  function menuOf(isPackaged: boolean) {
    let template: MenuItemConstructorOptions[] = [];
    let installed: unknown;
    const Menu = {
      buildFromTemplate: (t: MenuItemConstructorOptions[]) => ((template = t), { built: t }),
      setApplicationMenu: (menu: unknown) => (installed = menu),
    } as unknown as Pick<typeof MenuType, 'buildFromTemplate' | 'setApplicationMenu'>;
    installMenu(Menu, isPackaged);
    expect(installed).toEqual({ built: template });
    const roles: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]) => {
      for (const item of items) {
        if (item.role) roles.push(item.role.toLowerCase());
        if (Array.isArray(item.submenu)) walk(item.submenu);
      }
    };
    walk(template);
    return roles;
  }
  // 'viewmenu' is the role whose stock submenu holds Reload, Force Reload and Toggle Developer Tools.
  const developerRoles = ['reload', 'forcereload', 'toggledevtools', 'viewmenu'];

  it('has no Reload, Force Reload or DevTools in a packaged build', () => {
    const roles = menuOf(true);
    for (const role of developerRoles) expect(roles, role).not.toContain(role);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomin', 'zoomout', 'resetzoom', 'togglefullscreen']));
  });

  it('keeps them while developing (not packaged)', () => {
    expect(menuOf(false)).toEqual(expect.arrayContaining(['reload', 'forcereload', 'toggledevtools']));
  });

  it('is what the app installs, and its window opens links only through the confirmation', () => {
    const index = fs.readFileSync(path.resolve(__dirname, '../../main/app/index.ts'), 'utf8');
    expect(index).toContain('installMenu(Menu, app.isPackaged, { restoreFromBackup');
    expect(index).toContain('devTools: !app.isPackaged');
    expect(index).toContain('openExternalLink: externalLinkOpener({ shell, dialog');
    expect(index).not.toMatch(/shell\.openExternal/);
  });
});

describe('the app:// protocol serves only the renderer bundle, with the CSP', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-renderer-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'pizhu-secret.txt'), 'secret');

  it('answers the page with the Content-Security-Policy header', async () => {
    const response = await serveRenderer(root, '/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('Content-Type')).toMatch(/text\/html/);
  });

  it('cannot be walked out of its folder', async () => {
    for (const attempt of ['/../pizhu-secret.txt', '/%2e%2e/pizhu-secret.txt', '/..%2fpizhu-secret.txt']) {
      const response = await serveRenderer(root, attempt);
      expect(response.status, attempt).toBe(403);
    }
    expect((await serveRenderer(root, '/missing.js')).status).toBe(404);
  });
});

describe('pagePrefix', () => {
  it('works for the custom app:// scheme, where URL.origin is "null"', async () => {
    const { pagePrefix } = await import('../../main/app/pageOrigin');
    expect(new URL('app://pizhu/index.html').origin).toBe('null');
    expect(pagePrefix('app://pizhu/index.html')).toBe('app://pizhu/');
    expect(pagePrefix('http://localhost:5173/index.html')).toBe('http://localhost:5173/');
  });

  it('gives the IPC sender check: the app page only', async () => {
    const { isFromAppPage } = await import('../../main/app/pageOrigin');
    const check = isFromAppPage('app://pizhu/index.html');
    expect(check({ senderFrame: { url: 'app://pizhu/index.html' } })).toBe(true);
    expect(check({ senderFrame: { url: 'app://pizhu.evil/index.html' } })).toBe(false);
    expect(check({ senderFrame: { url: 'https://example.com/' } })).toBe(false);
    expect(check({ senderFrame: null })).toBe(false);
    expect(fs.readFileSync(path.resolve(__dirname, '../../main/app/index.ts'), 'utf8')).toContain('isFromAppPage(rendererUrl)');
  });
});
