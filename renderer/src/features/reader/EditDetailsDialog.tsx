import { useState, type FormEvent } from 'react';
import type { ArticleMetadata, ArticleView } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { Dialog } from '../../ui/Dialog';
import { FormDialogActions } from '../../ui/FormDialogActions';
import { readerMessages } from './messages';

type Field = 'title' | 'subtitle' | 'source' | 'author' | 'publishedAt' | 'url';
const fields: readonly Field[] = ['title', 'subtitle', 'source', 'author', 'publishedAt', 'url'];

interface Props {
  article: ArticleView;
  onSaved: (view: ArticleView) => void;
  onClose: () => void;
}

/** Title, subtitle, source, author, date and URL, edited in place; only what changed is sent. */
export function EditDetailsDialog({ article, onSaved, onClose }: Props) {
  const t = useMessages(readerMessages);
  const { changed } = useLibraryEvents();
  const labels: Record<Field, string> = {
    title: t('title'),
    subtitle: t('subtitle'),
    source: t('source'),
    author: t('author'),
    publishedAt: t('date'),
    url: t('url'),
  };
  const [values, setValues] = useState<Record<Field, string>>(() => {
    const m = article.metadata;
    return {
      title: m.title,
      subtitle: m.subtitle ?? '',
      source: m.source ?? '',
      author: m.author ?? '',
      publishedAt: m.publishedAt ?? '',
      url: m.url ?? '',
    };
  });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const m = article.metadata;
    const changes: Partial<ArticleMetadata> = {};
    const title = values.title.trim();
    if (title !== m.title) Object.assign(changes, { title, titleInferred: false });
    for (const field of fields) {
      if (field === 'title') continue;
      const next = values[field].trim() || null;
      if (next !== m[field]) Object.assign(changes, { [field]: next });
    }
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    const result = await pizhu.updateMetadata({ articleId: article.id, changes });
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
    // The library list shows (and sorts by) the title, source and date: it fetches them again.
    changed([article.id]);
    onClose();
  };

  return (
    <Dialog title={t('editDetails')} onClose={onClose} className="details-dialog">
      <form onSubmit={(e) => void submit(e)}>
        {fields.map((field) => (
          <label key={field} className="form-row">
            <span>{labels[field]}</span>
            <input
              className="field"
              type={field === 'publishedAt' ? 'date' : 'text'}
              inputMode={field === 'url' ? 'url' : undefined}
              value={values[field]}
              required={field === 'title'}
              maxLength={2000}
              autoFocus={field === 'title'}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
          </label>
        ))}
        <FormDialogActions
          error={error}
          cancelLabel={t('cancel')}
          submitLabel={t('save')}
          submitDisabled={saving}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
