/** A plain message box: the popup's empty, warning and error states. */
import type { ComponentChildren } from 'preact';

export function Notice({ kind, title, heading = false, children }: {
  kind: 'info' | 'warning' | 'error'; title?: string;
  /** The title is the page's heading (a plain state that is all the popup shows). */
  heading?: boolean; children?: ComponentChildren;
}) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'info' ? 'note' : 'status'} data-notice={kind}>
      {title ? (heading ? <h1 class="notice-title">{title}</h1> : <p class="notice-title">{title}</p>) : null}
      {children}
    </div>
  );
}
