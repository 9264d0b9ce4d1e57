import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface Member {
  name: string;
  readOnly: boolean;
}

/**
 * Tokens are 256 random bits, so one SHA-256 is enough to store them: a stolen database gives
 * no token, and nothing short of the token finds a member.
 */
function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Adds a member and returns their token (shown once: only its hash is kept). Refuses a name already used. */
export function addMember(db: Database.Database, name: string, readOnly: boolean): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A member needs a name');
  const taken = db.prepare<[string], { id: number }>('SELECT id FROM member WHERE name = ?').get(trimmed);
  if (taken) throw new Error(`A member named ${trimmed} exists already`);
  const token = `pzs_${randomBytes(32).toString('base64url')}`;
  db.prepare<[string, string, number, string]>(
    'INSERT INTO member (name, token_hash, read_only, created_at) VALUES (?, ?, ?, ?)',
  ).run(trimmed, tokenHash(token), readOnly ? 1 : 0, new Date().toISOString());
  return token;
}

/** The member a token belongs to, or undefined. */
export function memberForToken(db: Database.Database, token: string): Member | undefined {
  const row = db
    .prepare<[string], { name: string; read_only: number }>('SELECT name, read_only FROM member WHERE token_hash = ?')
    .get(tokenHash(token));
  return row ? { name: row.name, readOnly: row.read_only === 1 } : undefined;
}
