import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionText } from '../../../../renderer/src/features/reposts/versionText';
import { openSeededLibrary, type SeededLibrary } from '../../../support/seededLibrary';

/** Issue #15: the repost comparison converts each version through its own article's region. */

const taiwanStory = ['記者王小明／台北報導', '這套軟體透過網際網路更新，使用者可以在網路上下載。'].join('\n\n');
const hongkongStory = ['港府今日公佈新措施', '這套軟體透過網際網路更新，使用者可以在網路上下載。'].join('\n\n');

describe('a Taiwan and a Hong Kong version of one story, compared in 简体', () => {
  let seeded: SeededLibrary;
  beforeEach(async () => {
    seeded = await openSeededLibrary();
  });
  afterEach(() => seeded.dispose());

  it('shows each side with its own region’s words: the Taiwan one through tw2sp, the Hong Kong one through hk2s', () => {
    const tw = seeded.library.importText(taiwanStory, '軟體更新').articleId!;
    const hk = seeded.library.importText(hongkongStory, '軟體更新').articleId!;
    expect(seeded.library.getArticle(tw).region).toBe('taiwan');
    // The shared paragraph's Taiwan words outweigh 港府: the person says where the version comes from.
    seeded.library.setArticleRegion(hk, 'hongkong');

    const comparison = seeded.library.compareArticles(tw, hk);
    expect(comparison.left.region).toBe('taiwan');
    expect(comparison.right.region).toBe('hongkong');

    const options = { mode: 'cn', fullWidthPunctuation: false } as const;
    const row = comparison.rows.find((r) => r.left?.text.startsWith('這套軟體'));
    expect(versionText(row!.left!.text, comparison.left, options).text).toBe(
      '这套软件透过互联网更新，用户可以在网络上下载。',
    );
    expect(versionText(row!.right!.text, comparison.right, options).text).toBe(
      '这套软体透过网际网路更新，使用者可以在网路上下载。',
    );
  });
});
