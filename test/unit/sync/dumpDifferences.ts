/**
 * Where two dumps (JSON text) differ, as paths with each side's value: a failing comparison of
 * the device fuzz's dumps names what differs, not the first 40 characters of two long strings.
 */
export function dumpDifferences(left: string, right: string, limit = 20): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
    if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
        walk(a[key], b[key], `${at}/${key}`);
      return;
    }
    const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 300));
    out.push(`${at}: ${show(a)} | ${show(b)}`);
  };
  walk(JSON.parse(left), JSON.parse(right), '');
  return out;
}
