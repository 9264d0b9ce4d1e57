import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-search-index';
import { migration0003 } from './0003-search-index-buffer';
import { migration0004 } from './0004-search-index-without-sizes';
import { migration0005 } from './0005-no-folded-column';
import { migration0006 } from './0006-content-checksums';
import { migration0007 } from './0007-library-identity';
import { migration0008 } from './0008-highlight-comments';
import { migration0009 } from './0009-highlight-groups';
import { migration0010 } from './0010-trash-and-archive';
import { migration0011 } from './0011-article-paragraph-count';
import { migration0012 } from './0012-article-fingerprints';
import { migration0013 } from './0013-article-source-region';
import { migration0014 } from './0014-paragraph-raw-once';
import { migration0015 } from './0015-raw-text-compressed';
import { migration0016 } from './0016-vocabulary';
import { migration0017 } from './0017-term-overrides';
import { migration0018 } from './0018-search-characters';
import { migration0019 } from './0019-tag-descriptions';
import { migration0020 } from './0020-stop-words';
import { migration0021 } from './0021-article-attributes';
import { migration0022 } from './0022-memos';
import { migration0023 } from './0023-word-segmentation';
import { migration0024 } from './0024-search-index-leaner';
import { migration0025 } from './0025-search-characters-without-sizes';
import { migration0026 } from './0026-sync-model';
import { migration0027 } from './0027-raw-text-beside-paragraphs';
import { migration0028 } from './0028-paragraph-raw-from-removals';
import { migration0029 } from './0029-made-by';
import { migration0030 } from './0030-superseded-writer';
import { migration0031 } from './0031-word-data-uids';
import { migration0032 } from './0032-search-characters-by-row';
import { migration0033 } from './0033-sync-updates-deflated';
import { migration0034 } from './0034-highlight-context-from-text';
import { migration0035 } from './0035-search-index-by-row';
import { migration0036 } from './0036-library-list-indexes';
import { migration0037 } from './0037-smaller-library';
import { migration0038 } from './0038-highlights-made-here';
import { migration0039 } from './0039-tag-assignments-made-here';
import { migration0040 } from './0040-title-ranks';
import { migration0041 } from './0041-sync-purge';
import { migration0042 } from './0042-unplaced-annotations';
import { migration0043 } from './0043-restored-unplaced';

/** Every migration in order; they only ever run forward. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
  migration0034,
  migration0035,
  migration0036,
  migration0037,
  migration0038,
  migration0039,
  migration0040,
  migration0041,
  migration0042,
  migration0043,
];

export const latestSchemaVersion = migrations.length;
