import { useEffect, useState } from 'react';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import type { SimilarArticle } from '../../../../preload/contract/duplicateTypes';
import { pizhu } from '../../api/pizhuClient';
import { formatPublishedDate } from '../../i18n/formatPublishedDate';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { useTermOverrides } from '../overrides/overridesStore';
import { usePreferences } from '../preferences/PreferencesContext';
import { displayText } from '../reader/displayText';
import { repostMessages } from './messages';
import './reposts.css';

interface Props {
  similar: readonly SimilarArticle[];
  mode: ScriptMode;
  onCompare: (articleId: number) => void;
  onClose: () => void;
}

/** The other versions of the story, most alike first, each with its outlet, date and similarity. */
export function RepostsDialog({ similar, mode, onCompare, onClose }: Props) {
  const t = useMessages(repostMessages);
  const { preferences } = usePreferences();
  const locale = preferences.uiLocale;
  const overrides = useTermOverrides();
  const [summaries, setSummaries] = useState<ReadonlyMap<number, ArticleSummary>>(new Map());

  useEffect(() => {
    let live = true;
    // Source, date, script and region are the library list's: one call, whatever the number of versions.
    void pizhu.listArticles().then((result) => {
      if (live && result.ok) setSummaries(new Map(result.value.map((a) => [a.id, a])));
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Dialog title={t('listTitle')} onClose={onClose} className="reposts-dialog">
      <p className="reposts-intro">{t('listIntro')}</p>
      <ul className="reposts-list">
        {similar.map((s) => {
          const summary = summaries.get(s.articleId);
          const show = (text: string) =>
            summary
              ? displayText(text, {
                  script: summary.script,
                  region: summary.region,
                  mode,
                  fullWidthPunctuation: preferences.fullWidthPunctuation,
                  overrides,
                }).text
              : text;
          const meta = [
            summary?.source ? show(summary.source) : t('noSource'),
            summary?.publishedAt ? formatPublishedDate(summary.publishedAt, locale) : null,
            s.sameText ? t('sameText') : t('similarity', { percent: Math.round(s.similarity * 100) }),
          ].filter((x): x is string => x !== null);
          return (
            <li key={s.articleId} className="reposts-item">
              <div className="reposts-item-text">
                <span className="reposts-item-title">{show(s.title)}</span>
                <span className="reposts-item-meta">{meta.join(' · ')}</span>
              </div>
              <button
                type="button"
                className="quiet-button reposts-compare"
                aria-label={`${t('compare')}: ${show(s.title)}`}
                onClick={() => onCompare(s.articleId)}
              >
                {t('compare')}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
