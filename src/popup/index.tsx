/**
 * Popup entry: starts the tab's reads at once (before the first render, see preload.ts), then
 * renders the App into popup.html's #app.
 */
import { render } from 'preact';
import { App } from './App.js';
import { installE2eBridge } from './e2e.js';
import { benchMark } from './bench-marks.js';
import { startPreload } from './preload.js';
import { activeTabId, tabFromSearch } from './use-target-tab.js';

benchMark('script');
const fixed = tabFromSearch(location.search);
if (fixed !== null) startPreload(fixed);
else void activeTabId().then((id) => { if (id !== null) startPreload(id); });
const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // drop the static "Loading…" placeholder; Preact does not clear it
  render(<App />, root);
  if (__E2E__) installE2eBridge(root);
}
