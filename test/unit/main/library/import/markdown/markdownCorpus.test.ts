import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphFlags, paragraphKinds } from '../../../../../../preload/contract/articleTypes';
import { prepareFileImport } from '../../../../../../main/library/import/prepareImport';
import { paragraphSeparators, reassembleRaw } from '../../../../../../main/library/import/reassembleRaw';
import { cutRemovals } from '../cutRemovals';

// The development corpus is read in place (never copied into the repo): ../shared/corpus/articles.
const corpusDir = path.resolve(process.cwd(), '../shared/corpus/articles');
const markdownFiles = fs.existsSync(corpusDir)
  ? fs
      .readdirSync(corpusDir)
      .filter((f) => f.endsWith('.md') && f !== 'PROVENANCE.md')
      .sort()
  : [];
if (markdownFiles.length === 0) {
  console.warn(`markdownCorpus: no Markdown files in ${corpusDir} (the development corpus is absent), so these tests are skipped.`);
}

function imported(file: string) {
  return prepareFileImport(fs.readFileSync(path.join(corpusDir, file)), file);
}

describe.skipIf(markdownFiles.length === 0)('real Markdown files (../shared/corpus/articles/*.md)', () => {
  it('lose no character: the paragraphs plus whitespace are the file, each reading text its raw minus its removals', () => {
    for (const file of markdownFiles) {
      const article = imported(file);
      const { paragraphs } = article.parsed;
      expect(reassembleRaw(article.rawText, paragraphs), file).toBe(article.rawText);
      for (const gap of paragraphSeparators(
        article.rawText,
        paragraphs.map((p) => p.raw),
      ))
        expect(gap, file).toMatch(/^\s*$/u);
      for (const p of paragraphs) {
        expect(p.raw.trim(), file).not.toBe('');
        expect(paragraphKinds).toContain(p.kind);
        for (const f of p.flags) expect(paragraphFlags).toContain(f);
        let previousEnd = 0;
        for (const r of p.removals) {
          expect(r.start, file).toBeGreaterThanOrEqual(previousEnd);
          expect(r.end, file).toBeGreaterThan(r.start);
          expect(r.text, file).toBe(p.raw.slice(r.start, r.end));
          previousEnd = r.end;
        }
        expect(p.text, file).toBe(cutRemovals(p.raw, p.removals));
      }
    }
  });

  it('show no front matter, shortcode, raw HTML or link syntax as text, and take the title from the front matter', () => {
    for (const file of markdownFiles) {
      const article = imported(file);
      const shown = article.parsed.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.text);
      for (const text of shown) {
        expect(text, file).not.toMatch(/^(?:title|source|author|date|url|original_url|published|created|tags):/mu);
        expect(text, file).not.toMatch(/\{\{[<%]|\{%|<\/?(?:figure|img|iframe|audio|video)\b|\]\(https?:|!\[/u);
      }
      const front = article.parsed.paragraphs[0];
      expect(front?.raw.startsWith('---'), file).toBe(true);
      expect(front?.kind, file).toBe('boilerplate');
      expect(front?.flags, file).toContain('markup');
      const title = /^title:\s*"?(.*?)"?\s*$/mu.exec(front?.raw ?? '')?.[1] ?? '';
      expect(article.parsed.metadata.title, file).not.toMatch(/^title:/u);
      // The front matter's title, less a site suffix the page's own headline leaves off.
      expect(title.startsWith(article.parsed.metadata.title), file).toBe(true);
      expect(article.parsed.metadata.titleInferred, file).toBe(false);
    }
  });
});
