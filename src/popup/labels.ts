/** The words the popup shows for statuses and kinds, in one place. */
import type { AttributionKind, ClaimStatus, QuoteStatus } from '../shared/model.js';

export const CLAIM_STATUS: Record<ClaimStatus, { word: string; hint: string }> = {
  corroborated: { word: 'Corroborated', hint: 'Other outlets report the same thing.' },
  contradicted: { word: 'Contradicted', hint: 'Another outlet reports something different.' },
  mixed: { word: 'Mixed', hint: 'Some outlets agree, others report something different.' },
  'single-source': { word: 'Single source', hint: 'No other article in your library reports this yet.' },
};

export const QUOTE_STATUS: Record<QuoteStatus, { word: string; hint: string }> = {
  verbatim: { word: 'Verbatim', hint: 'Other outlets quote exactly these words.' },
  variant: { word: 'Variant', hint: 'Other outlets quote different words.' },
  'single-source': { word: 'Single source', hint: 'No other article in your library has this quote yet.' },
};

export const ATTRIBUTION_KIND: Record<AttributionKind, string> = {
  'anonymous-source': 'Anonymous source',
  hedge: 'Hedge',
  'unsupported-claim': 'Unsupported claim',
  weasel: 'Weasel words',
};

/** Returns "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Returns the distinct values in first-seen order. */
export const unique = <T,>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Returns a share in [0, 1] as a whole percentage, e.g. "78%". */
export const percent = (share: number): string => `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
