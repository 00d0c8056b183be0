/**
 * The per-site switches on the library page: every site where Sourcemark is paused or off, with
 * the way back on, and a form to switch a site off (or pause it) before visiting it.
 */
import { useState } from 'preact/hooks';
import type { SiteEntry, SiteMode } from '../../shared/messages.js';
import { normalizeSite } from '../../background/site.js';

const MODE_WORDS: Record<SiteEntry['mode'], string> = {
  paused: 'Paused until the browser restarts',
  off: 'Always off',
};

export function SiteList({ sites, busy, onSet }: { sites: SiteEntry[]; busy: boolean; onSet(site: string, mode: SiteMode): void }) {
  const [input, setInput] = useState('');
  const [mode, setMode] = useState<'off' | 'paused'>('off');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(input);
    if (!site) {
      setError(`“${input.trim()}” is not a site address. Try one like news.example.com.`);
      return;
    }
    setError(null);
    setInput('');
    onSet(site, mode);
  };
  return (
    <section class="sites" aria-labelledby="sites-h" data-sites="">
      <h2 id="sites-h">Sites</h2>
      <p class="hint">Sourcemark reads articles on every site unless you pause it or switch it off here or from its panel.</p>
      {sites.length === 0 ? (
        <p class="empty" data-sites-empty="">Sourcemark is on everywhere.</p>
      ) : (
        <ul class="site-rows">
          {sites.map((s) => (
            <li key={s.site} data-site-row={s.site} data-site-mode={s.mode}>
              <span class="site-host">{s.site}</span>
              <span class="site-mode">{MODE_WORDS[s.mode]}</span>
              <button type="button" data-site-on={s.site} disabled={busy} onClick={() => onSet(s.site, 'on')}>
                Turn on<span class="sr-only"> Sourcemark for {s.site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="site-add" onSubmit={submit} aria-label="Switch Sourcemark off on a site">
        <label class="field">
          <span>Site</span>
          <input type="text" data-site-input="" value={input} placeholder="news.example.com" autocomplete="off"
            aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'site-error' : undefined}
            onInput={(e) => setInput((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>How</span>
          <select data-site-mode-select="" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value as 'off' | 'paused')}>
            <option value="off">Always off</option>
            <option value="paused">Pause until the browser restarts</option>
          </select>
        </label>
        <button type="submit" data-site-add="" disabled={busy || !input.trim()}>Switch off</button>
      </form>
      {error ? <p class="outcome error" id="site-error" role="alert" data-site-error="">{error}</p> : null}
    </section>
  );
}
