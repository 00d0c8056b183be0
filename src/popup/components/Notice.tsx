/** A plain message box: the popup's empty, warning and error states. */
import type { ComponentChildren } from 'preact';

export function Notice({ kind, title, children }: { kind: 'info' | 'warning' | 'error'; title?: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'info' ? 'note' : 'status'} data-notice={kind}>
      {title ? <p class="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}
