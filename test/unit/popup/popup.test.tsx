// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../../src/shared/messages.js';
import { fakeReport } from './fake-report.js';

const sendMessage = vi.fn();
const query = vi.fn(async () => [{ id: 42 }]);
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: (m: unknown) => sendMessage(m) }, tabs: { query: () => query() } } }));

const { App } = await import('../../../src/popup/App.js');
const { ReportView } = await import('../../../src/popup/components/ReportView.js');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sendMessage.mockReset();
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = async () => { for (let i = 0; i < 5; i++) await act(async () => { await Promise.resolve(); }); };
const items = () => [...root.querySelectorAll<HTMLElement>('[data-sourcemark-item]')];
const item = (id: string) => root.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!;

function answer(report: PageReport | { notArticle: string } | null, error?: { code: string; message: string }) {
  sendMessage.mockImplementation(async (m: { name: string; args: Record<string, unknown> }) => {
    if (m.name === 'tab/report') return error ? { ok: false, error } : { ok: true, value: report };
    return { ok: true, value: true };
  });
}

describe('ReportView', () => {
  it('lists claims, quotes and attributions with kinds, statuses and counts', () => {
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root);
    expect(items().map((e) => [e.dataset.itemId, e.dataset.kind, e.dataset.status])).toEqual([
      ['c0', 'claim', 'contradicted'], ['c1', 'claim', 'mixed'], ['c2', 'claim', 'single-source'],
      ['q0', 'quote', 'variant'], ['q1', 'quote', 'verbatim'], ['a0', 'attribution', undefined],
    ]);
    expect([...root.querySelectorAll('.count')].map((e) => e.textContent)).toEqual(['3', '2', '1']);
    expect(root.querySelector('h2')!.textContent).toContain('Claims');
    expect(item('c0').textContent).toContain('Contradicted');
    expect(item('c2').textContent).toContain('Single source');
    expect(root.querySelector('.title')!.textContent).toBe('Water alert lifted');
    expect(root.querySelector('.outlet-name')!.textContent).toBe('Harbor Ledger');
  });

  it('names the agreeing and contradicting outlets without a click; sentences are expandable', () => {
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root);
    const mixed = item('c1');
    expect(mixed.querySelector('[data-outlets="agree"]')!.textContent).toContain('Valley Courier');
    expect(mixed.querySelector('[data-outlets="contradict"]')!.textContent).toContain('Metro Wire');
    expect(mixed.querySelector('[data-outlets="contradict"]')!.textContent).toContain('three days vs a week');
    const details = mixed.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('The notice will last a week.');
  });

  it('shows a word diff, match share and speaker mismatch for variant quotes', () => {
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root);
    const q = item('q0');
    expect(q.querySelector('del.diff-removed')!.textContent).toContain('to drink');
    expect(q.querySelector('.share')!.textContent).toBe('71% of words match');
    expect(q.querySelector('[data-speaker-mismatch]')!.textContent).toContain('Chief Engineer Okafor');
    expect(q.textContent).toContain('Mayor Ruiz');
    expect(item('q1').querySelector('[data-outlets="verbatim"]')!.textContent).toContain('Metro Wire');
  });

  it('keeps script-like page text as text', () => {
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={() => {}} />, root);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(item('c2').textContent).toContain('<script>alert("x")</script>');
  });

  it('notes an empty library and a storage warning', () => {
    render(<ReportView report={fakeReport({
      storageWarning: 'Browser storage is full.',
      corroboration: { articleId: 'x', claims: [], quotes: [], librarySize: 0 },
    })} onToggle={() => {}} onReveal={() => {}} />, root);
    expect(root.querySelector('[data-library-empty]')!.textContent).toContain('Your library is empty: read another article on this story');
    expect(root.querySelector('[data-storage-warning]')!.textContent).toBe('Browser storage is full.');
    expect(items().filter((e) => e.dataset.kind === 'claim').every((e) => e.dataset.status === 'single-source')).toBe(true);
  });

  it('reveals on click and Enter (a real button), but not when opening the details', () => {
    const onReveal = vi.fn();
    render(<ReportView report={fakeReport()} onToggle={() => {}} onReveal={onReveal} />, root);
    const button = item('c1').querySelector('button')!;
    expect(button.tagName).toBe('BUTTON');
    expect(button.textContent).toContain('Claim, Mixed');
    button.click();
    expect(onReveal).toHaveBeenLastCalledWith('c1');
    item('c1').querySelector('summary')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onReveal).toHaveBeenCalledTimes(1);
  });
});

describe('App', () => {
  it('asks for the tab from ?tab= and renders its report', async () => {
    answer(fakeReport());
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    expect(sendMessage).toHaveBeenCalledWith({ sourcemark: 1, name: 'tab/report', args: { tabId: 7 } });
    expect(items()).toHaveLength(6);
  });

  it('defaults to the active tab', async () => {
    answer(fakeReport());
    await act(() => { render(<App search="" />, root); });
    await flush();
    expect(sendMessage).toHaveBeenCalledWith({ sourcemark: 1, name: 'tab/report', args: { tabId: 42 } });
  });

  it('the switch turns highlights off and reflects it in aria-checked', async () => {
    answer(fakeReport());
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    const toggle = root.querySelector<HTMLElement>('[data-sourcemark-toggle]')!;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await act(async () => { toggle.click(); });
    await flush();
    expect(sendMessage).toHaveBeenCalledWith({ sourcemark: 1, name: 'tab/set-enabled', args: { tabId: 7, enabled: false } });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('flips the switch back when the page refuses', async () => {
    answer(fakeReport());
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    sendMessage.mockImplementation(async () => ({ ok: false, error: { code: 'no-content', message: 'gone' } }));
    const toggle = root.querySelector<HTMLElement>('[data-sourcemark-toggle]')!;
    await act(async () => { toggle.click(); });
    await flush();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('sends tab/reveal for a clicked item', async () => {
    answer(fakeReport());
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    item('q0').querySelector('button')!.click();
    expect(sendMessage).toHaveBeenLastCalledWith({ sourcemark: 1, name: 'tab/reveal', args: { tabId: 7, itemId: 'q0' } });
  });

  it('says when the page is not an article', async () => {
    answer({ notArticle: 'No article text found.' });
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    expect(root.textContent).toContain("This page doesn't look like a news article");
    expect(root.textContent).toContain('No article text found.');
  });

  it('says when no content script runs (browser pages)', async () => {
    answer(null, { code: 'no-content', message: 'x' });
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    expect(root.querySelector('[data-state="no-content"]')).not.toBeNull();
    expect(root.textContent).toContain("can't read this page");
  });

  it('shows other errors with a retry', async () => {
    answer(null, { code: 'internal', message: 'The page is still being read.' });
    await act(() => { render(<App search="?tab=7" />, root); });
    await flush();
    expect(root.textContent).toContain('The page is still being read.');
    answer(fakeReport());
    await act(async () => { root.querySelector<HTMLButtonElement>('.retry')!.click(); });
    await flush();
    expect(items()).toHaveLength(6);
  });
});
