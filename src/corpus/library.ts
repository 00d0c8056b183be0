/**
 * The library of known articles: a store plus an in-memory inverted index over the sentences of
 * every article, used to say how each claim and quote of an article stands across the others.
 *
 * Matching (notes/nlp-libraries.md §5): light-stemmed content terms, candidates from the postings of
 * the claim's rarer terms (lists longer than MAX_POSTINGS are skipped, so cost does not grow with
 * the library for common words), IDF-weighted cosine on the candidates, best sentence per article
 * above MATCH_SIM, stance from stance.ts. Denials are matched at a lower bar (DENIAL_SIM, sharing a
 * name and another term): "Iran denied any involvement" rarely shares many words with the claim.
 *
 * Memory (100k synthetic articles, src/cli/eval/library.ts): the index is columnar. A sentence is a
 * row of typed arrays (article, offsets into the article's text, cue flags, offset into one shared
 * pool of interned term ids); postings are growable Int32Arrays; numbers / cites / places live in a
 * sparse map. No per-sentence objects or text copies.
 */
import type {
  ArticleRecord, ClaimEvidence, ClaimReport, ClaimStatus, Corroboration, QuoteEvidence, QuoteReport,
} from '../shared/model.js';
import type { ArticleStore } from './store.js';
import { sentenceFeatures, type NameSlot, type SentenceFeatures } from './features.js';
import { recordSentenceSpans, sentenceText } from './sentences.js';
import { OriginIndex, outletKey } from './origin.js';
import { pairStance } from './stance.js';
import { fnv1a } from './fingerprint.js';
import { matchQuote, quoteWords } from './quote-diff.js';

/** Lowest IDF cosine for a sentence to count as a match (seed pairs judged true start near 0.2). */
export const MATCH_SIM = 0.2;
/** Lowest IDF cosine for an explicit denial that shares a name and one more term with the claim. */
export const DENIAL_SIM = 0.1;
/** A match this strong makes a much weaker denial in the same article about something else. */
export const STRONG_SIM = 0.3;
/** Postings longer than this are skipped when collecting candidates (the two rarest terms never are). */
export const MAX_POSTINGS = 1500;
/** Candidates scored exactly per claim. */
const TOP_CANDIDATES = 120;

/** A growable typed array (columns of the sentence index: no per-sentence objects). */
class Column<T extends Uint32Array | Int32Array | Uint8Array> {
  n = 0;
  constructor(public a: T) {}
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new (this.a.constructor as new (n: number) => T)(Math.max(4, this.a.length * 2));
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

const F_NEGATED = 1, F_DENIAL = 2, F_HEDGED = 4, F_ANAPHORIC = 8;
const TITLE = 0xffffffff;

interface StoredQuote {
  text: string;
  words: string[];
  speaker: string | null;
}

interface Entry {
  id: string;
  outlet: string;
  url: string;
  title: string;
  /** The record text: sentences are offsets into it, not copies. */
  text: string;
  sentences: number[];
  quotes: StoredQuote[];
  alive: boolean;
}

/** Returns the term ids of a quote's word trigrams (and the whole quote when shorter). */
function quoteKeys(words: string[]): number[] {
  if (words.length < 3) return words.length ? [fnv1a(words.join(' '))] : [];
  const out: number[] = [];
  for (let i = 0; i + 3 <= words.length; i++) out.push(fnv1a(words.slice(i, i + 3).join(' ')));
  return out;
}

/** Returns the name tokens of a speaker ("Steven Cheung" -> {steven, cheung}), pronouns dropped. */
function speakerTokens(s: string | null): Set<string> {
  const out = new Set<string>();
  for (const w of (s ?? '').toLowerCase().split(/[^\p{L}]+/u)) {
    if (w.length > 2 && !['he', 'she', 'they', 'the', 'and', 'spokesperson', 'spokesman', 'spokeswoman'].includes(w)) out.add(w);
  }
  return out;
}

/** How openInSlices divides its work (the core has no clock or timers of its own). */
export interface Slicer {
  /** Work per slice, in the units of `now`. */
  sliceMs: number;
  now(): number;
  /** Resolves after other work had its turn (a macrotask in the browser). */
  pause(): Promise<void>;
}

export class Library {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, number>();
  // Sentence columns, indexed by sentence id. sEntry is -1 for a removed sentence.
  private readonly sEntry = new Column(new Int32Array(1024));
  private readonly sStart = new Column(new Uint32Array(1024));
  private readonly sEnd = new Column(new Uint32Array(1024));
  private readonly sFlags = new Column(new Uint8Array(1024));
  /** Offset of a sentence's term ids in `pool`; its terms run to the next sentence's offset. */
  private readonly sTermOff = new Column(new Uint32Array(1024));
  /** Interned term ids of every sentence, back to back; `poolName` marks the ones that are names. */
  private readonly pool = new Column(new Uint32Array(4096));
  private readonly poolName = new Column(new Uint8Array(4096));
  /** Numbers and cites of the sentences that have any (most have none). */
  private readonly extras = new Map<number, string>();
  private readonly termIds = new Map<string, number>();
  /** Postings per term id: sentence ids in a growable Int32Array (length in postLen). */
  private postings: Int32Array[] = [];
  private postLen = new Column(new Uint32Array(1024));
  private df = new Column(new Int32Array(1024));
  private readonly quoteIndex = new Map<number, Set<number>>();
  private readonly origins = new OriginIndex();
  private aliveSentences = 0;
  private acc = new Float64Array(1024);

  /** Records read from the store and not indexed yet (oldest first, from `pendingAt` on). */
  private pending: ArticleRecord[] = [];
  private pendingAt = 0;
  /** Ids stored or removed while records are pending: their pending copies are out of date. */
  private readonly touched = new Set<string>();
  /** Settles when every record read at open is in the index (at once for `open`). */
  indexed: Promise<void> = Promise.resolve();
  /** Ids of records that could not be indexed (left out; they stay in the store). */
  readonly unindexable: string[] = [];

  private constructor(private readonly store: ArticleStore) {}

  /** Returns a library over the store, indexing every readable record before it returns. */
  static async open(store: ArticleStore): Promise<Library> {
    const lib = await Library.openInSlices(store, null);
    await lib.indexed;
    return lib;
  }

  /**
   * Returns a library over the store as soon as its records are read, and indexes them in slices
   * of about `sliceMs` with a macrotask between slices (`indexed` settles at the end). Indexing
   * costs milliseconds per article, so after a worker restart a large library would otherwise hold
   * back every page's highlights; meanwhile corroborate() compares with the articles indexed so
   * far and says how many are left (`libraryPending`).
   */
  static async openInSlices(store: ArticleStore, slicer: Slicer | null): Promise<Library> {
    const lib = new Library(store);
    const { records } = await store.all();
    records.sort((a, b) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : 1));
    lib.pending = records;
    lib.indexed = lib.indexPending(slicer);
    return lib;
  }

  private async indexPending(slicer: Slicer | null): Promise<void> {
    while (this.pendingAt < this.pending.length) {
      const until = slicer ? slicer.now() + slicer.sliceMs : Infinity;
      do {
        const r = this.pending[this.pendingAt++]!;
        if (this.touched.has(r.id)) continue; // stored anew or removed meanwhile: that is what counts
        try {
          this.index(r);
        } catch {
          this.unindex(r.id);
          this.unindexable.push(r.id);
        }
      } while (this.pendingAt < this.pending.length && (!slicer || slicer.now() < until));
      if (slicer && this.pendingAt < this.pending.length) await slicer.pause();
    }
    this.pending = [];
    this.pendingAt = 0;
    this.touched.clear();
  }

  /** Number of articles in the library (indexed so far). */
  get size(): number {
    return this.byId.size;
  }

  /** Articles read at open and not indexed yet (0 once `indexed` has settled). */
  get pendingCount(): number {
    return this.pending.length - this.pendingAt;
  }

  /** Returns the origin key of a stored article (see origin.ts), or undefined. */
  originOf(id: string): string | undefined {
    return this.origins.originOf(id);
  }

  /** Stores the record, then indexes it (a revisit with the same id replaces the old one). A failed put leaves the index as it was. */
  async upsert(record: ArticleRecord): Promise<void> {
    await this.store.put(record);
    if (this.pendingCount) this.touched.add(record.id);
    this.index(record);
  }

  /** Removes the article from store and index. */
  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    if (this.pendingCount) this.touched.add(id);
    this.unindex(id);
  }

  /** Adds a record to the in-memory index only (the store already has it). */
  index(r: ArticleRecord): void {
    this.unindex(r.id);
    const e = this.entries.length;
    const entry: Entry = {
      id: r.id, outlet: r.outlet, url: r.url, title: r.title, text: r.text, sentences: [], quotes: [], alive: true,
    };
    this.entries.push(entry);
    this.byId.set(r.id, e);
    this.origins.add(r.id, r.text, r.wire, r.outlet);
    for (const sp of recordSentenceSpans(r)) {
      const f = sentenceFeatures(sentenceText(r.title, r.text, sp));
      if (f.terms.length < 2) continue;
      const sid = this.sEntry.push(e);
      this.sStart.push(sp.start < 0 ? TITLE : sp.start);
      this.sEnd.push(sp.start < 0 ? TITLE : sp.end);
      this.sFlags.push((f.negated ? F_NEGATED : 0) | (f.denial ? F_DENIAL : 0) | (f.hedged ? F_HEDGED : 0) | (f.anaphoricDenial ? F_ANAPHORIC : 0));
      this.sTermOff.push(this.pool.n);
      const names = new Set(f.names);
      for (const t of f.terms.slice(0, 255)) {
        const id = this.termId(t);
        this.pool.push(id);
        this.poolName.push(names.has(t) ? 1 : 0);
        this.addPosting(id, sid);
        this.df.a[id]!++;
      }
      if (f.numbers.length || f.cites.length || f.places.length || f.actor) {
        // One JSON string per sentence, parsed when the sentence is evidence: far smaller than objects.
        this.extras.set(sid, JSON.stringify([f.numbers, f.cites, f.places, f.actor]));
      }
      entry.sentences.push(sid);
      this.aliveSentences++;
    }
    for (const q of r.analysis.quotes) {
      const words = quoteWords(q.text);
      if (!words.length) continue;
      entry.quotes.push({ text: q.text, words, speaker: q.speaker });
      for (const k of quoteKeys(words)) {
        let s = this.quoteIndex.get(k);
        if (!s) this.quoteIndex.set(k, (s = new Set()));
        s.add(e);
      }
    }
  }

  private unindex(id: string): void {
    const e = this.byId.get(id);
    if (e === undefined) return;
    const entry = this.entries[e]!;
    entry.alive = false;
    for (const sid of entry.sentences) {
      for (const t of this.termsOf(sid)) this.df.a[t]!--;
      this.sEntry.a[sid] = -1;
      this.extras.delete(sid);
      this.aliveSentences--;
    }
    entry.text = '';
    for (const q of entry.quotes) for (const k of quoteKeys(q.words)) this.quoteIndex.get(k)?.delete(e);
    this.byId.delete(id);
    this.origins.remove(id);
    // Postings keep dead ids; they are skipped on read. Compact when they pile up.
    if (this.sEntry.n > 1000 && this.aliveSentences < this.sEntry.n / 2) this.compact();
  }

  private compact(): void {
    for (let t = 0; t < this.postings.length; t++) {
      const list = this.postings[t]!;
      let k = 0;
      for (let i = 0; i < this.postLen.a[t]!; i++) if (this.sEntry.a[list[i]!]! >= 0) list[k++] = list[i]!;
      this.postLen.a[t] = k;
    }
  }

  private addPosting(t: number, sid: number): void {
    let list = this.postings[t]!;
    const n = this.postLen.a[t]!;
    if (n === list.length) {
      const b = new Int32Array(list.length * 2);
      b.set(list);
      this.postings[t] = list = b;
    }
    list[n] = sid;
    this.postLen.a[t] = n + 1;
  }

  private termId(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(t, id);
      this.termNames.push(t);
      this.postings.push(new Int32Array(2));
      this.postLen.push(0);
      this.df.push(0);
    }
    return id;
  }

  /** Returns the term ids of a sentence (a view into the pool). */
  private termsOf(sid: number): Uint32Array {
    const end = sid + 1 < this.sTermOff.n ? this.sTermOff.a[sid + 1]! : this.pool.n;
    return this.pool.a.subarray(this.sTermOff.a[sid]!, end);
  }

  /** Returns the name terms of a sentence. */
  private namesOf(sid: number): string[] {
    const off = this.sTermOff.a[sid]!, terms = this.termsOf(sid), out: string[] = [];
    for (let i = 0; i < terms.length; i++) if (this.poolName.a[off + i]) out.push(this.termName(terms[i]!));
    return out;
  }

  /** Term id -> term (the interned strings of termIds). */
  private readonly termNames: string[] = [];

  private termName(id: number): string {
    return this.termNames[id]!;
  }

  /** Returns the text of a sentence (sliced from its article on demand). */
  private textOf(sid: number): string {
    const entry = this.entries[this.sEntry.a[sid]!]!;
    return this.sStart.a[sid] === TITLE ? entry.title.trim() : entry.text.slice(this.sStart.a[sid]!, this.sEnd.a[sid]!);
  }

  /** Returns the stance features of an indexed sentence (names left empty). */
  private featuresOf(sid: number): SentenceFeatures {
    const fl = this.sFlags.a[sid]!, raw = this.extras.get(sid);
    const [numbers, cites, places, actor] = raw ? (JSON.parse(raw) as [string[], string[], NameSlot[], NameSlot | null]) : [[], [], [], null];
    return {
      terms: Array.from(this.termsOf(sid), (t) => this.termName(t)), names: [], numbers, cites, places, actor,
      negated: (fl & F_NEGATED) !== 0, denial: (fl & F_DENIAL) !== 0, hedged: (fl & F_HEDGED) !== 0, anaphoricDenial: (fl & F_ANAPHORIC) !== 0,
    };
  }

  private idfCache: Float64Array = new Float64Array(0);
  private idfN = -1;

  private idf(df: number): number {
    return Math.log(1 + (this.aliveSentences + 1) / (df + 1));
  }

  /** Returns the IDF of a term id, cached until the library changes. */
  private idfOf(t: number): number {
    if (this.idfN !== this.aliveSentences || this.idfCache.length !== this.df.n) {
      this.idfCache = Float64Array.from(this.df.a.subarray(0, this.df.n), (d) => this.idf(Math.max(0, d)));
      this.idfN = this.aliveSentences;
    }
    return this.idfCache[t]!;
  }

  /** Returns how each claim and quote of the record stands across the other articles (never itself or its own origin group). */
  corroborate(record: ArticleRecord): Corroboration {
    const stored = this.origins.originOf(record.id);
    const origin = stored ?? this.origins.assess(record.id, record.text, record.wire).origin;
    const selfEntry = this.byId.get(record.id);
    const claims: ClaimReport[] = record.analysis.claims.map((c) =>
      this.claimReport(c.id, record.text.slice(c.start, c.end), record, origin, selfEntry));
    const quotes: QuoteReport[] = record.analysis.quotes.map((q) => this.quoteReport(q.id, q.text, q.speaker, origin, selfEntry));
    const c: Corroboration = { articleId: record.id, claims, quotes, librarySize: this.size - (selfEntry !== undefined ? 1 : 0) };
    const pending = this.pendingCount;
    if (pending) c.libraryPending = pending;
    return c;
  }

  /** Returns matches of one sentence against the library, best first: [sentence id, cosine, shared terms]. */
  private candidates(f: SentenceFeatures, skip: (entry: number) => boolean): { sid: number; sim: number; shared: number }[] {
    const q: { id: number; w: number; df: number }[] = [];
    for (const t of f.terms) {
      const id = this.termIds.get(t);
      if (id === undefined || this.df.a[id]! <= 0) continue;
      const idf = this.idf(this.df.a[id]!);
      q.push({ id, w: idf * idf, df: this.df.a[id]! });
    }
    if (!q.length) return [];
    q.sort((a, b) => a.df - b.df);
    let qNorm = 0;
    for (const t of f.terms) {
      const id = this.termIds.get(t);
      const idf = this.idf(id === undefined ? 0 : Math.max(0, this.df.a[id]!));
      qNorm += idf * idf;
    }
    if (this.acc.length < this.sEntry.n) this.acc = new Float64Array(this.sEntry.n * 2);
    const acc = this.acc;
    const touched: number[] = [];
    for (let i = 0; i < q.length; i++) {
      const t = q[i]!;
      const list = this.postings[t.id]!, len = this.postLen.a[t.id]!;
      if (i >= 2 && len > MAX_POSTINGS) continue;
      for (let j = 0; j < len; j++) {
        const sid = list[j]!;
        const e = this.sEntry.a[sid]!;
        if (e < 0 || skip(e)) continue;
        if (acc[sid] === 0) touched.push(sid);
        acc[sid] = acc[sid]! + t.w;
      }
    }
    // Partial selection: only candidates within reach of the best accumulated score are sorted.
    let maxAcc = 0;
    for (const sid of touched) if (acc[sid]! > maxAcc) maxAcc = acc[sid]!;
    const pool = touched.length > TOP_CANDIDATES * 4 ? touched.filter((sid) => acc[sid]! >= maxAcc * 0.25) : touched;
    pool.sort((a, b) => acc[b]! - acc[a]!);
    const top = pool.slice(0, TOP_CANDIDATES);
    for (const sid of touched) acc[sid] = 0;
    const qset = new Set(q.map((x) => x.id));
    const out: { sid: number; sim: number; shared: number }[] = [];
    for (const sid of top) {
      let dot = 0, norm = 0, shared = 0;
      for (const t of this.termsOf(sid)) {
        const idf = this.idfOf(t);
        norm += idf * idf;
        if (qset.has(t)) { dot += idf * idf; shared++; }
      }
      out.push({ sid, sim: dot / Math.sqrt(qNorm * norm || 1), shared });
    }
    out.sort((a, b) => b.sim - a.sim);
    return out;
  }

  /** Returns the IDF cosine of features `f` and indexed sentence `sid`. */
  private simTo(f: SentenceFeatures, sid: number): number {
    if (this.sEntry.a[sid]! < 0) return 0;
    const mine = new Set<number>();
    let qNorm = 0, norm = 0, dot = 0;
    for (const t of f.terms) {
      const id = this.termIds.get(t);
      const idf = this.idf(id === undefined ? 0 : Math.max(0, this.df.a[id]!));
      qNorm += idf * idf;
      if (id !== undefined) mine.add(id);
    }
    for (const t of this.termsOf(sid)) {
      const idf = this.idfOf(t);
      norm += idf * idf;
      if (mine.has(t)) dot += idf * idf;
    }
    return dot / Math.sqrt(qNorm * norm || 1);
  }

  private claimReport(claimId: string, text: string, record: ArticleRecord, origin: string, selfEntry: number | undefined): ClaimReport {
    const f = sentenceFeatures(text);
    const ownOrigins = new Set([origin]);
    for (const c of f.cites) {
      const o = this.origins.citedOrigin(c);
      if (o) ownOrigins.add(o);
    }
    const recordOutlet = outletKey(record.outlet);
    const skip = (e: number) => e === selfEntry || this.origins.originOf(this.entries[e]!.id) === origin;
    const byEntry = new Map<number, { sid: number; sim: number; shared: number }[]>();
    for (const c of this.candidates(f, skip)) {
      const se = this.sEntry.a[c.sid]!;
      let list = byEntry.get(se);
      if (!list) byEntry.set(se, (list = []));
      if (list.length < 30) list.push(c);
    }
    const evidence: ClaimEvidence[] = [];
    for (const [e, list] of byEntry) {
      const entry = this.entries[e]!;
      const best = list[0]!;
      const picked: { c: typeof best; stance: ReturnType<typeof pairStance> }[] = [];
      if (best.sim >= MATCH_SIM && best.shared >= 2) picked.push({ c: best, stance: pairStance(f, this.featuresOf(best.sid), best.sim) });
      if (!picked.some((p) => p.stance.stance === 'contradict')) {
        const bestAgrees = picked.length > 0 && best.sim >= STRONG_SIM;
        for (const c of list) {
          if (picked.some((p) => p.c === c)) continue;
          const sf = this.featuresOf(c.sid);
          const sharedNames = this.namesOf(c.sid).filter((n) => f.names.includes(n) || f.terms.includes(n)).length;
          // An anaphoric denial ("denied any involvement") denies what its article is about: it
          // matches a claim that matches the article's title and shares a name with the denial.
          const topical = sf.anaphoricDenial && sharedNames >= 1 && entry.sentences.length > 0 &&
            this.simTo(f, entry.sentences[0]!) >= MATCH_SIM;
          const ok = c.sim >= MATCH_SIM && c.shared >= 2 || sf.denial && c.sim >= DENIAL_SIM && c.shared >= 2 && sharedNames >= 1 || topical;
          if (!ok || (bestAgrees && c.sim < best.sim * 0.5)) continue;
          const st = pairStance(f, sf, c.sim);
          if (st.stance === 'contradict') { picked.push({ c, stance: st }); break; }
        }
      }
      for (const { c, stance } of picked) {
        const sf = this.featuresOf(c.sid);
        // A sentence that names its source carries that source's origin (origin.ts).
        let evOrigin = this.origins.originOf(entry.id) ?? 'id:' + entry.id;
        for (const name of sf.cites) {
          if (outletKey(name) === recordOutlet) { evOrigin = origin; break; }
          const o = this.origins.citedOrigin(name);
          if (o) { evOrigin = o; break; }
        }
        evidence.push({
          articleId: entry.id, outlet: entry.outlet, url: entry.url, title: entry.title, sentence: this.textOf(c.sid),
          stance: stance.stance, similarity: Math.min(1, c.sim), differs: stance.differs, origin: evOrigin,
        });
      }
    }
    evidence.sort((a, b) => b.similarity - a.similarity);
    const agree = new Set(evidence.filter((x) => x.stance === 'agree' && !ownOrigins.has(x.origin)).map((x) => x.origin));
    const contra = evidence.some((x) => x.stance === 'contradict' && !ownOrigins.has(x.origin));
    const status: ClaimStatus = agree.size && contra ? 'mixed' : agree.size ? 'corroborated' : contra ? 'contradicted' : 'single-source';
    return { claimId, status, agreeingOrigins: agree.size, evidence };
  }

  private quoteReport(quoteId: string, text: string, speaker: string | null, origin: string, selfEntry: number | undefined): QuoteReport {
    const words = quoteWords(text);
    const cands = new Set<number>();
    for (const k of quoteKeys(words)) for (const e of this.quoteIndex.get(k) ?? []) cands.add(e);
    const mine = speakerTokens(speaker);
    const evidence: QuoteEvidence[] = [];
    for (const e of cands) {
      const entry = this.entries[e]!;
      if (e === selfEntry || !entry.alive) continue;
      const o = this.origins.originOf(entry.id)!;
      if (o === origin) continue;
      const m = matchQuote(words, entry.quotes);
      if (!m) continue;
      const theirSpeaker = entry.quotes[m.used[0]!]!.speaker;
      const theirs = speakerTokens(theirSpeaker);
      const speakerMismatch = mine.size > 0 && theirs.size > 0 && ![...mine].some((w) => theirs.has(w));
      evidence.push({
        articleId: entry.id, outlet: entry.outlet, url: entry.url, title: entry.title, text: m.text, speaker: theirSpeaker,
        match: m.match, share: m.share, diff: m.diff, speakerMismatch, origin: o,
      });
    }
    evidence.sort((a, b) => b.share - a.share);
    const status = evidence.some((x) => x.match !== 'variant') ? 'verbatim' : evidence.length ? 'variant' : 'single-source';
    return { quoteId, status, evidence };
  }
}
