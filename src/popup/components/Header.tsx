/** Outlet, title, and the switch that turns the tab's highlights off and on. */
export function Header({ outlet, title, enabled, onToggle }: {
  outlet: string; title: string; enabled: boolean; onToggle(enabled: boolean): void;
}) {
  return (
    <header class="header">
      <div class="header-text">
        <p class="outlet-name">{outlet}</p>
        <h1 class="title">{title}</h1>
      </div>
      <div class="switch">
        <button
          type="button" role="switch" aria-checked={enabled} data-sourcemark-toggle=""
          aria-label="Highlights on this page" onClick={() => onToggle(!enabled)}
        >
          <span class="switch-track" aria-hidden="true"><span class="switch-thumb" /></span>
        </button>
        <span class="switch-label" aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
      </div>
    </header>
  );
}
