import { useEffect, useState } from 'react';
import type { TaggedPassage } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { tagMessages } from './messages';
import { passageExcerpt } from './passageExcerpt';
import { BackIcon } from './TagIcons';
import { usePassageScript } from './usePassageScript';
import { useTagScript } from './useTagScript';
import { ExportButton } from '../export/ExportButton';

interface ArticleGroup {
  articleId: number;
  title: string;
  archived: boolean;
  passages: TaggedPassage[];
}

/** Passages arrive in article then paragraph order; runs of one article become one group. */
function groupByArticle(passages: readonly TaggedPassage[]): ArticleGroup[] {
  const groups: ArticleGroup[] = [];
  for (const passage of passages) {
    const last = groups[groups.length - 1];
    if (last && last.articleId === passage.articleId) last.passages.push(passage);
    else {
      const { articleId, articleTitle: title, articleArchived: archived } = passage;
      groups.push({ articleId, title, archived, passages: [passage] });
    }
  }
  return groups;
}

/** One tag across the library: every passage with it (or a tag nested under it), each with its paragraph. */
export function TagPassages({ tag }: { tag: string }) {
  const t = useMessages(tagMessages);
  const { version } = useLibraryEvents();
  const { showSidePanel } = useNavigation();
  const [loaded, setLoaded] = useState<{ tag: string; passages: TaggedPassage[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void pizhu.listTaggedPassages({ tag }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setLoaded({ tag, passages: result.value });
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [tag, version]);

  const shown = usePassageScript();
  const shownTag = useTagScript();
  const passages = loaded?.tag === tag ? loaded.passages : null;
  const count = passages?.length ?? 0;

  return (
    <div className="tag-passages">
      <header className="side-panel-header">
        <button type="button" className="side-panel-back" onClick={() => showSidePanel({ kind: 'tags' })}>
          <BackIcon /> {t('allTags')}
        </button>
        <h2 className="side-panel-title tag-passages-title" title={shownTag(tag) === tag ? undefined : tag}>
          {shownTag(tag)}
        </h2>
        {passages && <p className="tag-passages-count">{t('passageCount', { count })}</p>}
        <ExportButton start={{ kind: 'tag', tag }} />
      </header>
      {error && (
        <p role="alert" className="tag-status tag-status-error">
          {error}
        </p>
      )}
      {passages === null ? (
        !error && <p className="side-panel-note">{t('loading')}</p>
      ) : passages.length === 0 ? (
        <p className="side-panel-note">{t('noPassages')}</p>
      ) : (
        groupByArticle(passages).map((group) => (
          <ArticlePassages key={group.articleId} tag={tag} group={group} shown={shown} />
        ))
      )}
    </div>
  );
}

interface ArticlePassagesProps {
  tag: string;
  group: ArticleGroup;
  /** The article's text in the reader's script mode for it. */
  shown: (articleId: number, text: string) => string;
}

function ArticlePassages({ tag, group: canonical, shown }: ArticlePassagesProps) {
  const t = useMessages(tagMessages);
  const { openArticle } = useNavigation();
  const show = (text: string) => shown(canonical.articleId, text);
  const group = { ...canonical, title: show(canonical.title) };
  return (
    <section className="passage-group" aria-label={group.title}>
      <h3 className="passage-article">
        {group.title}
        {/* Out of the default list but still counted: the view says where the passages come from. */}
        {group.archived && <span className="passage-archived">{t('archivedArticle')}</span>}
      </h3>
      <ol className="passage-list">
        {group.passages.map((passage) => {
          const cut = passageExcerpt(passage);
          const excerpt = { before: show(cut.before), marked: show(cut.marked), after: show(cut.after) };
          const orphan = passage.highlight !== null && passage.highlight.paragraphId === null;
          const where =
            passage.paragraphOrder === null ? '' : t('paragraphNumber', { order: passage.paragraphOrder + 1 });
          const key = passage.highlight ? `h${passage.highlight.id}` : `p${passage.paragraphId ?? 0}`;
          return (
            <li key={key} className={orphan ? 'passage passage-orphan' : 'passage'}>
              <blockquote className="passage-text" lang="zh">
                {excerpt.before}
                {excerpt.marked && (
                  <mark className={`passage-mark passage-mark-${passage.highlight?.color ?? 'yellow'}`}>
                    {excerpt.marked}
                  </mark>
                )}
                {excerpt.after}
              </blockquote>
              <div className="passage-meta">
                <span className="passage-where">
                  {[where, passage.highlight ? '' : t('wholeParagraph'), passage.tag !== tag ? `#${passage.tag}` : '']
                    .filter(Boolean)
                    .map((part) => (
                      <span key={part} className="passage-where-part">
                        {part}
                      </span>
                    ))}
                </span>
                {orphan && <span className="passage-unplaced">{t('unplaced')}</span>}
                <button
                  type="button"
                  className="button passage-jump"
                  aria-label={
                    where ? t('jumpLabel', { title: group.title, where }) : t('jumpArticle', { title: group.title })
                  }
                  onClick={() => void openArticle(passage.articleId, passage.paragraphId)}
                >
                  {t('jump')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
