// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reanchorAnalysis, reanchorSpan } from '../../../src/content/reanchor.js';
import { fakeAnalysis } from './helpers.js';

const OLD = 'The mayor said 40 homes flooded. Residents said the water rose fast. The mayor said 40 homes flooded, again, in May.';

describe('reanchorSpan', () => {
  it('finds a span that moved, by its text', () => {
    const start = OLD.indexOf('Residents said');
    const moved = `BREAKING: ${OLD}`;
    expect(reanchorSpan(OLD, moved, start, start + 14)).toEqual({ start: start + 10, end: start + 24 });
  });

  it('picks the occurrence whose surrounding words still match', () => {
    const second = OLD.lastIndexOf('The mayor said 40 homes flooded');
    const changed = OLD.replace('Residents said the water rose fast.', 'Residents said little.');
    const r = reanchorSpan(OLD, changed, second, second + 31)!;
    expect(changed.slice(r.start, r.end + 7)).toBe('The mayor said 40 homes flooded, again');
  });

  it('returns null when the text is gone', () => {
    const start = OLD.indexOf('water rose');
    expect(reanchorSpan(OLD, OLD.replace('water rose', 'river rose'), start, start + 10)).toBeNull();
  });
});

describe('reanchorAnalysis', () => {
  it('keeps ids and fields, moves offsets, drops what is gone', () => {
    const a = fakeAnalysis(OLD, { claims: ['The mayor said 40 homes flooded.'], attributions: ['Residents said'] });
    const next = `Update at noon. ${OLD.replace('Residents said', 'Neighbours said')}`;
    const r = reanchorAnalysis(a, OLD, next);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]!.id).toBe('c0');
    expect(next.slice(r.claims[0]!.start, r.claims[0]!.end)).toBe('The mayor said 40 homes flooded.');
    expect(r.attributions).toEqual([]);
    expect(r.textLength).toBe(next.length);
  });

  it('returns the same analysis for the same text', () => {
    const a = fakeAnalysis(OLD, { claims: ['Residents said the water rose fast.'] });
    expect(reanchorAnalysis(a, OLD, OLD)).toBe(a);
  });
});
