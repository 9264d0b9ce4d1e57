import type { Migration } from './migration';
import { migration0001 } from './0001-initial';

/** Every migration in order; they only ever run forward. */
export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations.length;
