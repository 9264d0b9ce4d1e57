import { useEffect, useState, type FormEvent } from 'react';
import type { AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../annotate/toastStore';
import { AttributeValueField } from './AttributeValueField';
import { attributeMessages } from './messages';
import { useAttributes } from './useAttributes';
import './attributes.css';

interface Props {
  articleId: number;
  title: string;
  onClose: () => void;
}

/** One article's attributes, each saved on its own (one undo step each); a blank value clears it. */
export function ArticleAttributesDialog({ articleId, title, onClose }: Props) {
  const t = useMessages(attributeMessages);
  const attributes = useAttributes();
  const { version } = useLibraryEvents();
  const [values, setValues] = useState<ReadonlyMap<number, string> | null>(null);

  useEffect(() => {
    let live = true;
    void pizhu.getArticleAttributes({ articleId }).then((result) => {
      if (live && result.ok) setValues(new Map(result.value.map((v) => [v.attributeId, v.value])));
    });
    return () => {
      live = false;
    };
  }, [articleId, version]);

  return (
    <Dialog title={t('articleTitle', { title })} onClose={onClose} className="attributes-dialog">
      {attributes.length === 0 ? (
        <p className="muted">{t('articleNone')}</p>
      ) : (
        values && (
          <div className="article-attributes">
            {attributes.map((a) => (
              <ArticleAttributeRow
                key={`${a.id}:${values.get(a.id) ?? ''}`}
                articleId={articleId}
                attribute={a}
                stored={values.get(a.id) ?? ''}
              />
            ))}
          </div>
        )
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}

function ArticleAttributeRow({
  articleId,
  attribute,
  stored,
}: {
  articleId: number;
  attribute: AttributeSummary;
  stored: string;
}) {
  const t = useMessages(attributeMessages);
  const { changed } = useLibraryEvents();
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await pizhu.setAttributeValue({
      articleIds: [articleId],
      attributeId: attribute.id,
      value: value.trim() === '' ? null : value,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    changed([]);
    showToast(t('saved', { name: attribute.name }), true);
  };

  return (
    <form className="article-attribute" onSubmit={(e) => void save(e)}>
      <span className="attribute-name">{attribute.name}</span>
      <AttributeValueField attribute={attribute} value={value} onChange={setValue} label={attribute.name} />
      <button type="submit" className="button" disabled={value === stored}>
        {t('save')}
      </button>
      {error && (
        <p role="alert" className="dialog-message error">
          {error}
        </p>
      )}
    </form>
  );
}
