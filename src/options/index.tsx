/** Library page entry (the extension's options page): renders the App into options.html's #app. */
import { render } from 'preact';
import { App } from './App.js';

const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // drop the static "Loading…" placeholder; Preact does not clear it
  render(<App />, root);
}
