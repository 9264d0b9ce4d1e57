import {
  attributeKinds,
  type ArticleAttributeValue,
  type AttributeDefinition,
  type AttributeKind,
  type AttributeSummary,
} from '../../../preload/contract/attributeTypes';
import type { Recorder } from '../journal/recordChanges';
import type { Db } from '../store/openDatabase';
import { attributeValueOrder } from './attributeValues';

interface AttributeRow {
  id: number;
  name: string;
  kind: string;
  choices: string;
}

/**
 * The articles whose attribute @attributeId has the value @attributeValue (as kept), by
 * article_attribute's index on attribute and value: the library list's Attribute filter and
 * the Words view's attribute subset take the same articles.
 */
export const articlesWithValueSql = 'SELECT article_id FROM article_attribute WHERE attribute_id = @attributeId AND value = @attributeValue';

/** Every attribute, by name. */
export function readAttributes(db: Db): AttributeDefinition[] {
  const rows = db.prepare('SELECT id, name, kind, choices FROM attribute ORDER BY name, id').all() as AttributeRow[];
  return rows.map(toDefinition);
}

export function readAttribute(db: Db, id: number): AttributeDefinition | undefined {
  const row = db.prepare('SELECT id, name, kind, choices FROM attribute WHERE id = ?').get(id) as AttributeRow | undefined;
  return row && toDefinition(row);
}

/** Every attribute with its values and how many articles of the library (not archived or trashed) have each. */
export function summarizeAttributes(db: Db): AttributeSummary[] {
  const counts = db
    .prepare(
      `SELECT aa.attribute_id AS id, aa.value AS value, count(*) AS count
         FROM article_attribute aa JOIN article a ON a.id = aa.article_id
        WHERE a.trashed_at IS NULL AND a.archived_at IS NULL
        GROUP BY aa.attribute_id, aa.value`,
    )
    .all() as Array<{ id: number; value: string; count: number }>;
  const byAttribute = new Map<number, Array<{ value: string; count: number }>>();
  for (const { id, value, count } of counts) {
    let list = byAttribute.get(id);
    if (!list) byAttribute.set(id, (list = []));
    list.push({ value, count });
  }
  return readAttributes(db).map((attribute) => {
    const values = byAttribute.get(attribute.id) ?? [];
    const order = attributeValueOrder(attribute);
    values.sort((a, b) => order(a.value, b.value));
    return { ...attribute, values };
  });
}

/** An article's values, by attribute name. */
export function readArticleAttributes(db: Db, articleId: number): ArticleAttributeValue[] {
  const rows = db
    .prepare(
      `SELECT t.id AS attributeId, t.name AS name, t.kind AS kind, aa.value AS value
         FROM article_attribute aa JOIN attribute t ON t.id = aa.attribute_id
        WHERE aa.article_id = ? ORDER BY t.name, t.id`,
    )
    .all(articleId) as Array<ArticleAttributeValue & { kind: string }>;
  return rows.map((row) => ({ ...row, kind: kindOf(row.kind) }));
}

/** The value an article has for an attribute, if any. */
export function readValue(db: Db, articleId: number, attributeId: number): string | undefined {
  return db
    .prepare('SELECT value FROM article_attribute WHERE article_id = ? AND attribute_id = ?')
    .pluck()
    .get(articleId, attributeId) as string | undefined;
}

/** Every value of one attribute, by article. */
export function readValuesOf(db: Db, attributeId: number): Array<{ articleId: number; value: string }> {
  return db
    .prepare('SELECT article_id AS articleId, value FROM article_attribute WHERE attribute_id = ? ORDER BY article_id')
    .all(attributeId) as Array<{ articleId: number; value: string }>;
}

/** Sets (or with null clears) one article's value through the journal; true when it changed. */
export function writeValue(rec: Recorder, articleId: number, attributeId: number, value: string | null): boolean {
  const key = { article_id: articleId, attribute_id: attributeId };
  const current = readValue(rec.db, articleId, attributeId);
  if (value === null) return current === undefined ? false : rec.remove('article_attribute', key);
  if (current === value) return false;
  if (current !== undefined) return rec.update('article_attribute', key, { value });
  rec.insert('article_attribute', { ...key, value });
  return true;
}

function toDefinition(row: AttributeRow): AttributeDefinition {
  const kind = kindOf(row.kind);
  return { id: row.id, name: row.name, kind, choices: kind === 'choice' ? parseChoices(row.choices) : [] };
}

function kindOf(kind: string): AttributeKind {
  return attributeKinds.find((k) => k === kind) ?? 'text';
}

function parseChoices(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}
