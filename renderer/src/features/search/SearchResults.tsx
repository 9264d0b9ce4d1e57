import type { KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../preload/contract/api';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { useTermOverrides } from '../overrides/overridesStore';
import { usePreferences } from '../preferences/PreferencesContext';
import { displayText } from '../reader/displayText';
import { hitSnippet } from './hitSnippet';
import { MarkedSnippet } from './MarkedSnippet';
import { searchMessages } from './messages';

interface ArticleHits {
  articleId: number;
  title: string;
  archived: boolean;
  hits: SearchHit[];
}

/** Hits come best first; each article's group sits where its best hit ranked. */
function groupByArticle(hits: readonly SearchHit[]): ArticleHits[] {
  const groups = new Map<number, ArticleHits>();
  for (const hit of hits) {
    const group = groups.get(hit.articleId);
    if (group) group.hits.push(hit);
    else {
      const { articleId, articleTitle: title, articleArchived: archived } = hit;
      groups.set(articleId, { articleId, title, archived, hits: [hit] });
    }
  }
  return [...groups.values()];
}

/** Up and down arrows walk the hits; Escape goes back to the box. */
function moveFocus(event: KeyboardEvent<HTMLElement>, onEscape: () => void) {
  if (event.key === 'Escape') return onEscape();
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.search-hit')];
  const at = buttons.findIndex((b) => b === document.activeElement);
  const next = buttons[event.key === 'ArrowDown' ? at + 1 : Math.max(0, at - 1)];
  next?.focus();
}

export function SearchResults({ hits, onEscape }: { hits: readonly SearchHit[]; onEscape: () => void }) {
  const t = useMessages(searchMessages);
  const { openArticle } = useNavigation();
  const { preferences } = usePreferences();
  const overrides = useTermOverrides();
  if (hits.length === 0) return null;
  return (
    <div className="search-results" role="group" aria-label={t('results')} onKeyDown={(e) => moveFocus(e, onEscape)}>
      {groupByArticle(hits).map((group) => {
        const mode = preferences.scriptModeByArticle[String(group.articleId)] ?? preferences.defaultScriptMode;
        const options = { mode, fullWidthPunctuation: preferences.fullWidthPunctuation, overrides };
        // The title as the reader shows it, like the snippets under it (a Taiwan 計程車 reads 出租车 in 简体).
        const [first] = group.hits;
        const title = first
          ? displayText(group.title, { ...options, script: first.articleScript, region: first.articleRegion }).text
          : group.title;
        return (
          <section key={group.articleId} className="search-group" aria-label={title}>
            <h3 className="search-article">
              {title}
              {/* Archived articles are out of the default list, so a hit says where it comes from. */}
              {group.archived && <span className="search-archived-badge">{t('archivedHit')}</span>}
            </h3>
            <ol className="search-hits">
              {group.hits.map((hit) => (
                <li key={`${hit.kind}${hit.paragraphId}-${hit.highlightId ?? ''}`}>
                  <button
                    type="button"
                    className="search-hit"
                    onClick={() =>
                      void openArticle(hit.articleId, hit.paragraphId, hit.kind === 'paragraph' ? hit.matches : null)
                    }
                  >
                    <span className="search-where">
                      {t('paragraphNumber', { order: hit.paragraphOrder + 1 })}
                      {hit.kind === 'note' && <span className="search-note-badge">{t('noteHit')}</span>}
                      {hit.kind === 'comment' && <span className="search-note-badge">{t('commentHit')}</span>}
                    </span>
                    <MarkedSnippet parts={hitSnippet(hit, options)} />
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
