import type { Library } from '../../../main/library/createLibrary';

/**
 * Every library sends every other what it lacks of the documents `only` keeps, directly through
 * their sync endpoints (no network), until a round changes nothing; returns the rounds it took.
 */
export function exchangeDocs(all: readonly Library[], only: (name: string) => boolean = () => true): number {
  for (let round = 1; round <= 10; round++) {
    let changed = 0;
    for (const from of all) {
      for (const to of all) {
        if (from === to) continue;
        for (const name of from.sync.docNames().filter(only)) {
          const before = to.sync.stateVector(name);
          to.sync.apply(name, from.sync.diff(name, before));
          if (!sameBytes(before, to.sync.stateVector(name))) changed++;
        }
      }
    }
    if (changed === 0) return round;
  }
  throw new Error('The libraries did not reach quiescence in 10 rounds.');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
