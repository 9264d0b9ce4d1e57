import * as Y from 'yjs';
import type { Db } from '../../store/openDatabase';
import { carriedMaps } from './paragraphPlaces';
import { highlightColumnsSql } from '../../store/highlightContext';
import { madeByValueSql } from '../../store/madeHere';
import {
  articleEntry,
  articleEntryUids,
  articleMemo,
  articleMemoText,
  articleMemoXml,
  hasArticleMemo,
  journalMemoXml,
  noteEntry,
  notePlaces,
  noteText,
  noteXml,
  root,
} from './docShape';
import { isRich, readRichText } from './richNoteText';
import { libraryDoc } from './docStore';
import { kindRows, kindsState } from './paragraphKinds';
import { wordDataRows, wordDataState } from './wordData';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys sorted at every level, so two dumps of the same state are the same text. */
export function sorted(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(sorted);
  if (value instanceof Uint8Array) return [...value];
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = sorted((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** One document's replicated state as plain data: what every device that has seen the same updates holds. */
export function documentState(name: string, doc: Y.Doc): Json {
  if (name === libraryDoc) {
    const articles: Record<string, unknown> = {};
    for (const uid of articleEntryUids(doc)) articles[uid] = articleEntry(doc, uid).toJSON();
    const memos: Record<string, unknown> = {};
    root(doc, 'memos').forEach((entry, uid) => {
      memos[uid] = entry instanceof Y.Map ? withWords(entry as Y.Map<unknown>, journalMemoXml(doc, uid)) : null;
    });
    return sorted({
      tags: root(doc, 'tags').toJSON(),
      memos,
      attributes: root(doc, 'attributes').toJSON(),
      members: root(doc, 'members').toJSON(),
      articles,
      ...wordDataState(doc),
    });
  }
  const notes: Record<string, unknown> = {};
  for (const place of notePlaces(doc))
    notes[place] = withWords(noteEntry(doc, place), noteXml(doc, place), noteText(doc, place));
  const memo = hasArticleMemo(doc) ? withWords(articleMemo(doc), articleMemoXml(doc), articleMemoText(doc)) : null;
  return sorted({
    highlights: root(doc, 'highlights').toJSON(),
    tagged: root(doc, 'tagged').toJSON(),
    taggedBy: root(doc, 'taggedby').toJSON(),
    notes,
    memo,
    kinds: kindsState(doc),
    carried: carriedMaps(doc).toJSON(),
  });
}

/**
 * A note's or memo's entry with its words (`text`) and, when they are rich text, the editor state
 * it reads as (`rich_text`); one from before rich text with its plain text, as it was.
 */
function withWords(entry: Y.Map<unknown>, xml: Y.XmlText, legacy?: Y.Text): Record<string, unknown> {
  const json = entry.toJSON();
  if (isRich(entry, xml)) {
    const read = readRichText(xml);
    return { ...json, rich_text: read.editorState, text: read.plainText };
  }
  return legacy === undefined ? json : { ...json, text: legacy.toJSON() };
}

/**
 * The rows the documents project to on this device, keyed by uid and paragraph position (never
 * local ids), so two devices' projections compare as text.
 */
export function projectionState(db: Db): Json {
  const tags = db
    .prepare(
      `SELECT t.uid, t.name, t.color, t.created_at, d.definition, d.inclusion, d.exclusion, d.example
       FROM tag t LEFT JOIN tag_description d ON d.tag_id = t.id`,
    )
    .all() as Array<Record<string, unknown> & { uid: string }>;
  const highlights = db
    .prepare(
      `SELECT h.uid, a.uid AS article, p.ord AS paragraph, h.start_offset, h.end_offset, ${highlightColumnsSql(['quote', 'prefix', 'suffix'], 'h')},
         h.color, h.group_id, h.created_at, h.updated_at, h.comment, ${highlightColumnsSql(['made_by'], 'h')},
         (SELECT json_group_array(uid) FROM (SELECT t.uid || ' by ' || coalesce(${madeByValueSql('ht')}, '') AS uid
           FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id ORDER BY t.uid)) AS tags
       FROM highlight h JOIN article a ON a.id = h.article_id LEFT JOIN paragraph p ON p.id = h.paragraph_id`,
    )
    .all() as Array<Record<string, unknown> & { uid: string; tags: string }>;
  const paragraphTags = db
    .prepare(
      `SELECT a.uid || ':' || p.ord AS at, json_group_array(t.uid || ' by ' || coalesce(${madeByValueSql('pt')}, '')) AS tags FROM
         (SELECT * FROM paragraph_tag ORDER BY tag_id) pt JOIN paragraph p ON p.id = pt.paragraph_id
         JOIN article a ON a.id = p.article_id JOIN tag t ON t.id = pt.tag_id GROUP BY at`,
    )
    .all() as Array<{ at: string; tags: string }>;
  const notes = db
    .prepare(
      `SELECT a.uid || ':' || p.ord AS at, n.plain_text, n.editor_state, n.markdown, n.updated_at, n.made_by
       FROM note n JOIN paragraph p ON p.id = n.paragraph_id JOIN article a ON a.id = p.article_id`,
    )
    .all() as Array<Record<string, unknown> & { at: string }>;
  // Notes and paragraph tags whose place leads to no paragraph here (unplacedEntries); a tag by its uid, null if gone.
  const unplaced = db
    .prepare(
      `SELECT a.uid || ' ' || u.entry AS at, u.kind, t.uid AS tag, u.plain_text, u.markdown, u.made_by, u.updated_at
       FROM unplaced_annotation u JOIN article a ON a.id = u.article_id LEFT JOIN tag t ON t.id = u.tag_id`,
    )
    .all() as Array<Record<string, unknown> & { at: string }>;
  const memos = db
    .prepare(
      `SELECT coalesce(a.uid, m.uid) AS at, m.article_id IS NOT NULL AS of_article, m.editor_state, m.plain_text, m.markdown,
         m.created_at, m.updated_at, m.made_by FROM memo m LEFT JOIN article a ON a.id = m.article_id`,
    )
    .all() as Array<Record<string, unknown> & { at: string }>;
  const attributes = db.prepare('SELECT uid, name, kind, choices FROM attribute').all() as Array<
    Record<string, unknown> & { uid: string }
  >;
  const values = db
    .prepare(
      `SELECT ar.uid AS article, at.uid AS attribute, v.value FROM article_attribute v
       JOIN article ar ON ar.id = v.article_id JOIN attribute at ON at.id = v.attribute_id`,
    )
    .all() as Array<{ article: string; attribute: string; value: string }>;
  const valuesByArticle: Record<string, Record<string, string>> = {};
  for (const v of values) (valuesByArticle[v.article] ??= {})[v.attribute] = v.value;
  const articles = db
    .prepare('SELECT uid, title, subtitle, source, author, published_at, url, trashed_at, archived_at FROM article')
    .all() as Array<Record<string, unknown> & { uid: string }>;
  const members = db.prepare('SELECT uid, name, color FROM library_member').all() as Array<
    Record<string, unknown> & { uid: string }
  >;
  const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
    Object.fromEntries(rows.map((r) => [String(r[key]), r]));
  return sorted({
    tags: byKey(tags, 'uid'),
    highlights: byKey(
      highlights.map((h) => ({ ...h, tags: (JSON.parse(h.tags) as string[]).sort() })),
      'uid',
    ),
    paragraphTags: Object.fromEntries(paragraphTags.map((p) => [p.at, (JSON.parse(p.tags) as string[]).sort()])),
    notes: byKey(notes, 'at'),
    unplaced: byKey(unplaced, 'at'),
    memos: byKey(memos, 'at'),
    attributes: byKey(attributes, 'uid'),
    attributeValues: valuesByArticle,
    articles: byKey(articles, 'uid'),
    members: byKey(members, 'uid'),
    paragraphKinds: kindRows(db),
    ...wordDataRows(db),
  });
}
