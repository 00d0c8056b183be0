/**
 * "Where else is this reported?" for the text the reader selected (the context menu): each
 * sentence with its status and the outlets that report it, and the text as a quote.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LookupResult } from '../../shared/messages.js';
import type { AppError } from '../../shared/result.js';
import { CLAIM_STATUS, QUOTE_STATUS, listNames, unique } from '../labels.js';
import { ask } from '../send.js';
import { EvidenceList } from './ClaimItem.js';
import { StatusBadge } from './StatusBadge.js';

type State = { state: 'loading' } | { state: 'done'; result: LookupResult } | { state: 'error'; error: AppError };

function Result({ result }: { result: LookupResult }) {
  const found = result.sentences.some((s) => s.report.evidence.length) || (result.quote?.evidence.length ?? 0) > 0;
  if (!found) {
    return (
      <p class="lookup-none" data-lookup-none="">
        {result.librarySize === 0
          ? 'Your library has no other articles yet: read other articles on this story first.'
          : `None of the ${result.librarySize} other articles in your library reports this.`}
      </p>
    );
  }
  const q = result.quote;
  const same = unique((q?.evidence ?? []).filter((e) => e.match !== 'variant').map((e) => e.outlet));
  const variant = unique((q?.evidence ?? []).filter((e) => e.match === 'variant').map((e) => e.outlet));
  return (
    <>
      <ul class="items lookup-sentences">
        {result.sentences.filter((s) => s.report.evidence.length).map((s) => {
          const st = CLAIM_STATUS[s.report.status];
          const agree = unique(s.report.evidence.filter((e) => e.stance === 'agree').map((e) => e.outlet));
          const against = unique(s.report.evidence.filter((e) => e.stance === 'contradict').map((e) => e.outlet));
          return (
            <li key={s.text} class="item lookup-sentence" data-lookup-sentence="" data-status={s.report.status}>
              <div class="item-body">
                <StatusBadge status={s.report.status} word={st.word} hint={st.hint} />
                <span class="item-text">{s.text}</span>
                {agree.length ? <p class="outlets outlets-agree" data-outlets="agree">Also reported by <strong>{listNames(agree)}</strong></p> : null}
                {against.length ? <p class="outlets outlets-contradict" data-outlets="contradict">Reported differently by <strong>{listNames(against)}</strong></p> : null}
                <EvidenceList evidence={s.report.evidence} />
              </div>
            </li>
          );
        })}
      </ul>
      {q && q.evidence.length ? (
        <p class="outlets" data-lookup-quote={q.status}>
          <StatusBadge status={q.status} word={QUOTE_STATUS[q.status].word} hint={QUOTE_STATUS[q.status].hint} />{' '}
          {same.length ? <>Same words in <strong>{listNames(same)}</strong>. </> : null}
          {variant.length ? <>Different wording in <strong>{listNames(variant)}</strong>.</> : null}
        </p>
      ) : null}
    </>
  );
}

export function LookupPanel({ text, tabId, onClose }: { text: string; tabId: number; onClose(): void }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void ask('library/lookup', { text, tabId }).then((r) => {
      if (live) setState(r.ok ? { state: 'done', result: r.value } : { state: 'error', error: r.error });
    });
    return () => { live = false; };
  }, [text, tabId]);
  return (
    <section class="lookup" aria-labelledby="lookup-h" data-lookup={state.state}>
      <div class="lookup-head">
        <h2 id="lookup-h">Where else is this reported?</h2>
        <button type="button" class="link" data-lookup-close="" onClick={onClose}>Close<span class="sr-only"> the lookup</span></button>
      </div>
      <blockquote class="lookup-text">{text}</blockquote>
      {state.state === 'loading' ? <p class="loading" aria-busy="true">Looking in your library…</p> : null}
      {state.state === 'error' ? <p class="error" role="alert">{state.error.message}</p> : null}
      {state.state === 'done' ? <Result result={state.result} /> : null}
    </section>
  );
}
