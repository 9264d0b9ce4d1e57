import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { createMainWindow } from '../../main/app/createMainWindow';
import { contentSecurityPolicy } from '../../main/app/contentSecurityPolicy';
import { serveRenderer } from '../../main/app/serveRenderer';

type Listener = (...args: unknown[]) => void;

/** The slice of BrowserWindow that createMainWindow touches, recording what it was told. */
function fakeBrowserWindow() {
  const created: Array<{ options: unknown; events: Map<string, Listener>; openHandler?: (d: { url: string }) => unknown; permission?: Listener; loaded?: string }> = [];
  class FakeWindow {
    record = { options: undefined, events: new Map<string, Listener>() } as (typeof created)[number];
    webContents = {
      on: (event: string, listener: Listener) => this.record.events.set(event, listener),
      setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (this.record.openHandler = handler),
      session: { setPermissionRequestHandler: (handler: Listener) => (this.record.permission = handler) },
    };
    constructor(options: unknown) {
      this.record.options = options;
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

describe('the window refuses to leave the app', () => {
  const opened: string[] = [];
  const shell = { openExternal: (url: string) => (opened.push(url), Promise.resolve()) };
  const { BrowserWindow, created } = fakeBrowserWindow();
  createMainWindow(BrowserWindow, shell, 'app://pizhu/index.html');
  const win = created[0]!;

  it('loads the app page', () => expect(win.loaded).toBe('app://pizhu/index.html'));

  it('blocks navigation away from the app page', () => {
    for (const [url, blocked] of [
      ['https://example.com/', true],
      ['file:///etc/passwd', true],
      ['app://pizhu/index.html#x', false],
    ] as const) {
      let prevented = false;
      win.events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      expect(prevented, url).toBe(blocked);
    }
  });

  it('denies every new window; only https links go to the system browser', () => {
    expect(win.openHandler!({ url: 'https://www.jxzfw.gov.cn/' })).toEqual({ action: 'deny' });
    expect(win.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(win.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.jxzfw.gov.cn/']);
  });

  it('denies permission requests (camera, notifications, …)', () => {
    let granted: boolean | undefined;
    win.permission!(undefined, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
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
