import type { ArticleSummary } from '../../../../preload/contract/articleTypes';

interface Props {
  articles: ArticleSummary[] | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onImport: () => void;
}

export function LibraryPane({ articles, selectedId, onOpen, onImport }: Props) {
  return (
    <nav className="library-pane" aria-label="Library">
      <header className="library-header">
        <h1 className="app-name">
          批注 <span>Pizhu</span>
        </h1>
        <button type="button" className="button" onClick={onImport}>
          Import…
        </button>
      </header>
      {articles === null ? (
        <p className="muted">Loading…</p>
      ) : articles.length === 0 ? (
        <p className="muted">The library is empty. Import .txt, .md or .html articles.</p>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {articles.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={a.id === selectedId ? 'article-item selected' : 'article-item'}
                aria-current={a.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(a.id)}
              >
                <span className="article-title" lang={a.script === 'traditional' ? 'zh-Hant' : 'zh-Hans'}>
                  {a.title}
                  {a.titleInferred && (
                    <span className="inferred" title="No title line in the file: this one was inferred">
                      {' '}
                      (inferred)
                    </span>
                  )}
                </span>
                <span className="article-meta">
                  {[a.source, a.publishedAt].filter(Boolean).join(' · ') || 'No source or date'}
                </span>
                <span className="article-counts">
                  {a.paragraphCount} ¶ · {a.highlightCount} highlights · {a.noteCount} notes
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
