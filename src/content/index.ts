/**
 * Content script entry (document_idle). One catch here: nothing we do may throw into the page.
 * Test builds (__E2E__) also relay the page's "open an extension page" request to the background
 * (Firefox over BiDi cannot navigate to moz-extension:// URLs) and flag when annotation finished.
 */
import browser from 'webextension-polyfill';
import { envelope, type ContentToBackground } from '../shared/messages.js';
import { E2E_POPUP_CLICK, E2E_POPUP_SNAPSHOT } from '../shared/e2e-bridge.js';
import { startContentScript, type FinishState, type RuntimeLike } from './lifecycle.js';

try {
  const runtime = browser.runtime as unknown as RuntimeLike;
  startContentScript({
    doc: document,
    win: window,
    runtime,
    onState: __E2E__
      ? (state: FinishState, detail?: string) => {
          const d = document.documentElement.dataset;
          d.sourcemarkState = state;
          // What went wrong, so a failing test can say it (a content script's console is not the page's).
          if (detail !== undefined) d.sourcemarkError = detail;
          // Counts finished reads, so a test can wait for the read after a navigation or a change.
          d.sourcemarkRuns = String(Number(d.sourcemarkRuns ?? 0) + 1);
        }
      : undefined,
  });

  if (__E2E__) {
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { type?: unknown; path?: unknown; selector?: unknown; instance?: unknown } | null;
      if (event.source !== window || !data) return;
      if (data.type === 'sourcemark:e2e-open' && typeof data.path === 'string') {
        runtime.sendMessage(envelope<ContentToBackground, 'e2e/open'>('e2e/open', { path: data.path })).catch(() => {});
      } else if (data.type === 'sourcemark:e2e-read-popup') {
        // The popup's last snapshot, for the test to read from this page (see shared/e2e-bridge.ts).
        void browser.storage.local.get(E2E_POPUP_SNAPSHOT).then((got) => {
          document.documentElement.dataset.sourcemarkPopup = JSON.stringify(got[E2E_POPUP_SNAPSHOT] ?? null);
        });
      } else if (data.type === 'sourcemark:e2e-click-popup' && typeof data.selector === 'string' && typeof data.instance === 'string') {
        const click = { instance: data.instance, selector: data.selector, nonce: Math.random() };
        void browser.storage.local.set({ [E2E_POPUP_CLICK]: click });
      }
    });
  }
} catch (e) {
  if (!/context invalidated/i.test(String(e))) console.warn('Sourcemark:', e);
}
