/**
 * The analysis pipeline: article text in, sentences / claims / quotes / attributions with
 * character offsets out. Pure: no DOM, no extension APIs. The browser highlights exactly these
 * spans, and `sourcemark analyze` prints them.
 */
import { ANALYSIS_VERSION, type Analysis } from '../shared/model.js';
import { tokenize } from './nlp.js';
import { findQuotes } from './quotes.js';
import { findAttributions } from './attributions.js';
import { scoreSentences, selectClaims } from './claims.js';

/** Returns the full analysis of one article text. */
export function analyze(text: string): Analysis {
  const tok = tokenize(text);
  const quotes = findQuotes(tok);
  const attributions = findAttributions(tok);
  const sentences = scoreSentences(tok);
  const claims = selectClaims(tok, sentences, { quotes, attributions });
  return { version: ANALYSIS_VERSION, textLength: text.length, sentences, claims, quotes, attributions };
}
