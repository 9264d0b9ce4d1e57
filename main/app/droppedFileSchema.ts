import { z } from 'zod';
import {
  maxDroppedBytesPerCall,
  maxDroppedFilesPerCall,
  maxDroppedNameLength,
} from '../../preload/contract/importTypes';
import { maxImportBytes } from '../library/import/importLimits';

/**
 * A dropped file's name is for display only: any text without control characters or lone
 * surrogates. Main never opens it; it keeps only the part after the last slash (displayName).
 */
const name = z
  .string()
  .min(1)
  .max(maxDroppedNameLength)
  .refine((value) => !/[\p{Cc}\p{Cs}]/u.test(value), 'contains a control character or half of a character')
  .refine((value) => displayName(value) !== '', 'names no file');

const droppedFile = z.strictObject({
  name,
  // Over the import limit the page does not read it (null) and main reports it too large.
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= maxImportBytes, `is larger than the ${maxImportBytes} bytes Pizhu imports`)
    .nullable(),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** One call's files: a few dozen and a few tens of MB at most, so one call never holds main for long. */
export const droppedFiles = z
  .array(droppedFile)
  .min(1)
  .max(maxDroppedFilesPerCall)
  .refine(
    (files) => files.reduce((sum, file) => sum + (file.bytes?.byteLength ?? 0), 0) <= maxDroppedBytesPerCall,
    `holds more than ${maxDroppedBytesPerCall} bytes; send the files in several calls`,
  );

/** The name shown for a dropped file: its last path segment, trimmed (a page may send "folder/a.txt"). */
export function displayName(name: string): string {
  return (name.split(/[/\\]/u).pop() ?? '').trim();
}
