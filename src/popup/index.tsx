/** Popup entry: renders the App into popup.html's #app. */
import { render } from 'preact';
import { App } from './App.js';
import { installE2eBridge } from './e2e.js';

const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // drop the static "Loading…" placeholder; Preact does not clear it
  render(<App />, root);
  if (__E2E__) installE2eBridge(root);
}
