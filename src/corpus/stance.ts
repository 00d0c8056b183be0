/**
 * Stance of one sentence toward a claim it matched: agree, contradict (denial, negation mismatch,
 * a different number / date for the same event) or observing (only reports it as someone's claim).
 */
import type { Stance } from '../shared/model.js';
import { nameTerms, type SentenceFeatures } from './features.js';

export interface PairStance {
  stance: Stance;
  differs: string[];
}

/** Pairs this similar (or more) describe the same event, so a different number or date contradicts. */
export const SAME_EVENT_SIM = 0.4;
/** Pairs this similar (or more) with a negation on one side only contradict. */
export const NEGATION_SIM = 0.35;

const label = (k: string) => {
  const [kind, v] = k.split(':');
  return kind === 'pct' ? `${v} percent` : v!;
};

/** Returns "a vs b" for number mentions of the same kind that differ (year vs year, percent vs percent). */
export function numberDiffs(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const kind of ['pct', 'year', 'month', 'num']) {
    const xa = a.filter((x) => x.startsWith(kind + ':'));
    const xb = b.filter((x) => x.startsWith(kind + ':'));
    if (!xa.length || !xb.length) continue;
    if (xa.some((x) => xb.includes(x))) continue;
    out.push(`${xa.map(label).join(', ')} vs ${xb.map(label).join(', ')}`);
  }
  return out;
}

/**
 * Returns "X vs Y" when the two sentences name a different place for the same happening (a place
 * after the same word: "exploded in Kabul" / "exploded in Kandahar") or a different actor opening
 * the same action ("Maria Lopez announced" / "John Carter announced"), and neither name appears
 * anywhere in the other sentence (not "in Kabul" vs no place at all).
 */
export function nameDiffs(c: SentenceFeatures, e: SentenceFeatures): string[] {
  const out: string[] = [];
  const cTerms = new Set(c.terms), eTerms = new Set(e.terms);
  const absent = (name: string, other: Set<string>) => !nameTerms(name).some((t) => other.has(t));
  for (const p of c.places) {
    const q = e.places.find((x) => x.anchor === p.anchor);
    if (q && absent(p.name, eTerms) && absent(q.name, cTerms)) { out.push(`${p.name} vs ${q.name}`); break; }
  }
  const [ca, ea] = [c.actor, e.actor];
  if (ca && ea && ca.anchor === ea.anchor && absent(ca.name, eTerms) && absent(ea.name, cTerms)) out.push(`${ca.name} vs ${ea.name}`);
  return out;
}

/** Returns the stance of evidence sentence `e` toward claim `c`, given their similarity in [0, 1]. */
export function pairStance(c: SentenceFeatures, e: SentenceFeatures, sim: number): PairStance {
  const cNeg = c.denial || c.negated;
  const eNeg = e.denial || e.negated;
  if (e.denial && !cNeg) return { stance: 'contradict', differs: [] };
  if (c.denial && !eNeg && sim >= NEGATION_SIM) return { stance: 'contradict', differs: [] };
  if (cNeg !== eNeg && sim >= NEGATION_SIM) return { stance: 'contradict', differs: ['negated in one'] };
  if (sim >= SAME_EVENT_SIM) {
    const d = numberDiffs(c.numbers, e.numbers);
    if (d.length) return { stance: 'contradict', differs: d };
  }
  // A different place or actor is noted, not called a contradiction: places come at different
  // granularities ("Camp Edwards" / "Joint Base Cape Cod") that lexical features cannot reconcile.
  const noted = sim >= SAME_EVENT_SIM && e.terms.length ? nameDiffs(c, e) : [];
  if (e.hedged && !c.hedged) return { stance: 'observing', differs: noted };
  return { stance: 'agree', differs: noted };
}
