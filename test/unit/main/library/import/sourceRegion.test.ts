import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OpenCC from 'opencc-js';
import { conversionSteps } from '../../../../../preload/common/conversionTable';
import { createConverter } from '../../../../../preload/common/createConverter';
import { scriptModes } from '../../../../../preload/common/scriptModes';
import { detectRegion, regionScores, sampleBudget } from '../../../../../main/library/import/detectRegion';
import { offsetMapProblems } from '../../../preload/common/offsetMapChecks';
import { prepareFileImport } from '../../../../../main/library/import/prepareImport';
import { openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

/** Issue #15, item 1: where an article comes from, detected at import and corrected by the person. */

const taiwanText = [
  '記者王小明／台北報導',
  '他搭計程車到立法院，看著窗外的捷運站，心裡想著下午的會議。',
  '這套軟體透過網際網路更新，使用者可以在網路上下載。',
].join('\n\n');

const hongkongText = [
  '港府今日公佈新措施，特首表示市民生活着實困難。',
  '佢哋喺九龍巴士站等咗好耐，衞生情況令人擔心，裏面人多。',
  '立法會議員説，政府應該盡快處理。',
].join('\n\n');

describe('detectRegion', () => {
  it('reads a simplified article as mainland whatever it says (Singapore and Malaysia convert the same)', () => {
    expect(detectRegion({ script: 'simplified', texts: ['台湾的出租车'], url: 'https://example.com.tw/a' })).toBe(
      'mainland',
    );
  });

  it('finds Taiwan by its variants (裡, the particle 著) and words (計程車, 立法院), Hong Kong by its forms and Cantonese', () => {
    expect(detectRegion({ script: 'traditional', texts: taiwanText.split('\n\n') })).toBe('taiwan');
    expect(detectRegion({ script: 'traditional', texts: hongkongText.split('\n\n') })).toBe('hongkong');
  });

  it('takes 著 in 著名 and 顯著 as everyone’s, and a text without signs as generic', () => {
    expect(regionScores({ script: 'traditional', texts: ['著名作家的著作影響顯著'] }).taiwan).toBe(0);
    expect(detectRegion({ script: 'traditional', texts: ['這是一篇沒有地區特徵的文章。'] })).toBe('generic');
  });

  it('believes the address’s country domain and an outlet named after the place', () => {
    const plain = { script: 'traditional' as const, texts: ['這是一篇沒有地區特徵的文章。'] };
    expect(detectRegion({ ...plain, url: 'https://news.example.com.tw/a/1' })).toBe('taiwan');
    expect(detectRegion({ ...plain, url: 'https://www.example.hk/a/1' })).toBe('hongkong');
    expect(detectRegion({ ...plain, source: '香港電台' })).toBe('hongkong');
    expect(detectRegion({ ...plain, url: 'not a url' })).toBe('generic');
  });

  it('stays generic when the signs disagree', () => {
    expect(detectRegion({ script: 'traditional', texts: ['心裡想著', '佢哋喺度'] })).toBe('generic');
  });
});

describe('detectRegion on long texts (it runs on every import)', () => {
  const plain = '這是一篇沒有地區特徵的文章，內容平常。';
  const paragraphs = (count: number, text: string) => Array.from({ length: count }, () => text);

  it('reads a 5 MB traditional article from a bounded sample: no more than sampleBudget characters', () => {
    const texts = paragraphs(Math.ceil(2_500_000 / taiwanText.length), taiwanText);
    expect(texts.join('').length * 2).toBeGreaterThanOrEqual(5_000_000);
    const scores = regionScores({ script: 'traditional', texts });
    expect(scores.examined).toBeGreaterThan(0);
    expect(scores.examined).toBeLessThanOrEqual(sampleBudget);
    expect(detectRegion({ script: 'traditional', texts })).toBe('taiwan');
  });

  it('looks at the whole of a long article that has few signs, spread from its start to its end', () => {
    const texts = paragraphs(Math.ceil(3_000_000 / plain.length), plain);
    expect(regionScores({ script: 'traditional', texts }).examined).toBe(sampleBudget);
    // Signs only in the last paragraphs of a 3,000,000-character article still count.
    const end = [...texts.slice(0, -3), ...hongkongText.split('\n\n')];
    expect(detectRegion({ script: 'traditional', texts: end })).toBe('hongkong');
    // …and only in its title and first paragraphs.
    const start = [...taiwanText.split('\n\n'), ...texts];
    expect(detectRegion({ script: 'traditional', texts: start })).toBe('taiwan');
  });

  it('reads all of an article under the budget, as before', () => {
    const texts = paragraphs(Math.floor(sampleBudget / plain.length), plain);
    expect(regionScores({ script: 'traditional', texts }).examined).toBe(texts.join('').length);
  });
});

const corpusDir = path.resolve(process.cwd(), '../shared/corpus/articles');
const corpusPresent = fs.existsSync(path.join(corpusDir, 'PROVENANCE.md'));
if (!corpusPresent)
  console.warn(
    `sourceRegion: the development corpus ${corpusDir} is absent, so the real-article region tests are skipped.`,
  );

describe.skipIf(!corpusPresent)('regions of the real Taiwan and Hong Kong articles (../shared/corpus/articles)', () => {
  const regionOf = (file: string) => {
    const { parsed } = prepareFileImport(fs.readFileSync(path.join(corpusDir, file)), file);
    return detectRegion({
      script: parsed.script,
      texts: parsed.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.text),
      url: parsed.metadata.url,
      source: parsed.metadata.source,
    });
  };
  const files = corpusPresent
    ? fs.readdirSync(corpusDir).filter((f) => /^(tw|hk|cn)-/.test(f) && !/\.expected\.|\.json$/.test(f))
    : [];

  it('never gives an article another region than its own, and finds most (the rest are generic)', () => {
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const region = regionOf(file);
      const own = file.startsWith('tw-') ? 'taiwan' : file.startsWith('hk-') ? 'hongkong' : 'mainland';
      (found[`${own}->${region}`] ??= []).push(file);
    }
    const wrong = Object.entries(found).filter(([k]) => {
      const [own, got] = k.split('->');
      return got !== own && got !== 'generic';
    });
    expect(wrong).toEqual([]);
    expect(found['taiwan->taiwan']?.length ?? 0).toBeGreaterThanOrEqual(10);
    expect(found['hongkong->hongkong']?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(found['mainland->mainland']?.length ?? 0).toBe(files.filter((f) => f.startsWith('cn-')).length);
  });
});

describe.skipIf(!corpusPresent)('a reader’s view of the held Taiwan and Hong Kong articles in every mode', () => {
  const held = corpusPresent
    ? fs.readdirSync(corpusDir).filter((f) => /^(tw|hk)-/.test(f) && !/\.expected\.|\.json$/.test(f))
    : [];

  it('is OpenCC’s own conversion for the article’s region (opencc-js, steps chained), with a sound offset map', () => {
    const failures: string[] = [];
    let converted = 0;
    for (const file of held) {
      const { parsed } = prepareFileImport(fs.readFileSync(path.join(corpusDir, file)), file);
      const texts = parsed.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.text);
      const region = detectRegion({
        script: parsed.script,
        texts,
        url: parsed.metadata.url,
        source: parsed.metadata.source,
      });
      if (parsed.script !== 'traditional') continue;
      for (const mode of scriptModes) {
        const converter = createConverter(parsed.script, mode, region);
        const steps = conversionSteps('traditional', region, mode);
        const fns = steps.map(([from, to]) => OpenCC.Converter({ from, to }));
        for (const text of texts) {
          const { text: shown, map } = converter.convert(text);
          const expected = fns.reduce((t, f) => f(t), text);
          if (shown !== expected)
            failures.push(`${file} ${mode}: ${shown.slice(0, 40)} (OpenCC ${expected.slice(0, 40)})`);
          for (const problem of offsetMapProblems(map)) failures.push(`${file} ${mode}: map: ${problem}`);
          if (shown !== text) converted++;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(converted).toBeGreaterThan(100);
  });
});

describe('the region in the library', () => {
  let seeded: SeededLibrary;
  beforeEach(async () => {
    seeded = await openSeededLibrary();
  });
  afterEach(() => seeded.dispose());

  it('is detected at import, shown in the list and the article, and a simplified seed is mainland', () => {
    const outcome = seeded.library.importText(taiwanText, '計程車與網際網路');
    const id = outcome.articleId!;
    expect(seeded.library.getArticle(id)).toMatchObject({
      region: 'taiwan',
      regionDetected: 'taiwan',
      regionCorrected: null,
    });
    expect(seeded.library.listArticles().find((a) => a.id === id)?.region).toBe('taiwan');
    expect(seedArticle(seeded.library, '000').region).toBe('mainland');
  });

  it('takes the person’s correction as one undo step, and a re-clean keeps it', () => {
    const id = seeded.library.importText(taiwanText, '計程車與網際網路').articleId!;
    const corrected = seeded.library.setArticleRegion(id, 'hongkong');
    expect(corrected).toMatchObject({ region: 'hongkong', regionDetected: 'taiwan', regionCorrected: 'hongkong' });
    expect(seeded.library.listArticles().find((a) => a.id === id)?.region).toBe('hongkong');

    seeded.library.recleanArticle(id);
    expect(seeded.library.getArticle(id)).toMatchObject({ region: 'hongkong', regionDetected: 'taiwan' });

    // The re-clean drops the undo history (its rows no longer fit); a fresh correction undoes alone.
    seeded.library.setArticleRegion(id, 'generic');
    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'article.region', articleIds: [id] });
    expect(seeded.library.getArticle(id).region).toBe('hongkong');
    expect(seeded.library.annotations.redo()).toMatchObject({ op: 'article.region' });
    expect(seeded.library.getArticle(id).region).toBe('generic');
    seeded.library.setArticleRegion(id, null);
    expect(seeded.library.getArticle(id)).toMatchObject({ region: 'taiwan', regionCorrected: null });
    expect(seeded.library.verify().ok).toBe(true);
  });

  it('works the region out for an article imported before regions, and stores it when opened', () => {
    const id = seeded.library.importText(hongkongText, '港府新措施').articleId!;
    const db = seeded.library.database();
    db.prepare('UPDATE article SET region_detected = NULL WHERE id = ?').run(id);
    expect(seeded.library.listArticles().find((a) => a.id === id)?.region).toBe('generic');
    expect(seeded.library.getArticle(id).region).toBe('hongkong');
    seeded.library.markOpened(id);
    expect(db.prepare('SELECT region_detected FROM article WHERE id = ?').pluck().get(id)).toBe('hongkong');
    expect(seeded.library.listArticles().find((a) => a.id === id)?.region).toBe('hongkong');
  });

  it('exports a Taiwan article in 简体 with mainland words, as the reader shows it', () => {
    const id = seeded.library.importText(taiwanText, '計程車與網際網路').articleId!;
    const out = path.join(seeded.dir, 'export');
    const { files } = seeded.library.exportMarkdown({
      scope: { article: id },
      outDir: out,
      fullText: true,
      script: 'cn',
    });
    const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('他搭出租车到立法院');
    expect(text).toContain('互联网');
    expect(text).not.toContain('计程车');
  });

  it('refuses a correction for an article that is not there', () => {
    expect(() => seeded.library.setArticleRegion(99999, 'taiwan')).toThrow(/no article 99999/);
  });
});
