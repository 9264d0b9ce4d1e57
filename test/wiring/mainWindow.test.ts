import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, mainWindowOptions } from '../../main/app/createMainWindow';
import { contentSecurityPolicy } from '../../main/app/contentSecurityPolicy';

describe('the main window', () => {
  it('is created isolated, sandboxed and without Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false, // unless the app is not packaged (development)
      preload: '/app/out/preload/index.js',
    });
  });

  it('lets only https links out, to the system browser', () => {
    expect(isSafeExternalUrl('https://www.jxzfw.gov.cn/')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'app://pizhu/x', 'nonsense']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('has a CSP with no remote origins and no eval', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
