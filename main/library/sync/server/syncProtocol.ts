/**
 * Pizhu's stateless messages on top of Hocuspocus, shared by the server and the client: a new
 * device learns which documents the server holds (it has none of them yet to ask about).
 */
export const listDocumentsRequest = '{"type":"pizhu:listDocuments"}';

export interface DocumentList {
  type: 'pizhu:documents';
  names: string[];
}

/** The server's answer to listDocumentsRequest, or undefined for any other stateless payload. */
export function parseDocumentList(payload: string): DocumentList | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, names } = value as { type?: unknown; names?: unknown };
  if (type !== 'pizhu:documents' || !Array.isArray(names)) return undefined;
  if (!names.every((name): name is string => typeof name === 'string')) return undefined;
  return { type, names };
}
