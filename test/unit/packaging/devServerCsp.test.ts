import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, developmentContentSecurityPolicy } from '../../../main/app/contentSecurityPolicy';

const chromiumPath = process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium';

/** The page `electron-vite dev` serves: the renderer section of our own config, on a free port. */
async function startDevServer(): Promise<ViteDevServer> {
  const { default: config } = (await import('../../../electron.vite.config')) as unknown as { default: { renderer: InlineConfig } };
  const server = await createServer({
    ...config.renderer,
    configFile: false,
    logLevel: 'silent',
    // Its dependency pre-bundling goes to a throw-away folder, not node_modules/.vite.
    cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-vite-cache-')),
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  return server;
}

function cspMeta(html: string): { index: number; policy: string } | undefined {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  return match ? { index: match.index, policy: match[1]!.replaceAll('&#39;', "'") } : undefined;
}

describe('the development server page has a Content-Security-Policy too', () => {
  let server: ViteDevServer;
  let url: string;
  let html: string;
  beforeAll(async () => {
    server = await startDevServer();
    url = server.resolvedUrls!.local[0]!;
    html = await (await fetch(url)).text();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    if (server) fs.rmSync(server.config.cacheDir, { recursive: true, force: true });
  });

  it('as a <meta> ahead of every script, allowing inline scripts only by their hashes', () => {
    const meta = cspMeta(html);
    expect(meta, 'no CSP <meta> on the dev page').toBeDefined();
    expect(meta!.index).toBeLessThan(html.indexOf('<script'));
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/src=/.test(attrs!) && body);
    expect(inline.length).toBeGreaterThan(0); // React Refresh's preamble
    const hashes = inline.map(([, , body]) => `sha256-${createHash('sha256').update(body!).digest('base64')}`);
    expect(meta!.policy).toBe(developmentContentSecurityPolicy(hashes));
    expect(meta!.policy).not.toMatch(/unsafe-eval|'unsafe-inline'[^;]*;.*script-src|script-src[^;]*unsafe-inline|https?:|\*/);
    // Everything the production header says, except frame-ancestors, which a <meta> cannot carry.
    for (const directive of contentSecurityPolicy.split('; ').filter((d) => !d.startsWith('frame-ancestors'))) {
      expect(meta!.policy).toContain(directive);
    }
  });

  it.skipIf(!fs.existsSync(chromiumPath))(
    `runs the app and Vite's live reload without a violation, and still refuses an injected script (needs Chromium at ${chromiumPath})`,
    async () => {
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        const consoleLines: string[] = [];
        const pageErrors: string[] = [];
        page.on('console', (message) => consoleLines.push(message.text()));
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => console.log(`csp-violation ${e.violatedDirective}`));
        });
        await page.goto(url);
        await expect.poll(() => consoleLines.includes('[vite] connected.'), { timeout: 15_000 }).toBe(true);
        // The app's modules ran (they set the theme; without window.pizhu they stop after that),
        // so the hashed React Refresh preamble ran too: plugin-react refuses to run without it.
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 15_000 }).toBeDefined();
        expect(pageErrors.filter((error) => /preamble/i.test(error))).toEqual([]);
        expect(consoleLines.filter((line) => line.startsWith('csp-violation'))).toEqual([]);

        const ran = await page.evaluate(async () => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true;';
          document.body.append(script);
          await new Promise((resolve) => setTimeout(resolve, 100));
          return (window as unknown as { __injected?: boolean }).__injected === true;
        });
        expect(ran).toBe(false);
        expect(consoleLines).toContain('csp-violation script-src-elem');
      } finally {
        await browser.close();
      }
    },
    60_000,
  );

  it('is added only while serving: the built page gets its policy as the app:// header instead', async () => {
    const { devContentSecurityPolicy } = await import('../../../electron.vite.config');
    expect(devContentSecurityPolicy().apply).toBe('serve');
  });
});
