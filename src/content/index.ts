/**
 * Content script entry (document_idle). One catch here: nothing we do may throw into the page.
 * Test builds (__E2E__) also relay the page's "open an extension page" request to the background
 * (Firefox over BiDi cannot navigate to moz-extension:// URLs) and flag when annotation finished.
 */
import browser from 'webextension-polyfill';
import { envelope, type ContentToBackground } from '../shared/messages.js';
import { startContentScript, type FinishState, type RuntimeLike } from './lifecycle.js';

try {
  const runtime = browser.runtime as unknown as RuntimeLike;
  startContentScript({
    doc: document,
    win: window,
    runtime,
    onState: __E2E__
      ? (state: FinishState) => {
          document.documentElement.dataset.sourcemarkState = state;
        }
      : undefined,
  });

  if (__E2E__) {
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { type?: unknown; path?: unknown } | null;
      if (event.source !== window || !data || data.type !== 'sourcemark:e2e-open' || typeof data.path !== 'string') return;
      runtime.sendMessage(envelope<ContentToBackground, 'e2e/open'>('e2e/open', { path: data.path })).catch(() => {});
    });
  }
} catch (e) {
  if (!/context invalidated/i.test(String(e))) console.warn('Sourcemark:', e);
}
