/** A quote: the words and speaker, status, outlets quoting it, and word diffs for variants. */
import type { Quote, QuoteEvidence, QuoteReport } from '../../shared/model.js';
import { QUOTE_STATUS, listNames, percent, unique } from '../labels.js';
import { Item } from './Item.js';
import { QuoteDiff } from './QuoteDiff.js';
import { StatusBadge } from './StatusBadge.js';

function Variant({ e, speaker }: { e: QuoteEvidence; speaker: string | null }) {
  return (
    <li class={`evidence-${e.match}`} data-match={e.match}>
      <span class="outlet">{e.outlet}</span>{' '}
      <span class="share" data-share={e.share}>{percent(e.share)} of words match</span>:{' '}
      <QuoteDiff diff={e.diff} />
      {e.speakerMismatch ? (
        <span class="speaker-mismatch" data-speaker-mismatch="">
          {' '}Credited to {e.speaker ?? 'someone else'}{speaker ? `, not ${speaker}` : ''}
        </span>
      ) : null}
    </li>
  );
}

export function QuoteItem({ quote, report, onReveal }: { quote: Quote; report: QuoteReport | undefined; onReveal(id: string): void }) {
  const status = report?.status ?? 'single-source';
  const s = QUOTE_STATUS[status];
  const evidence = report?.evidence ?? [];
  const same = unique(evidence.filter((e) => e.match === 'verbatim').map((e) => e.outlet));
  const variants = evidence.filter((e) => e.match !== 'verbatim');
  const mismatched = evidence.filter((e) => e.speakerMismatch);
  return (
    <Item
      id={quote.id} kind="quote" status={status} label={`Quote, ${s.word}`} onReveal={onReveal}
      main={<>
        <StatusBadge status={status} word={s.word} hint={s.hint} />
        <span class="item-text"><q>{quote.text.replace(/[\s,;:]+$/, '')}</q></span>
        <span class="speaker"> — {quote.speaker ?? 'speaker not named'}</span>
      </>}
    >
      {same.length ? <p class="outlets outlets-agree" data-outlets="verbatim">Same words in <strong>{listNames(same)}</strong></p> : null}
      {variants.length ? (
        <p class="outlets outlets-variant" data-outlets="variant">
          Different wording in <strong>{listNames(unique(variants.map((e) => e.outlet)))}</strong>
        </p>
      ) : null}
      {mismatched.length ? (
        <p class="speaker-mismatch" data-speaker-mismatch="">
          Speaker differs: {listNames(unique(mismatched.map((e) => `${e.outlet} credits ${e.speaker ?? 'someone else'}`)))}
        </p>
      ) : null}
      {variants.length ? <ul class="evidence variants">{variants.map((e) => <Variant key={e.articleId} e={e} speaker={quote.speaker} />)}</ul> : null}
      {same.length ? (
        <details class="no-reveal">
          <summary>Show where ({same.length})</summary>
          <ul class="evidence">
            {evidence.filter((e) => e.match === 'verbatim').map((e) => (
              <li key={e.articleId}><span class="outlet">{e.outlet}</span>: <q>{e.text}</q>{e.speaker ? ` — ${e.speaker}` : ''}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </Item>
  );
}
