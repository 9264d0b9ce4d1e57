import { useId, type ReactNode } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { codebookMessages } from '../codebook/messages';
import { DescribeIcon, TagDescriptionMark, TagDescriptionTip } from '../codebook/TagDescriptionTip';
import { MergeTagForm } from './MergeTagForm';
import { tagMessages } from './messages';
import { RenameTagForm } from './RenameTagForm';
import { ChevronIcon, DeleteIcon, MergeIcon, RenameIcon } from './TagIcons';
import type { TagTreeNode } from './tagTree';
import { useTagScript } from './useTagScript';

/** Which tag is being renamed or merged, in place. */
export interface Editing {
  name: string;
  mode: 'rename' | 'merge';
}

export interface TagTreeActions {
  tags: readonly TagSummary[];
  collapsed: ReadonlySet<string>;
  editing: Editing | null;
  onToggle: (name: string) => void;
  onEdit: (editing: Editing | null) => void;
  onOpen: (name: string) => void;
  onRename: (from: string, to: string) => void;
  onMerge: (from: string, into: string) => void;
  onDelete: (node: TagTreeNode) => void;
  /** Opens the tag's codebook description to write (features/codebook). */
  onDescribe: (node: TagTreeNode) => void;
}

/** One level of the tag tree; nested levels render themselves inside their parent's item. */
export function TagTreeList({
  nodes,
  label,
  actions,
}: {
  nodes: TagTreeNode[];
  label?: string;
  actions: TagTreeActions;
}) {
  return (
    <ul className="tag-tree" aria-label={label}>
      {nodes.map((node) => (
        <TagTreeItem key={node.tag.id} node={node} actions={actions} />
      ))}
    </ul>
  );
}

function TagTreeItem({ node, actions }: { node: TagTreeNode; actions: TagTreeActions }) {
  const t = useMessages(tagMessages);
  const c = useMessages(codebookMessages);
  const shown = useTagScript();
  const tipId = useId();
  const { name, totalCount, description } = node.tag;
  const open = !actions.collapsed.has(name);
  const editing = actions.editing?.name === name ? actions.editing.mode : null;
  const hasChildren = node.children.length > 0;

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
          <span className="tag-label">{shown(node.label)}</span>
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
          <IconButton label={c('describe', { name })} onClick={() => actions.onDescribe(node)}>
            <DescribeIcon />
          </IconButton>
          <IconButton label={t('delete', { name })} onClick={() => actions.onDelete(node)}>
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
      {editing === 'merge' && (
        <MergeTagForm
          name={name}
          tags={actions.tags}
          onMerge={(into) => actions.onMerge(name, into)}
          onCancel={() => actions.onEdit(null)}
        />
      )}
      {hasChildren && open && <TagTreeList nodes={node.children} actions={actions} />}
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
