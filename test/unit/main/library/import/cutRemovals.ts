import type { Removal } from '../../../../../preload/contract/articleTypes';

/** `raw` with the removal spans cut out: the tests' own oracle, written independently of the library's helper. */
export function cutRemovals(raw: string, removals: readonly Removal[]): string {
  let out = '';
  let at = 0;
  for (const r of removals) {
    out += raw.slice(at, r.start);
    at = r.end;
  }
  return out + raw.slice(at);
}
