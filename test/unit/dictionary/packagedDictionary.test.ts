import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packedDictionary } from '../../../electron.vite.config';
import { readPackedDictionary } from '../../../main/library/dictionary/packedDictionary';

const repo = path.resolve(__dirname, '../../..');

/** Issue #17: the build packs CC-CEDICT beside main's bundle, and the installer takes it along. */
describe('the packed dictionary in the build and the package', () => {
  it('is written by the main build as out/main/dictionary/cedict.pzd, every entry readable', () => {
    const emitted: Array<{ fileName: string; source: Uint8Array }> = [];
    const plugin = packedDictionary();
    const generate = plugin.generateBundle as unknown as (this: { emitFile: (asset: { fileName: string; source: Uint8Array }) => void }) => void;
    generate.call({ emitFile: (asset) => emitted.push(asset) });
    expect(emitted.map((e) => e.fileName)).toEqual(['dictionary/cedict.pzd']);
    const packed = readPackedDictionary(emitted[0]!.source);
    expect(packed.header.entries).toBeGreaterThan(120_000);
    expect(packed.idsOf('計程車').map((id) => packed.entry(id).senses)).toEqual([['(Tw) taxi; cab']]);
  }, 60_000);

  it('is among the files electron-builder packages, where the app and the CLI look for it', () => {
    const config = parse(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    const file = 'out/main/dictionary/cedict.pzd';
    const included = config.files.filter((g) => !g.startsWith('!')).some((g) => minimatch(file, g));
    const excluded = config.files.filter((g) => g.startsWith('!')).some((g) => minimatch(file, g.slice(1)));
    expect(included && !excluded).toBe(true);
    expect(fs.readFileSync(path.join(repo, 'main/library/dictionary/openDictionary.ts'), 'utf8')).toContain(
      "path.join(__dirname, 'dictionary')",
    );
  });
});
