import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { tagDescriptionParts } from '../../../../preload/contract/codebookTypes';
import { DescribeTagDialog } from '../codebook/DescribeTagDialog';
import { codebookMessages } from '../codebook/messages';
import { tagMessages } from './messages';
import { buildTagTree, foldTagName, renameCollisions, tidyTagName, type TagTreeNode } from './tagTree';
import { TagTreeList, type Editing, type TagTreeActions } from './TagTreeList';
import { useTagActions } from './useTagActions';

type Confirming =
  | { kind: 'delete'; node: TagTreeNode; nested: number }
  | { kind: 'merge-by-rename'; from: string; to: string; moving: string; existing: string };

const countNested = (node: TagTreeNode): number =>
  node.children.reduce((sum, child) => sum + 1 + countNested(child), 0);

/** Every tag as a tree with counts (a parent counts what is nested under it); rename, merge, delete. */
export function TagPane() {
  const t = useMessages(tagMessages);
  const { version } = useLibraryEvents();
  const { showSidePanel } = useNavigation();
  const [tags, setTags] = useState<TagSummary[] | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [describing, setDescribing] = useState<TagSummary | null>(null);
  const c = useMessages(codebookMessages);
  const { status, setStatus, apply, undo } = useTagActions(setTags);

  useEffect(() => {
    let live = true;
    void pizhu.listTags().then((result) => {
      if (!live) return;
      if (result.ok) setTags(result.value);
      else setStatus({ kind: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [version, setStatus]);

  const tree = useMemo(() => buildTagTree(tags ?? []), [tags]);

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
    tags: tags ?? [],
    collapsed,
    editing,
    onToggle: (name) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    onEdit: (next) => {
      setEditing(next);
      setStatus(null);
    },
    onOpen: (name) => showSidePanel({ kind: 'tag', tag: name }),
    onRename: (from, typed) => {
      const to = tidyTagName(typed);
      if (to === from) return setEditing(null);
      const collision = renameCollisions(tags ?? [], from, to)[0];
      // Renaming onto a name already in use merges the two: ask first.
      if (collision !== undefined) setConfirming({ kind: 'merge-by-rename', from, to, ...collision });
      else void rename(from, to, false);
    },
    onMerge: (from, into) => {
      void apply(pizhu.mergeTags({ from, into }), t('merged', { from, to: into }), 'tag.merge').then((done) => {
        if (done) setEditing(null);
      });
    },
    onDelete: (node) => setConfirming({ kind: 'delete', node, nested: countNested(node) }),
    onDescribe: (node) => {
      setStatus(null);
      setDescribing(node.tag);
    },
  };

  const confirm = () => {
    if (!confirming) return;
    setConfirming(null);
    if (confirming.kind === 'delete') {
      const { name } = confirming.node.tag;
      void apply(pizhu.deleteTag({ name }), t('deleted', { name }), 'tag.delete');
    } else {
      const { from, to } = confirming;
      // Main reports a merge when the new name itself is taken; a clash only among nested tags stays a rename.
      const merging = (tags ?? []).some((tag) => foldTagName(tag.name) === foldTagName(to));
      void rename(from, to, merging);
    }
  };

  return (
    <div className="tag-pane">
      <header className="side-panel-header">
        <h2 className="side-panel-title">{t('tagsPanel')}</h2>
      </header>
      {tags === null ? (
        <p className="side-panel-note">{t('loading')}</p>
      ) : tags.length === 0 ? (
        <p className="side-panel-note">{t('noTags')}</p>
      ) : (
        <TagTreeList nodes={tree} label={t('tagTree')} actions={actions} />
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
          title={t('deleteTitle', { name: confirming.node.tag.name })}
          confirmLabel={t('deleteButton')}
          cancelLabel={t('cancel')}
          destructive
          onConfirm={confirm}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {t('deleteBody', { count: confirming.node.tag.totalCount })}
            {confirming.nested > 0 && ` ${t('deleteNested', { count: confirming.nested })}`}
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
