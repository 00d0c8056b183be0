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
import { looksEnglish } from './language.js';

/** Returns the full analysis of one article text. */
export function analyze(text: string): Analysis {
  const tok = tokenize(text);
  if (!looksEnglish(text)) {
    // Cue words, tagger and weights are English: on other languages every highlight would be a guess.
    const sentences = scoreSentences(tok).map((s) => ({ ...s, checkworthiness: 0 }));
    return { version: ANALYSIS_VERSION, textLength: text.length, sentences, claims: [], quotes: [], attributions: [], language: 'other' };
  }
  const quotes = findQuotes(tok);
  const attributions = findAttributions(tok);
  const sentences = scoreSentences(tok);
  const claims = selectClaims(tok, sentences, { quotes, attributions });
  return { version: ANALYSIS_VERSION, textLength: text.length, sentences, claims, quotes, attributions, language: 'en' };
}
