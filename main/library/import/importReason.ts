import type { PizhuErrorCode } from '../../../preload/contract/errors';
import type { ImportReason } from '../../../preload/contract/importTypes';
import { isFeedName } from './feeds/feedFiles';
import { maxFeedItems, maxImportBytes } from './importLimits';

/** What main knows of a file it did not import: its name, the error's code and English message. */
export interface NotImportedFile {
  fileName: string;
  code?: PizhuErrorCode;
  message: string;
  skipped?: boolean;
}

/**
 * The typed reason for an outcome, so the app can say it in the reader's language; undefined
 * when the refusal has no code of its own here (a pipe, a page with no article), and the app
 * shows the English message. A feed's items are named `feed.xml › title`: the feed's name
 * decides. The line a broken feed breaks on is the one its message names (feeds/xmlProblem).
 */
export function importReasonOf(file: NotImportedFile): ImportReason | undefined {
  if (file.skipped) return { code: 'not-importable' };
  const feed = isFeedName(file.fileName.split(' › ')[0]!);
  switch (file.code) {
    case 'file-too-large': {
      const items = /has (\d+) items/u.exec(file.message);
      if (feed && items) return { code: 'feed-too-many-items', items: Number(items[1]), limit: maxFeedItems };
      return { code: 'too-large', limitMb: maxImportBytes / 1024 / 1024 };
    }
    case 'decode-failed':
      return { code: 'undecodable' };
    case 'empty-file':
      return feed && /a feed with no items/u.test(file.message) ? { code: 'feed-no-items' } : { code: 'no-text' };
    case 'unsupported-file': {
      if (!feed || !/could not be read as a feed/u.test(file.message)) return undefined;
      const line = /on line (\d+)/u.exec(file.message);
      return line ? { code: 'feed-broken', line: Number(line[1]) } : { code: 'feed-broken' };
    }
    case 'not-found':
      return { code: 'not-found' };
    default:
      return undefined;
  }
}
