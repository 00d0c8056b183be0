// Test helpers: small, valid article records and analyses.
import { ANALYSIS_VERSION, type Analysis, type ArticleRecord, type ExtractedArticle } from '../../../src/shared/model.js';

export function emptyAnalysis(text: string): Analysis {
  return { version: ANALYSIS_VERSION, textLength: text.length, sentences: [], claims: [], quotes: [], attributions: [] };
}

export function record(id: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  const text = over.text ?? `Text of ${id}.`;
  return {
    id, url: `https://example.org/${id}`, canonicalUrl: null, outlet: 'Example Times', title: `Title ${id}`,
    byline: null, publishedTime: null, text, analysis: emptyAnalysis(text), wire: null,
    firstSeen: 1, lastSeen: 1, ...over,
  };
}

export function article(url: string, text = 'The council said 40 homes were affected on Tuesday.'): ExtractedArticle {
  return { url, canonicalUrl: null, title: 'Water alert', byline: null, siteName: 'Example Times', publishedTime: null, lang: 'en', text };
}
