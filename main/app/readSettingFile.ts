import type { z } from 'zod';
import { readRegularFile } from '../library/files/readRegularFile';

/** A setting main keeps beside the library is a few hundred bytes; anything far larger is not ours. */
const maxSettingBytes = 64 * 1024;

/**
 * A small JSON file main owns, read as its schema says, or undefined when it is missing,
 * unreadable, not a regular file (a FIFO there would otherwise hold main's thread for ever),
 * too large, or not in the schema's shape: the person sets it again, nothing worse.
 */
export function readSettingFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined {
  try {
    const text = readRegularFile(file, { maxBytes: maxSettingBytes, what: 'setting' }).toString('utf8');
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
