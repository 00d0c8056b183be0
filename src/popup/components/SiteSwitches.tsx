/** The per-site switches under the header: pause on this site, always off on this site. */
import type { SiteMode } from '../../shared/messages.js';

export function SiteSwitches({ site, busy, error, onSet }: {
  site: string; busy: boolean; error: string | null; onSet(mode: Exclude<SiteMode, 'on'>): void;
}) {
  return (
    <div class="site-switches" role="group" aria-label={`Sourcemark on ${site}`} data-site={site}>
      <span class="site-name">On <strong>{site}</strong>:</span>
      <button type="button" data-site-pause="" disabled={busy} onClick={() => onSet('paused')}
        title="Off on this site until you restart the browser">Pause on this site</button>
      <button type="button" data-site-off="" disabled={busy} onClick={() => onSet('off')}
        title="Off on this site until you switch it back on (here or in the library)">Always off on this site</button>
      {error ? <p class="site-error" role="alert" data-site-error="">{error}</p> : null}
    </div>
  );
}
