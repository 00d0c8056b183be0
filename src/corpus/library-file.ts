/**
 * The library as one JSON file, for export and import. The file names its format and a schema
 * version, so a later version can read (or refuse with a clear message) what an earlier one wrote.
 * Import is all or nothing: the whole file is checked before anything is stored.
 */
import type { ArticleRecord } from '../shared/model.js';
import { fail, ok, type Result } from '../shared/result.js';

export const LIBRARY_FILE_FORMAT = 'sourcemark-library';
/** Bump when the file's shape changes; readers refuse versions they do not know. */
export const LIBRARY_FILE_VERSION = 1;
/** Largest number of articles one import accepts (a guard against a runaway file, not a quota). */
export const MAX_IMPORT_ARTICLES = 100_000;

export interface LibraryFile {
  format: typeof LIBRARY_FILE_FORMAT;
  version: typeof LIBRARY_FILE_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  articles: ArticleRecord[];
}

/** Returns the export file for these records, ordered by first visit. */
export function toLibraryFile(records: readonly ArticleRecord[], now: number): LibraryFile {
  const articles = [...records].sort((a, b) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt: new Date(now).toISOString(), articles };
}

/** Returns the file name for an export made at `now`: sourcemark-library-YYYY-MM-DD.json. */
export function libraryFileName(now: number): string {
  return `sourcemark-library-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Returns the parsed JSON of a file's text, or a bad-request failure saying it is not JSON. */
export function parseJson(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail('bad-request', 'This file is not valid JSON, so it is not a Sourcemark library export.');
  }
}

/**
 * Returns the records of a library file when every part of it is valid, else a bad-request
 * failure whose message says what is wrong (the first problem found). `isRecord` is the record
 * check the background also applies to what it reads from IndexedDB.
 */
export function checkLibraryFile(value: unknown, isRecord: (v: unknown) => v is ArticleRecord): Result<ArticleRecord[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('bad-request', 'This file is not a Sourcemark library export (expected a JSON object).');
  }
  const v = value as Record<string, unknown>;
  if (v.format !== LIBRARY_FILE_FORMAT) {
    return fail('bad-request', `This file is not a Sourcemark library export (its "format" is not "${LIBRARY_FILE_FORMAT}").`);
  }
  if (typeof v.version !== 'number' || !Number.isInteger(v.version)) {
    return fail('bad-request', 'This library file has no schema version.');
  }
  if (v.version !== LIBRARY_FILE_VERSION) {
    return fail('bad-request', v.version > LIBRARY_FILE_VERSION
      ? `This library file uses schema version ${v.version}, newer than this Sourcemark reads (${LIBRARY_FILE_VERSION}). Update Sourcemark, then import it again.`
      : `This library file uses schema version ${v.version}, which this Sourcemark does not read.`);
  }
  if (!Array.isArray(v.articles)) return fail('bad-request', 'This library file has no "articles" list.');
  if (v.articles.length > MAX_IMPORT_ARTICLES) {
    return fail('bad-request', `This library file holds ${v.articles.length} articles; at most ${MAX_IMPORT_ARTICLES} can be imported at once.`);
  }
  const seen = new Set<string>();
  for (let i = 0; i < v.articles.length; i++) {
    const r: unknown = v.articles[i];
    if (!isRecord(r)) return fail('bad-request', `Article ${i + 1} in this file is incomplete or damaged.`);
    if (seen.has(r.id)) return fail('bad-request', `Article ${i + 1} in this file repeats an earlier article (${r.id}).`);
    seen.add(r.id);
  }
  return ok(v.articles as ArticleRecord[]);
}
