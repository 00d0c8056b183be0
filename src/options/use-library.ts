/** Loads the library list and storage figures from the background, and the actions on them. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { libraryFileName, parseJson } from '../corpus/library-file.js';
import type { LibraryEntry, SiteEntry, SiteMode } from '../shared/messages.js';
import type { AppError } from '../shared/result.js';
import { ask } from '../popup/send.js';
import { downloadJson } from './download.js';

export type LibraryView =
  | { state: 'loading' }
  | { state: 'error'; error: AppError }
  | { state: 'ready'; articles: LibraryEntry[]; skipped: number; bytes: number | null; warning: string | null; sites: SiteEntry[] };

/** A line under the toolbar: what the last action did, or why it failed. */
export type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function useLibrary() {
  const [view, setView] = useState<LibraryView>({ state: 'loading' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [list, stats, sites] = await Promise.all([ask('library/list', {}), ask('library/stats', {}), ask('site/list', {})]);
    if (!list.ok) { setView({ state: 'error', error: list.error }); return; }
    setView({
      state: 'ready', articles: list.value.articles, skipped: list.value.skipped,
      bytes: stats.ok ? stats.value.bytes : null, warning: stats.ok ? stats.value.warning : null,
      sites: sites.ok ? sites.value.sites : [],
    });
  }, []);

  useEffect(() => { void load(); }, [load]);

  /** Runs an action with the buttons disabled, then reloads the list. */
  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await action());
    } finally {
      await load();
      setBusy(false);
    }
  };

  const remove = (id: string, title: string) => run(async () => {
    const r = await ask('library/delete', { id });
    return r.ok ? { kind: 'ok', text: `Deleted “${title}”.` } : { kind: 'error', text: r.error.message };
  });

  const clear = () => run(async () => {
    const r = await ask('library/clear', {});
    return r.ok
      ? { kind: 'ok', text: `Deleted all ${r.value.removed} article${r.value.removed === 1 ? '' : 's'}.` }
      : { kind: 'error', text: r.error.message };
  });

  const exportFile = () => run(async () => {
    const r = await ask('library/export', {});
    if (!r.ok) return { kind: 'error', text: r.error.message };
    downloadJson(libraryFileName(Date.now()), r.value);
    return { kind: 'ok', text: `Exported ${r.value.articles.length} article${r.value.articles.length === 1 ? '' : 's'}.` };
  });

  const importFile = (file: File) => run(async () => {
    const parsed = parseJson(await file.text());
    if (!parsed.ok) return { kind: 'error', text: `${file.name}: ${parsed.error.message} Nothing was changed.` };
    const r = await ask('library/import', { file: parsed.value });
    if (!r.ok) {
      return { kind: 'error', text: `${file.name}: ${r.error.message}${r.error.code === 'bad-request' ? ' Nothing was changed.' : ''}` };
    }
    return { kind: 'ok', text: `Imported ${file.name}: ${r.value.added} new, ${r.value.replaced} updated.` };
  });

  const setSite = (site: string, mode: SiteMode) => run(async () => {
    const r = await ask('site/set', { site, mode });
    if (!r.ok) return { kind: 'error', text: r.error.message };
    const words = mode === 'on' ? 'on again' : mode === 'paused' ? 'paused until the browser restarts' : 'always off';
    return { kind: 'ok', text: `Sourcemark is ${words} on ${site}. Pages already open follow when reloaded.` };
  });

  return { view, outcome, busy, remove, clear, exportFile, importFile, setSite };
}
