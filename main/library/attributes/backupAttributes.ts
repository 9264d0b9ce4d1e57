import type { BackupImportCounts } from '../../../preload/contract/api';
import type { Backup, BackupAttribute } from '../export/backupFormat';
import { findArticleByHash } from '../store/articles';
import type { Db } from '../store/openDatabase';
import { readAttributes } from './attributeStore';
import { checkAttributeValue, foldedName } from './attributeValues';

/** The attributes as a backup holds them: each definition by name, and each article's values by attribute name. */
export function readBackupAttributes(db: Db): { attributes: BackupAttribute[]; valuesOf: Map<number, Record<string, string>> } {
  const rows = db.prepare('SELECT id, name, kind, choices, created_at FROM attribute ORDER BY name, id').all() as Array<{
    id: number;
    name: string;
    kind: BackupAttribute['kind'];
    choices: string;
    created_at: string;
  }>;
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const valuesOf = new Map<number, Record<string, string>>();
  const values = db
    .prepare('SELECT article_id AS articleId, attribute_id AS attributeId, value FROM article_attribute ORDER BY article_id, attribute_id')
    .all() as Array<{ articleId: number; attributeId: number; value: string }>;
  for (const { articleId, attributeId, value } of values) {
    const name = names.get(attributeId);
    if (name === undefined) continue;
    const own = valuesOf.get(articleId) ?? {};
    own[name] = value;
    valuesOf.set(articleId, own);
  }
  const attributes = readAttributes(db);
  return {
    attributes: rows.map((r) => ({
      name: r.name,
      kind: r.kind,
      choices: attributes.find((a) => a.id === r.id)?.choices ?? [],
      createdAt: r.created_at,
    })),
    valuesOf,
  };
}

/**
 * A backup's attributes merged in, outside the journal (the import then discards the undo
 * history): an attribute the library lacks (by name, in either script and any case) is added,
 * and an article gets each value it has none for; the library's own values and definitions are
 * kept, and a value its attribute here cannot take is left out. Call after the articles are in.
 */
export function importBackupAttributes(db: Db, backup: Backup, counts: BackupImportCounts): void {
  const byName = new Map(readAttributes(db).map((a) => [foldedName(a.name), a]));
  const insertAttribute = db.prepare('INSERT INTO attribute (name, kind, choices, created_at) VALUES (?, ?, ?, ?)');
  for (const a of backup.attributes) {
    if (byName.has(foldedName(a.name))) continue;
    const id = Number(insertAttribute.run(a.name, a.kind, JSON.stringify(a.kind === 'choice' ? a.choices : []), a.createdAt).lastInsertRowid);
    byName.set(foldedName(a.name), { id, name: a.name, kind: a.kind, choices: a.kind === 'choice' ? a.choices : [] });
    counts.attributesAdded++;
  }
  const insertValue = db.prepare(
    'INSERT INTO article_attribute (article_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const article of backup.articles) {
    if (!article.attributes) continue;
    const articleId = findArticleByHash(db, article.contentHash)?.id;
    if (articleId === undefined) continue;
    for (const [name, value] of Object.entries(article.attributes)) {
      const attribute = byName.get(foldedName(name));
      if (!attribute) continue;
      const checked = checkAttributeValue(attribute, value);
      if (checked.ok) counts.attributeValuesAdded += insertValue.run(articleId, attribute.id, checked.value).changes;
    }
  }
}
