import type { Migration } from './migration';

/**
 * Who wrote the value that won over one of this device's (#19, "changed on Lin's laptop"): the
 * member uid, the member's name and the device's name as the winning device recorded them beside
 * its write (sync/model/writers). NULL for values recorded before this migration, or written by
 * a device that recorded no writer: the notice then says "another device".
 */
export const migration0030: Migration = {
  version: 30,
  name: 'superseded values record who wrote the winner',
  up: `
    ALTER TABLE sync_superseded ADD COLUMN kept_member TEXT;
    ALTER TABLE sync_superseded ADD COLUMN kept_member_name TEXT;
    ALTER TABLE sync_superseded ADD COLUMN kept_device TEXT;
  `,
};
