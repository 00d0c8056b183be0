/**
 * The one reply shape every message handler returns: serialisable, never a thrown error across
 * the extension's process boundary.
 */
export type ErrorCode =
  | 'bad-request'      // payload failed validation
  | 'not-article'      // the page has no article to analyse
  | 'no-content'       // no content script answers in that tab (e.g. a browser page)
  | 'storage-full'     // quota exceeded: nothing new stored, the library kept what it had
  | 'storage-corrupt'  // a record could not be read; it was skipped, the rest kept
  | 'storage'          // any other storage failure
  | 'site-off'         // the reader turned Sourcemark off (or paused it) on this site
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Returns a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Returns a failed result with a code and a human-readable message. */
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
