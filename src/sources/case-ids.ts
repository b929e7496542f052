import type { Diagnostics } from '../errors.js';
import { messages } from '../messages.js';
import { idKey } from './units/read.js';

/** Free text as shown: trimmed, inner runs of spaces collapsed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Key for matching free text (categories, topics): cleaned, any case. */
export function textKey(value: string): string {
  return cleanText(value).toLocaleLowerCase('nb');
}

/** case_id must be unique in its file (any case); a repeat is an error naming the first row. */
export class CaseIds {
  private readonly firstRow = new Map<string, number>();

  constructor(private readonly file: string) {}

  add(id: string, row: number, column: string, diagnostics: Diagnostics): boolean {
    const key = idKey(id);
    const first = this.firstRow.get(key);
    if (first !== undefined) {
      diagnostics.error(this.file, messages.duplicateCase(id, first), row, column);
      return false;
    }
    this.firstRow.set(key, row);
    return true;
  }
}
