import type { RefusedUpdate, SyncEndpoint, SyncUpdate } from './syncEndpoint';

/** Updates handed to an endpoint at once at most: a killed device loses only what it had not applied, and memory stays bounded. */
export const applyBatchLimit = 64;

/** The endpoint's applyMany, or apply for each when it has none; the refused updates, by name. */
export function applyAll(endpoint: SyncEndpoint, entries: readonly SyncUpdate[]): RefusedUpdate[] {
  if (entries.length === 0) return [];
  if (endpoint.applyMany) return endpoint.applyMany(entries);
  const refused: RefusedUpdate[] = [];
  for (const { name, update } of entries) {
    try {
      endpoint.apply(name, update);
    } catch (error) {
      refused.push({ name, error });
    }
  }
  return refused;
}
