/** A word diff from this article's quote to another outlet's: added and removed words marked. */
import type { DiffOp } from '../../shared/model.js';

export function QuoteDiff({ diff }: { diff: DiffOp[] }) {
  return (
    <span class="diff">
      {diff.map((d, i) => {
        const space = i > 0 ? ' ' : '';
        if (d.op === 'added') return <>{space}<ins key={i} class="diff-added"><span class="sr-only">[added: </span>{d.text}<span class="sr-only">]</span></ins></>;
        if (d.op === 'removed') return <>{space}<del key={i} class="diff-removed"><span class="sr-only">[removed: </span>{d.text}<span class="sr-only">]</span></del></>;
        return <>{space}<span key={i}>{d.text}</span></>;
      })}
    </span>
  );
}
