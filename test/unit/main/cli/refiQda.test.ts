import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../../support/seededLibrary';
import { runPizhu } from '../../../support/runPizhu';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-cli-qdpx-'));
  db = path.join(dir, 'library.sqlite');
  expect((await runPizhu(['import', seedsDir, '--db', db])).code).toBe(0);
  expect((await runPizhu(['autocode', '治理', '--tag', '政策/治理', '--span', '--db', db])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pizhu export --format qdpx|qdc and pizhu import-qdpx', () => {
  it('exports the library as a .qdpx that a new library imports with the same articles and highlights', async () => {
    const file = path.join(dir, 'library.qdpx');
    const exported = await runPizhu(['export', '--format', 'qdpx', '--out', file, '--db', db, '--json']);
    expect(exported.code).toBe(0);
    const result = JSON.parse(exported.out) as { sources: number; selections: number };
    expect(result.sources).toBe(5);
    expect(result.selections).toBeGreaterThan(0);
    const fresh = path.join(dir, 'fresh.sqlite');
    const imported = await runPizhu(['import-qdpx', file, '--db', fresh]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^articles: 5 added, 0 already here/);
    const quotes = async (library: string) =>
      (JSON.parse((await runPizhu(['search', '治理', '--db', library, '--json'])).out) as unknown[]).length;
    expect(await quotes(fresh)).toBe(await quotes(db));
  });

  it('exports the codebook as .qdc and imports it back', async () => {
    const file = path.join(dir, 'codebook.qdc');
    const exported = await runPizhu(['export', '--format', 'qdc', '--out', file, '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/written: .*codebook\.qdc \(2 codes\)/);
    const imported = await runPizhu(['import-qdpx', file, '--db', path.join(dir, 'codes.sqlite')]);
    expect(imported.out).toBe('codes: 2 read, 2 tags added');
  });

  it('refuses a file that is no project with a message and exit 1', async () => {
    const bad = path.join(dir, 'bad.qdpx');
    fs.writeFileSync(bad, 'PK not really a zip');
    const refused = await runPizhu(['import-qdpx', bad, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not a readable zip archive/);
  });
});
