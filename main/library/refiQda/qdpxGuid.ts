import { hash, randomUUID } from 'node:crypto';

/** A GUID in the 8-4-4-4-12 form Project.xsd's GUIDType takes. */
export type Guid = string;

/**
 * Stable GUIDs for the things of one library (`seed` is the library's id): exporting the same
 * library twice gives the same GUIDs, so another tool re-importing it can tell what it already has.
 */
export function guidMaker(seed: string): (kind: string, id: string | number) => Guid {
  return (kind, id) => {
    const hex = hash('sha256', `${seed}\u0000${kind}\u0000${id}`, 'hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

export function newGuid(): Guid {
  return randomUUID();
}

const guidPattern = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

export function isGuid(value: string): boolean {
  return guidPattern.test(value);
}
