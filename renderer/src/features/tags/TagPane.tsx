import { useCallback, useState } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import type { TagLevelRow } from '../../../../preload/contract/tagLevelTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { tagDescriptionParts } from '../../../../preload/contract/codebookTypes';
import { DescribeTagDialog } from '../codebook/DescribeTagDialog';
import { codebookMessages } from '../codebook/messages';
import { tagMessages } from './messages';
import { foldTagName, renameCollisions, tidyTagName } from './tagTree';
import { TagTreeList, type Editing, type TagTreeActions } from './TagTreeList';
import { useTagActions } from './useTagActions';
import { useTagLevel } from './useTagLevel';

type Confirming =
  | { kind: 'delete'; row: TagLevelRow }
  | { kind: 'merge-by-rename'; from: string; to: string; moving: string; existing: string; merging: boolean };

/**
 * Every tag as a tree with counts (a parent counts what is nested under it); rename, merge,
 * delete. Each level comes from main a page at a time (useTagLevel): at 5,000 tags the pane
 * shows the first hundred of a level and more on request, never the whole tree at once.
 */
export function TagPane() {
  const t = useMessages(tagMessages);
  const { showSidePanel } = useNavigation();
  const top = useTagLevel('');
  // Every tag, asked for only when a merge or a rename needs to know the other names.
  const [tags, setTags] = useState<TagSummary[] | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [describing, setDescribing] = useState<TagSummary | null>(null);
  const c = useMessages(codebookMessages);
  const { status, setStatus, apply, undo } = useTagActions();

  const allTags = useCallback(async (): Promise<TagSummary[] | null> => {
    const result = await pizhu.listTags();
    if (!result.ok) {
      setStatus({ kind: 'error', message: result.error.message });
      return null;
    }
    setTags(result.value);
    return result.value;
  }, [setStatus]);

  const rename = useCallback(
    async (from: string, to: string, merging: boolean) => {
      const done = await apply(
        pizhu.renameTag({ from, to }),
        merging ? t('merged', { from, to }) : t('renamed', { from, to }),
        merging ? 'tag.merge' : 'tag.rename',
      );
      if (done) setEditing(null);
    },
    [apply, t],
  );

  const actions: TagTreeActions = {
    tags,
    collapsed,
    editing,
    onToggle: (name) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    onEdit: (next) => {
      setStatus(null);
      if (next?.mode !== 'merge') return setEditing(next);
      // The merge form offers every other tag: fetched now, fresh.
      setTags(null);
      setEditing(next);
      void allTags();
    },
    onOpen: (name) => showSidePanel({ kind: 'tag', tag: name }),
    onRename: (from, typed) => {
      const to = tidyTagName(typed);
      if (to === from) return setEditing(null);
      void allTags().then((every) => {
        if (!every) return;
        const collision = renameCollisions(every, from, to)[0];
        // Main reports a merge when the new name itself is taken; a clash only among nested tags stays a rename.
        const merging = every.some((tag) => foldTagName(tag.name) === foldTagName(to));
        // Renaming onto a name already in use merges the two: ask first.
        if (collision !== undefined) setConfirming({ kind: 'merge-by-rename', from, to, ...collision, merging });
        else void rename(from, to, false);
      });
    },
    onMerge: (from, into) => {
      void apply(pizhu.mergeTags({ from, into }), t('merged', { from, to: into }), 'tag.merge').then((done) => {
        if (done) setEditing(null);
      });
    },
    onDelete: (row) => setConfirming({ kind: 'delete', row }),
    onDescribe: (row) => {
      setStatus(null);
      setDescribing(row.tag);
    },
  };

  const confirm = () => {
    if (!confirming) return;
    setConfirming(null);
    if (confirming.kind === 'delete') {
      const { name } = confirming.row.tag;
      void apply(pizhu.deleteTag({ name }), t('deleted', { name }), 'tag.delete');
    } else {
      void rename(confirming.from, confirming.to, confirming.merging);
    }
  };

  return (
    <div className="tag-pane">
      <header className="side-panel-header">
        <h2 className="side-panel-title">{t('tagsPanel')}</h2>
      </header>
      {top.error !== null && top.rows === null ? (
        <p className="side-panel-note">{top.error}</p>
      ) : top.rows === null ? (
        <p className="side-panel-note">{t('loading')}</p>
      ) : top.rows.length === 0 ? (
        <p className="side-panel-note">{t('noTags')}</p>
      ) : (
        <TagTreeList level={top} label={t('tagTree')} actions={actions} />
      )}
      <div role="status" className={status?.kind === 'error' ? 'tag-status tag-status-error' : 'tag-status'}>
        {status && <span>{status.message}</span>}
        {status?.kind === 'done' && (
          <button
            type="button"
            className="button tag-undo"
            onClick={() => void undo(status.undoOp, t('undone'), t('undoOther'))}
          >
            {t('undo')}
          </button>
        )}
      </div>
      {describing && (
        <DescribeTagDialog
          tag={describing}
          onClose={() => setDescribing(null)}
          onSave={async (description) => {
            const { name } = describing;
            const empty = tagDescriptionParts.every((part) => description[part].trim() === '');
            const result = await pizhu.describeTag({ tag: name, description });
            if (!result.ok) return result.error.message;
            setDescribing(null);
            await apply(Promise.resolve(result), c(empty ? 'cleared' : 'described', { name }), 'tag.describe');
            return null;
          }}
        />
      )}
      {confirming?.kind === 'delete' && (
        <ConfirmDialog
          title={t('deleteTitle', { name: confirming.row.tag.name })}
          confirmLabel={t('deleteButton')}
          cancelLabel={t('cancel')}
          destructive
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {t('deleteBody', { count: confirming.row.tag.totalCount })}
            {confirming.row.nested > 0 && ` ${t('deleteNested', { count: confirming.row.nested })}`}
          </p>
          <p>{t('undoable')}</p>
        </ConfirmDialog>
      )}
      {confirming?.kind === 'merge-by-rename' && (
        <ConfirmDialog
          title={t('mergeTitle')}
          confirmLabel={t('mergeButton')}
          cancelLabel={t('cancel')}
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('mergeBody', { from: confirming.moving, to: confirming.existing })}</p>
          <p>{t('undoable')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
