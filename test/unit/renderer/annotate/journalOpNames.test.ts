import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalOps } from '../../../../renderer/src/features/annotate/messages';

const repo = path.resolve(__dirname, '../../../..');

/** Every `op: '…'` a journaled step in main/library names. */
function opsNamedInMain(dir = path.join(repo, 'main/library')): Set<string> {
  const ops = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const op of opsNamedInMain(file)) ops.add(op);
    else if (entry.name.endsWith('.ts')) {
      for (const [, op] of fs.readFileSync(file, 'utf8').matchAll(/\bop: '([a-z-]+\.[a-z-]+)'/g)) ops.add(op!);
    }
  }
  return ops;
}

describe('undo and redo name each step in the interface language', () => {
  it('every operation the journal records has a name in the catalogs (else the toast shows main’s English)', () => {
    const named = opsNamedInMain();
    expect(named.size).toBeGreaterThan(30);
    expect([...named].filter((op) => !(journalOps as readonly string[]).includes(op)).sort()).toEqual([]);
  });
});
