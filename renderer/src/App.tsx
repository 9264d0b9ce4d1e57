import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../preload/contract/articleTypes';
import { pizhu, unwrap } from './api/pizhuClient';
import { LibraryPane } from './features/library/LibraryPane';
import { ArticleReader } from './features/reader/ArticleReader';

export function App() {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setArticles(unwrap(await pizhu.listArticles()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    void pizhu.listArticles().then((result) => {
      if (!live) return;
      if (result.ok) setArticles(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const importFiles = useCallback(async () => {
    const result = await pizhu.importFiles();
    if (!result.ok) return setError(result.error.message);
    const failed = result.value.filter((o) => o.status === 'failed');
    setError(failed.length > 0 ? failed.map((o) => o.message).join('\n') : null);
    await refresh();
  }, [refresh]);

  return (
    <div className="app">
      <LibraryPane
        articles={articles}
        selectedId={openId}
        onOpen={setOpenId}
        onImport={() => void importFiles()}
      />
      <main className="reader-pane" aria-label="Reader">
        {error && (
          <div role="alert" className="banner banner-error">
            {error}
            <button type="button" onClick={() => setError(null)} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {openId === null ? (
          <div className="empty-state">
            <p className="empty-title">批注 Pizhu</p>
            <p>Choose an article on the left to start reading.</p>
          </div>
        ) : (
          <ArticleReader key={openId} articleId={openId} onError={setError} />
        )}
      </main>
    </div>
  );
}
