/** A vague attribution (anonymous source, hedge, unsupported claim, weasel words) and why it is flagged. */
import type { Attribution } from '../../shared/model.js';
import { ATTRIBUTION_KIND } from '../labels.js';
import { Item } from './Item.js';

export function AttributionItem({ a, text, onReveal }: { a: Attribution; text: string; onReveal(id: string): void }) {
  const kind = ATTRIBUTION_KIND[a.kind] ?? a.kind;
  return (
    <Item
      id={a.id} kind="attribution" label={`Vague attribution, ${kind}`} onReveal={onReveal}
      main={<>
        <span class={`badge badge-${a.kind}`} data-attribution-kind={a.kind}>{kind}</span>
        <span class="item-text">{text.slice(a.start, a.end)}</span>
      </>}
    >
      <p class="reason">{a.reason}</p>
    </Item>
  );
}
