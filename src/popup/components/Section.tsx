/** A titled list with its count; the heading names the list for screen readers. */
import type { ComponentChildren } from 'preact';

export function Section({ id, title, count, total = count, empty, children }: {
  id: string; title: string; count: number; /** Items before filtering, when a filter hides some. */ total?: number;
  empty: string; children: ComponentChildren;
}) {
  return (
    <section class="section" aria-labelledby={`${id}-h`} data-section={id}>
      <h2 id={`${id}-h`}>
        {title} <span class="count" data-count={count}>{count}</span>
        {total !== count ? <span class="count-of"> of {total}</span> : null}
      </h2>
      {count ? <ul class="items" aria-labelledby={`${id}-h`}>{children}</ul> : <p class="empty">{empty}</p>}
    </section>
  );
}
