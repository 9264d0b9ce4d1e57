import type { OracleChange } from './noLossOracle';

/** A superseded value as a device recorded it, with who it says wrote the value that won. */
export interface RecordedSuperseded {
  path: string;
  field: string;
  lost: unknown;
  kept: unknown;
  keptBy: { member: string; memberName: string; device: string } | null;
}

/**
 * Every superseded value whose named writer is not the one whose value won, as sentences (empty
 * when all are right). Pure: the devices' journals and records only. A record names a device by
 * its name (`nameOf`); that device is another than the recording one, and where the journals
 * follow the field, its own journal wrote the value that stands (in that entry, or for an override
 * hidden by another of the same source, in the override that hides it).
 */
export function wronglyNamedWriters(
  changes: readonly OracleChange[],
  recorded: ReadonlyArray<{ device: string; records: readonly RecordedSuperseded[] }>,
  nameOf: (device: string) => string,
): string[] {
  const wrong: string[] = [];
  const devices = [...new Set([...changes.map((c) => c.device), ...recorded.map((r) => r.device)])];
  for (const { device, records } of recorded) {
    for (const record of records) {
      const what = `${device}'s superseded ${record.path} ${record.field} (kept ${JSON.stringify(record.kept)})`;
      if (!record.keptBy) {
        wrong.push(`${what} names no writer`);
        continue;
      }
      const writer = devices.find((d) => nameOf(d) === record.keptBy!.device);
      if (writer === undefined || writer === device) {
        wrong.push(`${what} names ${JSON.stringify(record.keptBy.device)}, not another device`);
        continue;
      }
      const id = record.path.split('/').pop() ?? '';
      const followed = changes.filter((c) => c.id === id && c.after !== null && record.field in c.after);
      if (followed.length === 0) continue;
      // An override hidden by another (one source, one mode) was hidden by that other's entry, not by a write of its own.
      const sameEntry = followed.some((c) => c.device === writer && c.after![record.field] === record.kept);
      const hidingEntry =
        record.path.startsWith('overrides/') &&
        changes.some((c) => c.device === writer && c.kind === 'override' && c.after?.[record.field] === record.kept);
      const wroteIt = sameEntry || hidingEntry;
      if (!wroteIt) wrong.push(`${what} names ${writer}, whose journal never wrote that value there`);
    }
  }
  return wrong;
}
