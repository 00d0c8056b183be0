/** The plain state "highlights off on this site", with the way back on. */
import type { SiteEntry } from '../../shared/messages.js';
import { Notice } from './Notice.js';

export function SiteOffView({ entry, busy, onTurnOn, onLibrary }: { entry: SiteEntry; busy: boolean; onTurnOn(): void; onLibrary(): void }) {
  return (
    <Notice kind="info" heading title="Highlights are off on this site">
      <p data-state="site-off" data-site-mode={entry.mode}>
        {entry.mode === 'paused'
          ? <>You paused Sourcemark on <strong>{entry.site}</strong> until the browser restarts. Nothing on its pages is analysed or kept.</>
          : <>You switched Sourcemark off on <strong>{entry.site}</strong>. Nothing on its pages is analysed or kept.</>}
      </p>
      <p class="notice-actions">
        <button type="button" class="primary" data-site-on="" disabled={busy} onClick={onTurnOn}>Turn on for this site</button>
        <button type="button" class="link" data-open-library="" onClick={onLibrary}>Manage sites in your library</button>
      </p>
    </Notice>
  );
}
