import { useEffect, useId, useState } from 'react';
import { scriptModeLabels, scriptModes, type ScriptMode } from '../../../../preload/common/scriptModes';
import type {
  KeptExportFile,
  MarkdownExportReport,
  MarkdownExportScope,
  MergedExportFile,
} from '../../../../preload/contract/api';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { usePreferences } from '../preferences/PreferencesContext';
import { usePassageScript } from '../tags/usePassageScript';
import { useTagList } from '../tags/useTagList';
import { BackupSection } from './BackupSection';
import { W3cExportButton } from './W3cExportButton';
import { RefiQdaSection } from './RefiQdaSection';
import { exportMessages } from './messages';
import { useExportProgress } from './useExportProgress';
import { ProgressTrack } from '../../ui/ProgressTrack';
import './export.css';

/** Where the dialog was opened from: that scope is chosen first. */
export type ExportStart = { kind: 'library' } | { kind: 'article'; articleId: number } | { kind: 'tag'; tag: string };
/** Or the codebook: every tag with its description, one file. */
type ScopeKind = ExportStart['kind'] | 'codebook';

type Outcome = { report: MarkdownExportReport } | { error: string };

/** What each exported article holds: its annotated paragraphs whole, the highlights alone, or its full text. */
type Content = 'paragraphs' | 'highlights' | 'full';

/** Markdown export (scope, script, content, into the folder main keeps) and the JSON backup, in one dialog. */
export function ExportDialog({ start, onClose }: { start: ExportStart; onClose: () => void }) {
  const t = useMessages(exportMessages);
  const { preferences } = usePreferences();
  const [scope, setScope] = useState<ScopeKind>(start.kind);
  const [tag, setTag] = useState(start.kind === 'tag' ? start.tag : '');
  const tags = useTagList();
  // Article titles in the script mode the person reads each article in, as the library list shows them.
  const showTitle = usePassageScript();
  const [script, setScript] = useState<ScriptMode>(preferences.defaultScriptMode);
  const [chosenContent, setContent] = useState<Content>('paragraphs');
  // A tag's report quotes passages: the full text is for an article or the library.
  const content = scope === 'tag' && chosenContent === 'full' ? 'paragraphs' : chosenContent;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const progress = useExportProgress(busy);
  const progressText = progress
    ? t(progress.rendering ? 'progressRendering' : 'progressWriting', { done: progress.done, total: progress.total })
    : '';
  // Main keeps the export folder; the page only shows it and asks main to change it.
  const [folder, setFolder] = useState<string | null>(null);
  const scriptId = useId();
  const tagId = useId();

  useEffect(() => {
    let live = true;
    void pizhu.getExportFolder().then((result) => {
      if (live && result.ok) setFolder(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const chosenTag = tag || tags[0]?.name || '';
  const target: MarkdownExportScope | null =
    scope === 'article' && start.kind === 'article'
      ? { article: start.articleId }
      : scope === 'tag'
        ? chosenTag === ''
          ? null
          : { tag: chosenTag }
        : scope === 'codebook'
          ? 'codebook'
          : 'library';
  // The codebook lists tags and descriptions: no passages to choose among.
  const passages = scope !== 'codebook';

  const changeFolder = async () => {
    const chosen = await pizhu.chooseExportFolder();
    if (!chosen.ok) return setOutcome({ error: chosen.error.message });
    if (chosen.value !== null) setFolder(chosen.value);
  };

  const run = async () => {
    if (target === null) return;
    setBusy(true);
    setOutcome(null);
    // With no folder kept yet, main asks for one first; null means the person cancelled that.
    const result = await pizhu.exportMarkdown({
      scope: target,
      script,
      highlightsOnly: passages && content === 'highlights',
      fullText: passages && content === 'full',
    });
    setBusy(false);
    if (!result.ok) return setOutcome({ error: result.error.message });
    if (result.value === null) return;
    setOutcome({ report: result.value });
    const kept = await pizhu.getExportFolder();
    if (kept.ok) setFolder(kept.value);
  };

  const scopes: ScopeKind[] =
    start.kind === 'article' ? ['article', 'tag', 'library', 'codebook'] : ['tag', 'library', 'codebook'];
  const scopeLabel = {
    article: 'scopeArticle',
    tag: 'scopeTag',
    library: 'scopeLibrary',
    codebook: 'scopeCodebook',
  } as const;

  return (
    <Dialog title={t('title')} onClose={onClose} className="export-dialog">
      <fieldset className="export-fieldset">
        <legend>{t('scope')}</legend>
        {scopes.map((kind) => (
          <label key={kind} className="export-choice">
            <input type="radio" name="export-scope" checked={scope === kind} onChange={() => setScope(kind)} />
            {t(scopeLabel[kind])}
          </label>
        ))}
        {scope === 'tag' && (
          <>
            <label htmlFor={tagId} className="visually-hidden">
              {t('scopeTag')}
            </label>
            <select id={tagId} className="field" value={chosenTag} onChange={(e) => setTag(e.target.value)}>
              {tags.map((x) => (
                <option key={x.id} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      <div className="export-row">
        <label htmlFor={scriptId}>{t('script')}</label>
        <select
          id={scriptId}
          className="field"
          value={script}
          onChange={(e) => setScript(scriptModes.find((m) => m === e.target.value) ?? 'original')}
        >
          {scriptModes.map((m) => (
            <option key={m} value={m}>
              {scriptModeLabels[m]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="export-fieldset">
        <legend>{t('content')}</legend>
        {contents.map((kind) => (
          <label key={kind} className="export-choice">
            <input
              type="radio"
              name="export-content"
              checked={content === kind}
              disabled={!passages || (kind === 'full' && scope === 'tag')}
              onChange={() => setContent(kind)}
            />
            {t(contentLabel[kind])}
          </label>
        ))}
      </fieldset>
      <div className="export-row export-folder">
        <span>{t('folder')}</span>
        <span className="export-folder-path">{folder ?? t('folderNone')}</span>
        <button type="button" className="button" disabled={busy} onClick={() => void changeFolder()}>
          {t(folder === null ? 'folderChoose' : 'folderChange')}
        </button>
      </div>
      <button type="button" className="button button-primary" disabled={busy || target === null} onClick={() => void run()}>
        {t('run')}
      </button>
      {busy &&
        (progress === null || progress.total === 0 ? (
          <progress className="export-progress" aria-label={t('running')} />
        ) : (
          <div className="export-progress-block">
            <ProgressTrack label={t('running')} done={progress.done} total={progress.total} valueText={progressText} />
            <p className="export-progress-count">{progressText}</p>
          </div>
        ))}
      {outcome &&
        ('error' in outcome ? (
          <p role="alert" className="export-error">
            {outcome.error}
          </p>
        ) : (
          <div role="status" className="export-result">
            <p>{t('written', { count: outcome.report.files.length })}</p>
            <ul className="export-files" aria-label={t('files')}>
              {outcome.report.files.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
            {outcome.report.merged.length > 0 && <MergedFiles merged={outcome.report.merged} />}
            {outcome.report.kept.length > 0 && <KeptFiles kept={outcome.report.kept} />}
            {outcome.report.unannotated.length > 0 && (
              <div className="export-kept">
                <p>{t('unannotated', { count: outcome.report.unannotated.length })}</p>
                <ul aria-label={t('unannotatedFiles')}>
                  {outcome.report.unannotated.map((a) => (
                    <li key={a.articleId}>{showTitle(a.articleId, a.title)}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ))}
      <W3cExportButton />
      <RefiQdaSection />
      <BackupSection />
    </Dialog>
  );
}

const contents: readonly Content[] = ['paragraphs', 'highlights', 'full'];
const contentLabel = { paragraphs: 'wholeParagraphs', highlights: 'highlightsOnly', full: 'fullText' } as const;

const keptReason = {
  'changed-since-export': 'keptChanged',
  'not-written-by-pizhu': 'keptNotOurs',
  'other-library': 'keptOtherLibrary',
} as const;

/**
 * The files an export left as they were, each with why and where Pizhu's version went: stays in
 * the dialog until the next export, because the person has to act on it (compare, merge, delete).
 */
function KeptFiles({ kept }: { kept: readonly KeptExportFile[] }) {
  const t = useMessages(exportMessages);
  return (
    <div className="export-kept">
      <p>{t('kept', { count: kept.length })}</p>
      <ul aria-label={t('keptFiles')}>
        {kept.map((k) => (
          <li key={k.path} title={k.path}>
            <strong className="export-kept-name">{fileName(k.path)}</strong>{' '}
            {t(keptReason[k.reason])}{' '}
            {k.writtenInstead === null ? t('keptNothingInstead') : t('keptInstead', { file: fileName(k.writtenInstead) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The files the export wrote anew around what the person wrote in them (in Obsidian, say), each
 * with what of theirs was kept: the person checks that nothing of theirs went missing.
 */
function MergedFiles({ merged }: { merged: readonly MergedExportFile[] }) {
  const t = useMessages(exportMessages);
  return (
    <div className="export-kept export-merged">
      <p>{t('merged', { count: merged.length })}</p>
      <ul aria-label={t('mergedFiles')}>
        {merged.map((m) => (
          <li key={m.path} title={m.path}>
            <strong className="export-kept-name">{fileName(m.path)}</strong>{' '}
            {[
              m.additions > 0 ? t('mergedAdditions', { count: m.additions }) : '',
              m.editedBlocks > 0 ? t('mergedEdited', { count: m.editedBlocks }) : '',
              m.properties > 0 ? t('mergedProperties', { count: m.properties }) : '',
            ]
              .filter((part) => part !== '')
              .join(t('mergedSeparator'))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The last part of a path main gave (POSIX or Windows): kept files are all in the export folder shown above. */
function fileName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
