import type { ArticleGroup } from '../../../preload/contract/articlePageTypes';
import type { AttributeDefinition } from '../../../preload/contract/attributeTypes';
import { readAttribute } from '../attributes/attributeStore';
import { attributeValueOrder } from '../attributes/attributeValues';
import { LibraryError } from '../libraryError';
import type { Db } from './openDatabase';

/**
 * The attribute a list is grouped by; 'not-found' for one that is gone. Asked before the list is
 * made, which may write (title ranks): a refused request changes nothing.
 */
export function groupingAttribute(db: Db, attributeId: number): AttributeDefinition {
  const attribute = readAttribute(db, attributeId);
  if (!attribute) throw new LibraryError('not-found', `There is no attribute ${attributeId}.`, String(attributeId));
  return attribute;
}

/**
 * The library list grouped by an attribute's value: the ids (already in the list's order) run
 * value by value, in the attribute's own value order (a list's choices as listed, numbers and
 * dates ascending, text by pinyin), each group keeping the list's order, and the articles with
 * no value last.
 */
export function groupArticleIds(
  db: Db,
  ids: readonly number[],
  attribute: AttributeDefinition,
): { ids: number[]; groups: ArticleGroup[] } {
  const attributeId = attribute.id;
  const valueOf = new Map(
    db.prepare('SELECT article_id, value FROM article_attribute WHERE attribute_id = ?').raw().all(attributeId) as Array<[number, string]>,
  );
  const members = new Map<string | null, number[]>();
  for (const id of ids) {
    const value = valueOf.get(id) ?? null;
    const list = members.get(value);
    if (list) list.push(id);
    else members.set(value, [id]);
  }
  const order = attributeValueOrder(attribute);
  const values = [...members.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : order(a, b)));
  const grouped: number[] = [];
  const groups: ArticleGroup[] = [];
  for (const value of values) {
    const list = members.get(value)!;
    groups.push({ value, start: grouped.length, count: list.length });
    for (const id of list) grouped.push(id);
  }
  return { ids: grouped, groups };
}
