import { useId, type ReactNode } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import type { TagLevelRow } from '../../../../preload/contract/tagLevelTypes';
import { useMessages } from '../../i18n/useMessages';
import { codebookMessages } from '../codebook/messages';
import { DescribeIcon, TagDescriptionMark, TagDescriptionTip } from '../codebook/TagDescriptionTip';
import { MergeTagForm } from './MergeTagForm';
import { tagMessages } from './messages';
import { RenameTagForm } from './RenameTagForm';
import { ChevronIcon, DeleteIcon, MergeIcon, RenameIcon } from './TagIcons';
import { tagLevelRows, useTagLevel, type TagLevel } from './useTagLevel';
import { useTagScript } from './useTagScript';

/** Which tag is being renamed or merged, in place. */
export interface Editing {
  name: string;
  mode: 'rename' | 'merge';
}

export interface TagTreeActions {
  /** Every tag, fetched when a merge needs its targets; null meanwhile. */
  tags: readonly TagSummary[] | null;
  collapsed: ReadonlySet<string>;
  editing: Editing | null;
  onToggle: (name: string) => void;
  onEdit: (editing: Editing | null) => void;
  onOpen: (name: string) => void;
  onRename: (from: string, to: string) => void;
  onMerge: (from: string, into: string) => void;
  onDelete: (row: TagLevelRow) => void;
  /** Opens the tag's codebook description to write (features/codebook). */
  onDescribe: (row: TagLevelRow) => void;
}

/**
 * One level of the tag tree as main pages it (useTagLevel); nested levels render themselves
 * inside their parent's item, each asking for its own first page when it is shown open.
 */
export function TagTreeList({ level, label, actions }: { level: TagLevel; label?: string; actions: TagTreeActions }) {
  const t = useMessages(tagMessages);
  const rows = level.rows ?? [];
  const left = level.total - rows.length;
  return (
    <ul className="tag-tree" aria-label={label}>
      {rows.map((row) => (
        <TagTreeItem key={row.tag.id} row={row} actions={actions} />
      ))}
      {left > 0 && (
        <li className="tag-more-item">
          <button type="button" className="tag-more" onClick={level.more}>
            {t('showMore', { count: Math.min(left, tagLevelRows), shown: rows.length, total: level.total })}
          </button>
        </li>
      )}
    </ul>
  );
}

/** A nested level, fetched when its parent is shown open. */
function NestedLevel({ parent, actions }: { parent: string; actions: TagTreeActions }) {
  const level = useTagLevel(parent);
  return <TagTreeList level={level} actions={actions} />;
}

function TagTreeItem({ row, actions }: { row: TagLevelRow; actions: TagTreeActions }) {
  const t = useMessages(tagMessages);
  const c = useMessages(codebookMessages);
  const shown = useTagScript();
  const tipId = useId();
  const { name, totalCount, description } = row.tag;
  const open = !actions.collapsed.has(name);
  const editing = actions.editing?.name === name ? actions.editing.mode : null;
  const hasChildren = row.children > 0;

  return (
    <li className="tag-node">
      <div className={editing ? 'tag-row editing' : 'tag-row'}>
        {hasChildren ? (
          <button
            type="button"
            className="tag-twisty"
            aria-expanded={open}
            aria-label={t(open ? 'collapse' : 'expand', { name })}
            onClick={() => actions.onToggle(name)}
          >
            <ChevronIcon />
          </button>
        ) : (
          <span className="tag-twisty-space" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tag-open"
          aria-label={t('openTag', { name: shown(name), count: totalCount })}
          // A described tag shows its description under the row instead of a title tooltip.
          title={description ? undefined : name}
          aria-describedby={description ? tipId : undefined}
          onClick={() => actions.onOpen(name)}
        >
          <span className="tag-label">{shown(row.label)}</span>
          {description && <TagDescriptionMark />}
          <span className="tag-count">{totalCount}</span>
        </button>
        <span className="tag-actions">
          <IconButton label={t('rename', { name })} onClick={() => actions.onEdit({ name, mode: 'rename' })}>
            <RenameIcon />
          </IconButton>
          <IconButton label={t('merge', { name })} onClick={() => actions.onEdit({ name, mode: 'merge' })}>
            <MergeIcon />
          </IconButton>
          <IconButton label={c('describe', { name })} onClick={() => actions.onDescribe(row)}>
            <DescribeIcon />
          </IconButton>
          <IconButton label={t('delete', { name })} onClick={() => actions.onDelete(row)}>
            <DeleteIcon />
          </IconButton>
        </span>
        {description && <TagDescriptionTip id={tipId} description={description} />}
      </div>
      {editing === 'rename' && (
        <RenameTagForm
          name={name}
          onRename={(to) => actions.onRename(name, to)}
          onCancel={() => actions.onEdit(null)}
        />
      )}
      {editing === 'merge' && actions.tags && (
        <MergeTagForm
          name={name}
          tags={actions.tags}
          onMerge={(into) => actions.onMerge(name, into)}
          onCancel={() => actions.onEdit(null)}
        />
      )}
      {hasChildren && open && <NestedLevel parent={name} actions={actions} />}
    </li>
  );
}

function IconButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="tag-action" aria-label={label} title={label} onClick={onClick}>
      {children}
    </button>
  );
}
