/**
 * The library page (the extension's options page): every article Sourcemark has read, with
 * search, open, delete one or all, storage used, and import/export of the whole library.
 */
import { useState } from 'preact/hooks';
import { formatBytes, searchEntries } from './format.js';
import { ArticleRow } from './components/ArticleRow.js';
import { PrivateWindowsSetting } from './components/PrivateWindowsSetting.js';
import { SiteList } from './components/SiteList.js';
import { useLibrary } from './use-library.js';

export function App() {
  const { view, outcome, busy, remove, clear, exportFile, importFile, setSite } = useLibrary();
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState(false);

  if (view.state === 'loading') return <p class="loading" aria-busy="true">Opening your library…</p>;
  if (view.state === 'error') {
    return <div class="notice notice-error" role="alert" data-library-error="">{view.error.message}</div>;
  }
  const shown = searchEntries(view.articles, query);
  const total = view.articles.length;
  return (
    <div class="library" data-library-ready="">
      <header class="top">
        <h1>Your Sourcemark library</h1>
        <p class="summary">
          <span data-library-count="">{total} article{total === 1 ? '' : 's'}</span>
          {' · '}
          <span data-library-bytes="">Storage used: {formatBytes(view.bytes)}</span>
          {' · '}Kept in this browser only; nothing leaves it.
        </p>
      </header>
      {view.warning ? <div class="notice notice-warning" role="status">{view.warning}</div> : null}
      {view.skipped ? <div class="notice notice-warning" role="status">{view.skipped} unreadable article{view.skipped === 1 ? ' was' : 's were'} left out.</div> : null}

      <div class="toolbar">
        <label class="search">
          <span>Search</span>
          <input type="search" data-library-search="" value={query} placeholder="Outlet, title or address"
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" data-library-export="" disabled={busy} onClick={() => void exportFile()}>Export library</button>
        <label class={`button${busy ? ' disabled' : ''}`}>
          Import library…
          <input type="file" class="sr-only" accept="application/json,.json" data-library-import="" disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = ''; // choosing the same file again fires change again
              if (file) void importFile(file);
            }} />
        </label>
        {confirming ? (
          <span class="confirm" role="group" aria-label="Confirm deleting the whole library">
            <span>Delete all {total} articles? This cannot be undone.</span>
            <button type="button" class="danger" data-library-clear-confirm="" disabled={busy}
              onClick={() => { setConfirming(false); void clear(); }}>Delete all</button>
            <button type="button" data-library-clear-cancel="" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        ) : (
          <button type="button" class="danger" data-library-clear="" disabled={busy || total === 0}
            onClick={() => setConfirming(true)}>Delete all…</button>
        )}
      </div>

      <p class={`outcome ${outcome?.kind ?? ''}`} role={outcome?.kind === 'error' ? 'alert' : 'status'} data-library-outcome={outcome?.kind ?? ''}>
        {outcome?.text ?? ''}
      </p>

      {total === 0 ? (
        <p class="empty" data-library-empty="">Your library is empty. Articles you read with Sourcemark on appear here.</p>
      ) : shown.length === 0 ? (
        <p class="empty" data-library-no-match="">No article matches “{query}”.</p>
      ) : (
        <table class="articles">
          <caption class="sr-only">Articles in your library{query ? `, matching “${query}”` : ''}</caption>
          <thead>
            <tr><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Claims</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {shown.map((e) => <ArticleRow key={e.id} entry={e} busy={busy} onDelete={(id) => void remove(id, e.title || e.url)} />)}
          </tbody>
        </table>
      )}

      <SiteList sites={view.sites} busy={busy} onSet={(site, mode) => void setSite(site, mode)} />
      <PrivateWindowsSetting />
    </div>
  );
}
