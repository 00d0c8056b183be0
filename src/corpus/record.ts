/**
 * Builds the library record for an extracted, analysed article.
 */
import type { Analysis, ArticleRecord, ExtractedArticle } from '../shared/model.js';
import { detectWire, domainOf, normalizeUrl } from './normalize.js';

/** Returns the record to store: id from the normalised canonical URL, outlet, wire credit; firstSeen kept from `previous`. */
export function makeRecord(article: ExtractedArticle, analysis: Analysis, now: number, previous?: ArticleRecord): ArticleRecord {
  const id = normalizeUrl(article.canonicalUrl || article.url);
  const outlet = article.siteName?.trim() || domainOf(article.canonicalUrl || article.url) || domainOf(article.url) || 'unknown';
  return {
    id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    outlet,
    title: article.title,
    byline: article.byline,
    publishedTime: article.publishedTime,
    text: article.text,
    analysis,
    wire: detectWire(article.byline, article.text, article.siteName),
    firstSeen: previous && previous.id === id ? previous.firstSeen : now,
    lastSeen: now,
  };
}
