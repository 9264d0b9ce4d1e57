import { useEffect, useState } from 'react';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { ParagraphBlock } from './ParagraphBlock';
import { groupHiddenRuns } from './groupHiddenRuns';

interface Props {
  articleId: number;
  focusParagraphId: number | null;
  onError: (message: string) => void;
}

export function ArticleReader({ articleId, onError }: Props) {
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [showHidden, setShowHidden] = useState(false);

  useEffect(() => {
    let live = true;
    void pizhu.getArticle({ articleId }).then((result) => {
      if (!live) return;
      if (result.ok) setArticle(result.value);
      else onError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [articleId, onError]);

  if (!article) return <p className="muted reader-loading">Loading…</p>;
  const { metadata } = article;
  const lang = article.script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
  const hiddenCount = article.paragraphs.filter((p) => p.kind === 'boilerplate').length;

  return (
    <article className="article" lang={lang} aria-labelledby="article-title">
      <header className="article-header">
        <h2 id="article-title" className="article-heading">
          {metadata.title}
        </h2>
        {metadata.titleInferred && <p className="flag-note">Title inferred: the file has no title line.</p>}
        {metadata.subtitle && <p className="article-subtitle">{metadata.subtitle}</p>}
        <dl className="article-metadata">
          {metadata.source && <MetaItem label="Source" value={metadata.source} />}
          {metadata.author && <MetaItem label="Author" value={metadata.author} />}
          {metadata.publishedAt && <MetaItem label="Date" value={metadata.publishedAt} />}
          {metadata.url && <MetaItem label="Link" value={metadata.url} />}
        </dl>
        {hiddenCount > 0 && (
          <button type="button" className="quiet-toggle" aria-pressed={showHidden} onClick={() => setShowHidden((v) => !v)}>
            {showHidden ? `Hide ${hiddenCount} cleaned lines` : `${hiddenCount} hidden lines`}
          </button>
        )}
      </header>
      <div className="paragraphs">
        {groupHiddenRuns(article.paragraphs).map((run) => {
          const first = run.paragraphs[0];
          if (!first) return null;
          if (run.hidden && !showHidden) {
            return (
              <button key={`hidden-${first.id}`} type="button" className="hidden-run" onClick={() => setShowHidden(true)}>
                {run.paragraphs.length} hidden {run.paragraphs.length === 1 ? 'line' : 'lines'}
              </button>
            );
          }
          return (
            <div key={`run-${first.id}`} className={run.hidden ? 'run run-hidden' : 'run'}>
              {run.paragraphs
                // The title is shown once, in the header.
                .filter((p) => !(p.kind === 'title' && p.text.trim() === metadata.title))
                .map((p) => (
                  <ParagraphBlock key={p.id} paragraph={p} />
                ))}
            </div>
          );
        })}
      </div>
    </article>
  );
}

function MetaItem({ label, value }: { label: string; value: string }) {
  return (
    <div className="meta-item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
