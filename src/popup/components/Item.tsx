/**
 * One row of the popup: the main button reveals the highlight in the page (click or Enter);
 * details below it (outlet names, expandable sentences) do not.
 */
import type { ComponentChildren } from 'preact';

export interface ItemProps {
  id: string;
  kind: 'claim' | 'quote' | 'attribution';
  status?: string;
  /** What the button's accessible name starts with, e.g. "Claim, corroborated". */
  label: string;
  main: ComponentChildren;
  children?: ComponentChildren;
  onReveal(id: string): void;
}

export function Item({ id, kind, status, label, main, children, onReveal }: ItemProps) {
  return (
    <li
      class={`item item-${kind}`}
      data-sourcemark-item=""
      data-item-id={id}
      data-kind={kind}
      data-status={status}
      onClick={(e) => {
        // Clicks on the row reveal the highlight, except inside the expandable details.
        const t = e.target as Element | null;
        if (t?.closest?.('details, a, .no-reveal')) return;
        onReveal(id);
      }}
    >
      <button type="button" class="item-main" aria-describedby={`${id}-more`}>
        <span class="sr-only">{label}. Show in page: </span>
        {main}
      </button>
      {children ? <div class="item-more" id={`${id}-more`}>{children}</div> : null}
    </li>
  );
}
