import { useState } from 'react';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { ExportButton } from '../export/ExportButton';
import { ReadingAidMenu } from '../reading/ReadingAidMenu';
import { RepostsButton } from '../reposts/RepostsButton';
import { EditDetailsDialog } from './EditDetailsDialog';
import { readerMessages } from './messages';
import { RegionMenu } from './RegionMenu';
import { ScriptModeBar } from './ScriptModeBar';

interface Props {
  article: ArticleView;
  /** Shows a line (title, subtitle) in the display script. */
  display: (text: string) => string;
  mode: ScriptMode;
  onMode: (mode: ScriptMode) => void;
  hiddenCount: number;
  showHidden: boolean;
  onToggleHidden: () => void;
  onArticle: (view: ArticleView) => void;
  onError: (message: string) => void;
}

/** Title block with metadata, the script mode bar and source region, Edit details and the hidden-lines toggle. */
export function ArticleHeader({
  article,
  display,
  mode,
  onMode,
  hiddenCount,
  showHidden,
  onToggleHidden,
  onArticle,
  onError,
}: Props) {
  const t = useMessages(readerMessages);
  const [editing, setEditing] = useState(false);
  const { metadata } = article;

  return (
    <>
      {/* Beside the header, not in it: a sticky bar sticks only within its parent (the article). */}
      <div className="article-toolbar">
        <ScriptModeBar mode={mode} onChange={onMode} />
        <RegionMenu article={article} onArticle={onArticle} onError={onError} />
        <ReadingAidMenu articleId={article.id} />
        <div className="article-tools">
          <button type="button" className="quiet-button" onClick={() => setEditing(true)}>
            {t('editDetails')}
          </button>
          <ExportButton start={{ kind: 'article', articleId: article.id }} className="quiet-button" />
          <RepostsButton articleId={article.id} mode={mode} />
        </div>
      </div>
      <header className="article-header">
        <h2 id="article-title" className="article-heading">
          {display(metadata.title)}
        </h2>
        {metadata.titleInferred && <p className="flag-note">{t('titleInferred')}</p>}
        {metadata.subtitle && <p className="article-subtitle">{display(metadata.subtitle)}</p>}
        <dl className="article-metadata">
          {/* Source and author are the article's words too: shown in its script mode, as the title is. */}
          {metadata.source && <MetaItem label={t('source')} value={display(metadata.source)} />}
          {metadata.author && <MetaItem label={t('author')} value={display(metadata.author)} />}
          {metadata.publishedAt && <MetaItem label={t('date')} value={metadata.publishedAt} />}
          {metadata.url && <MetaItem label={t('link')} value={metadata.url} />}
        </dl>
        {hiddenCount > 0 && (
          <button type="button" className="quiet-toggle" aria-pressed={showHidden} onClick={onToggleHidden}>
            {showHidden ? t('hideCleanedLines', { count: hiddenCount }) : t('hiddenLines', { count: hiddenCount })}
          </button>
        )}
        {editing && <EditDetailsDialog article={article} onSaved={onArticle} onClose={() => setEditing(false)} />}
      </header>
    </>
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
