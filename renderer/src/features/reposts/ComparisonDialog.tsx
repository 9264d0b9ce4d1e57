import { useEffect, useState, type ReactNode } from 'react';
import { rangeToConverted } from '../../../../preload/common/offsetMap';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type {
  ChangedRange,
  ComparedParagraph,
  ComparedVersion,
  ComparisonRow,
  VersionComparison,
} from '../../../../preload/contract/compareTypes';
import { pizhu } from '../../api/pizhuClient';
import { formatPublishedDate } from '../../i18n/formatPublishedDate';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { Dialog } from '../../ui/Dialog';
import { useTermOverrides } from '../overrides/overridesStore';
import { usePreferences } from '../preferences/PreferencesContext';
import { displayLang, type DisplayOptions } from '../reader/displayText';
import { repostMessages } from './messages';
import { versionText } from './versionText';
import './reposts.css';

interface Props {
  /** The open article: version A, on the left. */
  left: number;
  right: number;
  mode: ScriptMode;
  onClose: () => void;
}

type Side = 'A' | 'B';

/**
 * Two versions side by side, paragraph by paragraph: what each outlet added (only in one
 * column), cut, or changed (the characters struck through or underlined, named in a legend, so
 * colour is never the only sign). A paragraph opens its article there.
 */
export function ComparisonDialog({ left, right, mode, onClose }: Props) {
  const t = useMessages(repostMessages);
  const { preferences } = usePreferences();
  const overrides = useTermOverrides();
  const { openArticle } = useNavigation();
  const [state, setState] = useState<{ comparison: VersionComparison } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    void pizhu.compareArticles({ left, right }).then((result) => {
      if (live) setState(result.ok ? { comparison: result.value } : { error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [left, right]);

  const open = (articleId: number, paragraph: ComparedParagraph) => {
    onClose();
    void openArticle(articleId, paragraph.id);
  };

  return (
    <Dialog title={t('compareTitle')} onClose={onClose} className="compare-dialog">
      {state === null && <p role="status">{t('loading')}</p>}
      {state && 'error' in state && (
        <p role="alert" className="dialog-message error">
          {state.error}
        </p>
      )}
      {state && 'comparison' in state && (
        <ComparisonTable
          comparison={state.comparison}
          options={{ mode, fullWidthPunctuation: preferences.fullWidthPunctuation, overrides }}
          onOpen={open}
        />
      )}
    </Dialog>
  );
}

interface TableProps {
  comparison: VersionComparison;
  options: Omit<DisplayOptions, 'script' | 'region'>;
  onOpen: (articleId: number, paragraph: ComparedParagraph) => void;
}

function ComparisonTable({ comparison, options, onOpen }: TableProps) {
  const t = useMessages(repostMessages);
  const { counts, left, right } = comparison;
  return (
    <div className="compare">
      <p className="compare-summary">{t('summary', { ...counts })}</p>
      {(left.hiddenCount > 0 || right.hiddenCount > 0) && (
        <p className="compare-note">{t('hiddenLeftOut', { left: left.hiddenCount, right: right.hiddenCount })}</p>
      )}
      {comparison.capped && <p className="compare-note">{t('capped')}</p>}
      <p className="compare-legend">
        <span>{t('legend')}</span>
        <span>
          <del>字</del> {t('legendCut')}
        </span>
        <span>
          <ins>字</ins> {t('legendAdded')}
        </span>
      </p>
      <table className="compare-table">
        <thead>
          <tr>
            <VersionHeading version={left} side="A" options={options} />
            <VersionHeading version={right} side="B" options={options} />
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row, i) => (
            <tr key={i} className={`compare-row compare-row-${row.kind}`}>
              <Cell row={row} side="A" version={left} options={options} onOpen={onOpen} />
              <Cell row={row} side="B" version={right} options={options} onOpen={onOpen} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionHeading({
  version,
  side,
  options,
}: {
  version: ComparedVersion;
  side: Side;
  options: Omit<DisplayOptions, 'script' | 'region'>;
}) {
  const { preferences } = usePreferences();
  const show = (text: string) => versionText(text, version, options).text;
  const meta = [
    version.source && show(version.source),
    version.publishedAt && formatPublishedDate(version.publishedAt, preferences.uiLocale),
  ].filter(Boolean);
  return (
    <th scope="col" className="compare-heading" lang={displayLang(version.script, options.mode)}>
      <span className="compare-side">{side}</span>
      <span className="compare-heading-title">{show(version.title)}</span>
      {meta.length > 0 && <span className="compare-heading-meta">{meta.join(' · ')}</span>}
    </th>
  );
}

interface CellProps {
  row: ComparisonRow;
  side: Side;
  version: ComparedVersion;
  options: Omit<DisplayOptions, 'script' | 'region'>;
  onOpen: (articleId: number, paragraph: ComparedParagraph) => void;
}

function Cell({ row, side, version, options, onOpen }: CellProps) {
  const t = useMessages(repostMessages);
  const paragraph = side === 'A' ? row.left : row.right;
  if (!paragraph) {
    return (
      <td className="compare-cell compare-gap">
        <span className="compare-badge">{t('notIn', { side })}</span>
      </td>
    );
  }
  const badge =
    row.kind === 'changed'
      ? t('changed')
      : row.kind === 'only-left' || row.kind === 'only-right'
        ? t('onlyIn', { side })
        : null;
  const moved = side === 'B' && row.moved ? t('moved', { side, order: paragraph.position }) : null;
  const { text, map } = versionText(paragraph.text, version, options);
  const ranges = (side === 'A' ? row.leftChanges : row.rightChanges).map((r) => rangeToConverted(map, r));
  return (
    <td className="compare-cell" lang={displayLang(version.script, options.mode)}>
      <button
        type="button"
        className="compare-paragraph"
        title={t('openAt', { side })}
        onClick={() => onOpen(version.articleId, paragraph)}
      >
        {(badge || moved) && (
          <span className="compare-badges">
            {badge && <span className="compare-badge">{badge}</span>}
            {moved && <span className="compare-badge">{moved}</span>}
          </span>
        )}
        <Marked text={text} ranges={ranges} as={side === 'A' ? 'del' : 'ins'} />
      </button>
    </td>
  );
}

/** The text with its changed characters in <del> (A's, which B lacks) or <ins> (B's, which A lacks). */
function Marked({ text, ranges, as }: { text: string; ranges: readonly ChangedRange[]; as: 'del' | 'ins' }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start));
    const Mark = as;
    parts.push(<Mark key={i}>{text.slice(Math.max(at, r.start), r.end)}</Mark>);
    at = Math.max(at, r.end);
  });
  if (at < text.length) parts.push(text.slice(at));
  return <span className="compare-text">{parts}</span>;
}
