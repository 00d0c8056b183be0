// A PageReport with every status and kind the popup shows.
import type { PageReport } from '../../../src/shared/messages.js';
import { ANALYSIS_VERSION } from '../../../src/shared/model.js';

const s1 = 'The utility said 40,000 homes were affected.';
const s2 = 'Officials said the boil notice would last three days.';
const s3 = '<script>alert("x")</script> the mayor said <img src=x onerror=alert(1)>.';
const q1 = '"The water is safe to drink again," Mayor Ruiz said.';
const q2 = '"We acted as quickly as we could," said Dana Holt.';
const a1 = 'according to people familiar with the matter';
export const TEXT = [s1, s2, s3, q1, q2, a1].join(' ');
const at = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length });

const ev = { url: 'https://x.example/a', title: 'T', similarity: 0.8, differs: [] as string[], origin: 'o' };

export function fakeReport(over: Partial<PageReport> = {}): PageReport {
  return {
    articleId: 'https://harbor.example/a', url: 'https://harbor.example/a', outlet: 'Harbor Ledger',
    title: 'Water alert lifted', text: TEXT, enabled: true, storageWarning: null,
    analysis: {
      version: ANALYSIS_VERSION, textLength: TEXT.length, sentences: [],
      claims: [
        { id: 'c0', ...at(s1), score: 0.9, reasons: ['number'] },
        { id: 'c1', ...at(s2), score: 0.8, reasons: ['number'] },
        { id: 'c2', ...at(s3), score: 0.7, reasons: ['named-actor'] },
      ],
      quotes: [
        { id: 'q0', ...at(q1), text: 'The water is safe to drink again,', speaker: 'Mayor Ruiz', speakerStart: null, speakerEnd: null, speakerHow: 'same-sentence' },
        { id: 'q1', ...at(q2), text: 'We acted as quickly as we could,', speaker: 'Dana Holt', speakerStart: null, speakerEnd: null, speakerHow: 'same-sentence' },
      ],
      attributions: [{ id: 'a0', ...at(a1), kind: 'anonymous-source', reason: 'The source is not named.', cue: 'people familiar with the matter' }],
    },
    corroboration: {
      articleId: 'https://harbor.example/a', librarySize: 2,
      claims: [
        { claimId: 'c0', status: 'contradicted', agreeingOrigins: 0, evidence: [
          { ...ev, articleId: 'b', outlet: 'Valley Courier', sentence: 'About 12,000 homes were affected.', stance: 'contradict', differs: ['40,000 vs 12,000'] },
        ] },
        { claimId: 'c1', status: 'mixed', agreeingOrigins: 1, evidence: [
          { ...ev, articleId: 'b', outlet: 'Valley Courier', sentence: 'The notice will last three days.', stance: 'agree' },
          { ...ev, articleId: 'c', outlet: 'Metro Wire', sentence: 'The notice will last a week.', stance: 'contradict', differs: ['three days vs a week'] },
        ] },
      ],
      quotes: [
        { quoteId: 'q0', status: 'variant', evidence: [{
          articleId: 'b', outlet: 'Valley Courier', url: 'u', title: 't', text: 'The water is safe again', speaker: 'Chief Engineer Okafor',
          match: 'variant', share: 0.714, speakerMismatch: true, origin: 'o',
          diff: [{ op: 'same', text: 'The water is safe' }, { op: 'removed', text: 'to drink' }, { op: 'same', text: 'again' }],
        }] },
        { quoteId: 'q1', status: 'verbatim', evidence: [{
          articleId: 'c', outlet: 'Metro Wire', url: 'u', title: 't', text: 'We acted as quickly as we could', speaker: 'Dana Holt',
          match: 'verbatim', share: 1, speakerMismatch: false, origin: 'o2', diff: [{ op: 'same', text: 'We acted as quickly as we could' }],
        }] },
      ],
    },
    ...over,
  };
}
