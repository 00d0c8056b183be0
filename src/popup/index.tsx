/**
 * Popup entry: starts the tab's reads at once (see preload.ts), waits briefly for the first
 * answer so the first render already shows the items (the static "Loading…" placeholder shows
 * meanwhile), then renders the App into popup.html's #app.
 */
import { render } from 'preact';
import { App } from './App.js';
import { installE2eBridge } from './e2e.js';
import { benchMark } from './bench-marks.js';
import { settleFirst, startPreload } from './preload.js';
import { activeTabId, tabFromSearch } from './use-target-tab.js';

/** The longest the first render waits for an answer; a service worker waking up can take longer. */
const FIRST_ANSWER_WAIT_MS = 150;

benchMark('script');

async function start(root: HTMLElement): Promise<void> {
  const tabId = tabFromSearch(location.search) ?? await activeTabId();
  if (tabId !== null) await settleFirst(startPreload(tabId), FIRST_ANSWER_WAIT_MS);
  benchMark('settled');
  root.textContent = ''; // drop the static "Loading…" placeholder; Preact does not clear it
  render(<App tabId={tabId ?? undefined} />, root);
  benchMark('rendered');
  if (__E2E__) installE2eBridge(root);
}

const root = document.getElementById('app');
if (root) void start(root);
