/** A claim: its sentence, status, and the outlets that agree or disagree, named without a click. */
import type { Claim, ClaimEvidence, ClaimReport } from '../../shared/model.js';
import { CLAIM_STATUS, listNames, unique } from '../labels.js';
import { Item } from './Item.js';
import { StatusBadge } from './StatusBadge.js';

export function EvidenceList({ evidence }: { evidence: ClaimEvidence[] }) {
  return (
    <ul class="evidence">
      {evidence.map((e) => (
        <li key={`${e.articleId}:${e.sentence}`} class={`evidence-${e.stance}`} data-stance={e.stance}>
          <span class="outlet">{e.outlet}</span>
          {e.stance === 'contradict' ? ' (reports differently)' : e.stance === 'observing' ? ' (mentions it)' : ''}:{' '}
          <q class="sentence">{e.sentence}</q>
          {e.differs.length ? <span class="differs"> Differs: {e.differs.join('; ')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function ClaimItem({ claim, text, report, onReveal, onExport }: {
  claim: Claim; text: string; report: ClaimReport | undefined; onReveal(id: string): void;
  /** Downloads the claim as ClaimReview JSON; no button without it. */
  onExport?(id: string): void;
}) {
  const status = report?.status ?? 'single-source';
  const s = CLAIM_STATUS[status];
  const evidence = report?.evidence ?? [];
  const agree = unique(evidence.filter((e) => e.stance === 'agree').map((e) => e.outlet));
  const against = unique(evidence.filter((e) => e.stance === 'contradict').map((e) => e.outlet));
  const differs = unique(evidence.flatMap((e) => (e.stance === 'contradict' ? e.differs : [])));
  return (
    <Item
      id={claim.id} kind="claim" status={status} label={`Claim, ${s.word}`} onReveal={onReveal}
      main={<>
        <StatusBadge status={status} word={s.word} hint={s.hint} />
        <span class="item-text">{text.slice(claim.start, claim.end)}</span>
      </>}
    >
      {agree.length ? <p class="outlets outlets-agree" data-outlets="agree">Also reported by <strong>{listNames(agree)}</strong></p> : null}
      {against.length ? (
        <p class="outlets outlets-contradict" data-outlets="contradict">
          Contradicted by <strong>{listNames(against)}</strong>{differs.length ? <> ({differs.join('; ')})</> : null}
        </p>
      ) : null}
      {evidence.length ? (
        <details class="no-reveal">
          <summary>Show their sentences ({evidence.length})</summary>
          <EvidenceList evidence={evidence} />
        </details>
      ) : null}
      {onExport ? (
        <button type="button" class="export-claim no-reveal" data-export-claimreview={claim.id} onClick={() => onExport(claim.id)}>
          Export as ClaimReview<span class="sr-only">: this claim and how it stands, as JSON</span>
        </button>
      ) : null}
    </Item>
  );
}
