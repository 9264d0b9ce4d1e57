import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';

const repo = path.resolve(__dirname, '../../..');
const config = parse(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  linux: { target: string[] };
  win: { target: string };
  mac: { target: string };
  electronFuses: Record<string, boolean>;
  protocols: Array<{ schemes: string[] }>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
};

describe('electron-builder configuration', () => {
  it('names the app and targets every desktop OS', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Pizhu');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
  });

  it('starts from the built main bundle, which the packaged files include', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.files.some((glob) => minimatch(pkg.main, glob))).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('unpacks the native SQLite module from the asar', () => {
    const nativeFile = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(config.asarUnpack.some((glob) => minimatch(nativeFile, glob))).toBe(true);
  });

  it('ships the five seeds as extra resources where the app looks for them', () => {
    const seeds = config.extraResources.find((r) => r.from === 'seeds');
    expect(seeds?.to).toBe('seeds');
    const shipped = fs.readdirSync(path.join(repo, 'seeds')).filter((f) => seeds!.filter.some((g) => minimatch(f, g)));
    expect(shipped).toHaveLength(5);
    expect(fs.readFileSync(path.join(repo, 'main/app/index.ts'), 'utf8')).toContain(
      "path.join(process.resourcesPath, 'seeds')",
    );
  });

  it.each([['parseWorkerEntry', 'main/library/import/parseWorkerEntry.ts']])(
    'builds %s (%s) beside the main bundle, where the app starts it, and packages it',
    async (name, source) => {
      const { default: viteConfig } = (await import('../../../electron.vite.config')) as {
        default: { main: { build: { rollupOptions: { input: Record<string, string> } } } };
      };
      const entry = viteConfig.main.build.rollupOptions.input[name];
      expect(entry).toBe(path.join(repo, source));
      expect(fs.existsSync(entry!)).toBe(true);
      expect(fs.readFileSync(path.join(repo, 'main/app/index.ts'), 'utf8')).toContain(
        `new Worker(path.join(__dirname, '${name}.js')`,
      );
      expect(config.files.some((glob) => minimatch(`out/main/${name}.js`, glob))).toBe(true);
    },
  );

  it('flips the fuses in release builds', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Pizhu serves its page from app://; file:// pages get no powers beyond a browser's.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses electron-builder knows (a misspelt fuse would be skipped without a word)', () => {
    const scheme = JSON.parse(
      fs.readFileSync(path.join(repo, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(known).toContain('grantFileProtocolExtraPrivileges');
    for (const fuse of Object.keys(config.electronFuses)) expect(known, fuse).toContain(fuse);
  });


  it('registers the pizhu:// protocol for back-links', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toContain('pizhu');
  });
});
