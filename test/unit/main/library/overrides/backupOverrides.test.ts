/**
 * Issue #15 item 6: the JSON backup (version 5) carries the term overrides. Restore gives them
 * back, Merge adds what the library lacks and keeps its own reading of a source, and a version 4
 * backup still imports, with no overrides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';

let dir: string;
const open: Library[] = [];

async function library(name: string): Promise<Library> {
  const made = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`) });
  open.push(made);
  return made;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-backup-overrides-'));
});

afterEach(() => {
  for (const l of open.splice(0)) l.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const listed = (l: Library) => l.overrides.list().map((o) => `${o.source}→${o.target} [${o.modes.join(' ')}]`);

describe('term overrides in the JSON backup', () => {
  it('are written, and an import into another library gives them back; a merge keeps the library’s own', async () => {
    const source = await library('source');
    source.importText('标题\n\n儿童的心理发展。');
    source.overrides.add({ source: '心理发展', target: '心理發展', modes: ['t', 'tw'] });
    source.overrides.add({ source: '严华郁', target: '嚴華郁', modes: ['t', 'tw', 'twp', 'hk'] });
    const file = path.join(dir, 'backup.json');
    source.exportBackup(file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; termOverrides: unknown[] };
    expect(json.version).toBe(8);
    expect(json.termOverrides).toEqual([
      { source: '严华郁', target: '嚴華郁', modes: ['t', 'tw', 'twp', 'hk'], createdAt: expect.any(String) as string },
      { source: '心理发展', target: '心理發展', modes: ['t', 'tw'], createdAt: expect.any(String) as string },
    ]);

    const empty = await library('empty');
    expect(empty.importBackup(file)).toMatchObject({ articlesAdded: 1, termOverridesAdded: 2 });
    expect(listed(empty)).toEqual(listed(source));
    expect(empty.importBackup(file)).toMatchObject({ termOverridesAdded: 0 });

    const own = await library('own');
    own.overrides.add({ source: '心理发展', target: '心理发展', modes: ['tw'] });
    expect(own.importBackup(file)).toMatchObject({ termOverridesAdded: 1 });
    expect(listed(own)).toEqual(['严华郁→嚴華郁 [t tw twp hk]', '心理发展→心理发展 [tw]']);
  });

  it('reads a version 4 backup (no overrides) as none', async () => {
    const source = await library('source');
    source.importText('标题\n\n正文。');
    const file = path.join(dir, 'backup.json');
    source.exportBackup(file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete json.termOverrides;
    json.version = 4;
    const v4 = path.join(dir, 'v4.json');
    fs.writeFileSync(v4, JSON.stringify(json));
    const target = await library('target');
    expect(target.importBackup(v4)).toMatchObject({ articlesAdded: 1, termOverridesAdded: 0 });
    expect(target.overrides.list()).toEqual([]);
  });
});
