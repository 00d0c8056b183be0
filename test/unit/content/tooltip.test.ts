// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { describeItem, Tooltip } from '../../../src/content/tooltip.js';
import type { Corroboration } from '../../../src/shared/model.js';
import { fakeAnalysis } from './helpers.js';

const EVIL = '<img src=x onerror=alert(1)>';
const text = 'The council said 40 homes flooded. "We will rebuild," she said. It was reportedly late.';
const analysis = fakeAnalysis(text, {
  claims: ['The council said 40 homes flooded.'],
  quotes: [{ phrase: '"We will rebuild,"', speaker: EVIL }],
  attributions: ['reportedly'],
});
const corroboration: Corroboration = {
  articleId: 'x', librarySize: 3,
  claims: [{ claimId: 'c0', status: 'corroborated', agreeingOrigins: 2, evidence: [] }],
  quotes: [{ quoteId: 'q0', status: 'variant', evidence: [] }],
};

let tip: Tooltip | null = null;
afterEach(() => {
  tip?.destroy();
  tip = null;
  document.body.innerHTML = '';
});

function setup(): void {
  body();
  tip = new Tooltip(document, () => ({ analysis, corroboration }));
}

function body(): void {
  document.body.innerHTML = '<p><mark class="sourcemark" data-sourcemark-kind="claim" data-sourcemark-id="c0">The council said 40 homes flooded.</mark> '
    + '<mark class="sourcemark" data-sourcemark-kind="quote" data-sourcemark-id="q0">"We will rebuild,"</mark> she said.</p>';
}

describe('tooltip', () => {
  it('lives outside <body>, so the page text is unchanged', () => {
    body();
    const before = document.body.textContent;
    tip = new Tooltip(document, () => ({ analysis, corroboration }));
    expect(document.body.textContent).toBe(before);
    expect(document.documentElement.lastElementChild?.tagName.toLowerCase()).toBe('sourcemark-tooltip');
  });

  it('shows kind, speaker and status on hover; a hostile speaker stays text', () => {
    setup();
    const q = document.querySelector('[data-sourcemark-id="q0"]')!;
    q.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const root = tip!.shadow;
    const box = root.querySelector('.tip')!;
    expect(box.classList.contains('show')).toBe(true);
    expect(box.textContent).toContain('Direct quote');
    expect(box.textContent).toContain(`Speaker: ${EVIL}`);
    expect(box.textContent).toContain('Quoted differently elsewhere');
    expect(root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('claims show the corroboration count, and statuses refresh', () => {
    setup();
    document.querySelector('[data-sourcemark-id="c0"]')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(tip!.shadow.querySelector('.status')!.textContent).toBe('Corroborated by 2 independent sources in your library');
    corroboration.claims[0]!.status = 'contradicted';
    tip!.refresh();
    expect(tip!.shadow.querySelector('.status')!.textContent).toMatch(/Contradicted/);
    corroboration.claims[0]!.status = 'corroborated';
  });

  it('destroy() removes the host and stops listening', () => {
    setup();
    const t = tip!;
    t.destroy();
    tip = null;
    expect(document.querySelector('sourcemark-tooltip')).toBeNull();
    document.querySelector('[data-sourcemark-id="q0"]')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(t.shadow.querySelector('.tip')!.classList.contains('show')).toBe(false);
  });

  it('describeItem covers each kind and unknown ids', () => {
    expect(describeItem('attribution', 'a0', analysis, null)).toMatchObject({ title: 'Vague attribution', detail: 'The source is not named.' });
    expect(describeItem('claim', 'c0', analysis, null)).toMatchObject({ title: 'Check-worthy claim', status: null });
    expect(describeItem('claim', 'c9', analysis, null)).toBeNull();
    expect(describeItem('quote', 'q0', { ...analysis, quotes: [{ ...analysis.quotes[0]!, speaker: null }] }, null)!.detail).toBe('Speaker not named nearby');
  });

  it('a status from a library still being read says it is so far only', () => {
    const whole = describeItem('claim', 'c0', analysis, corroboration)!.status!;
    const partial = describeItem('claim', 'c0', analysis, { ...corroboration, libraryPending: 12 })!.status!;
    expect(whole).not.toContain('so far');
    expect(partial).toBe(`${whole} (so far: your library is still being read)`);
    expect(describeItem('quote', 'q0', analysis, { ...corroboration, libraryPending: 12 })!.status).toContain('so far');
  });
});
