// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeReport } from './fake-report.js';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) }, tabs: { query: async () => [{ id: 42 }] } } }));

const { App } = await import('../../../src/popup/App.js');
const { ReportView } = await import('../../../src/popup/components/ReportView.js');

let root: HTMLElement;
let blobs: { blob: Blob; name: string }[];
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  blobs = [];
  let last: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => { last = b as Blob; return 'blob:x'; });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { blobs.push({ blob: last!, name: this.download }); });
  sendMessage.mockImplementation(async (m: { name: string }) => {
    if (m.name === 'tab/report') return { ok: true, value: fakeReport() };
    if (m.name === 'tab/source') return { ok: true, value: { url: 'https://www.harbor.example/a?utm_source=x', canonicalUrl: 'https://harbor.example/a', lang: 'en' } };
    return { ok: true, value: true };
  });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
  sendMessage.mockReset();
});

const flush = async () => { for (let i = 0; i < 8; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const shown = () => [...root.querySelectorAll<HTMLElement>('[data-sourcemark-item]')].map((e) => e.dataset.itemId);
const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
async function choose(sel: string, value: string) {
  const el = q<HTMLSelectElement>(sel);
  await act(async () => { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); });
}
async function type(value: string) {
  const el = q<HTMLInputElement>('[data-filter-search]');
  await act(async () => { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); });
}

describe('popup filters', () => {
  beforeEach(() => { render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root); });

  it('shows everything until a filter is set; the controls are labelled', () => {
    expect(shown()).toEqual(['c0', 'c1', 'c2', 'q0', 'q1', 'a0']);
    for (const sel of ['[data-filter-kind]', '[data-filter-status]', '[data-filter-search]']) {
      expect(q(sel).closest('label')!.textContent!.length).toBeGreaterThan(0);
    }
  });

  it('filters by kind, hiding the other sections', async () => {
    await choose('[data-filter-kind]', 'quote');
    expect(shown()).toEqual(['q0', 'q1']);
    expect(root.querySelector('[data-section="claims"]')).toBeNull();
    await choose('[data-filter-kind]', 'attribution');
    expect(shown()).toEqual(['a0']);
  });

  it('filters by status across kinds, with "n of m" counts', async () => {
    await choose('[data-filter-status]', 'single-source');
    expect(shown()).toEqual(['c2']);
    expect(q('[data-section="claims"] h2').textContent).toContain('1 of 3');
    await choose('[data-filter-status]', 'verbatim');
    expect(shown()).toEqual(['q1']);
    await choose('[data-filter-status]', 'contradicted');
    await choose('[data-filter-kind]', 'quote');
    expect(shown()).toEqual([]);
    expect(q('[data-no-match]')).toBeTruthy();
  });

  it('searches the item words, speakers and outlets, ignoring case', async () => {
    await type('mayor ruiz');
    expect(shown()).toEqual(['q0']);
    await type('METRO wire');
    expect(shown()).toEqual(['c1', 'q1']);
    await type('familiar');
    expect(shown()).toEqual(['a0']);
    await type('');
    expect(shown()).toHaveLength(6);
  });

  it('keeps the public contract on the items that stay', async () => {
    await choose('[data-filter-kind]', 'claim');
    const c0 = q('[data-item-id="c0"]');
    expect(c0.dataset.kind).toBe('claim');
    expect(c0.dataset.status).toBe('contradicted');
    expect(c0.hasAttribute('data-sourcemark-item')).toBe(true);
  });
});

describe('popup exports', () => {
  async function mount() {
    await act(async () => { render(<App search="?tab=7" />, root); });
    await flush();
    expect(q('.tab-report').hasAttribute('data-sourcemark-ready')).toBe(true);
  }

  it('downloads the highlights as Web Annotation JSON-LD targeting the canonical URL', async () => {
    await mount();
    await act(async () => { q('[data-export-annotations]').click(); });
    await flush();
    expect(sendMessage).toHaveBeenCalledWith(expect.objectContaining({ name: 'tab/source', args: { tabId: 7 } }));
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.name).toBe('sourcemark-annotations-water-alert-lifted.jsonld');
    const doc = JSON.parse(await blobs[0]!.blob.text());
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.first.items).toHaveLength(6);
    expect(doc.first.items[0].target.source).toBe('https://harbor.example/a');
    expect(doc.first.items[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(q('[data-export-note]').textContent).toBe('Saved 6 highlights as Web Annotations.');
  });

  it('downloads one claim as ClaimReview without revealing it in the page', async () => {
    await mount();
    sendMessage.mockClear();
    await act(async () => { q('[data-export-claimreview="c1"]').click(); });
    await flush();
    expect(sendMessage.mock.calls.map(([m]) => m.name)).not.toContain('tab/reveal');
    expect(blobs).toHaveLength(1);
    const review = JSON.parse(await blobs[0]!.blob.text());
    expect(review).toMatchObject({ '@type': 'ClaimReview', claimReviewed: 'Officials said the boil notice would last three days.' });
    expect(review.itemReviewed.appearance[0].url).toBe('https://harbor.example/a');
    expect(review).not.toHaveProperty('reviewRating');
  });

  it('falls back to the page URL when the page cannot say its canonical URL', async () => {
    sendMessage.mockImplementation(async (m: { name: string }) => {
      if (m.name === 'tab/report') return { ok: true, value: fakeReport({ url: 'https://harbor.example/page-url' }) };
      return { ok: false, error: { code: 'no-content', message: 'gone' } };
    });
    await mount();
    await act(async () => { q('[data-export-annotations]').click(); });
    await flush();
    const doc = JSON.parse(await blobs[0]!.blob.text());
    expect(doc.first.items[0].target.source).toBe('https://harbor.example/page-url');
  });
});
