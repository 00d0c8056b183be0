/**
 * Origin groups: which articles are one source, so corroboration counts independent origins.
 *
 * - A story credited to a wire (AP, Reuters, ...) has origin `wire:<name>`: every reprint of that
 *   wire's reporting is one source, whatever outlet runs it.
 * - A near-copy (5-gram shingle MinHash Jaccard >= DUPLICATE_JACCARD) joins the origin of the
 *   article it copies; when a new article bridges two groups, the groups merge (a wire key wins).
 * - Otherwise an article is its own origin, `id:<record id>`.
 * - Citing is not corroborating: a sentence that names its source ("Politico reported",
 *   "according to Reuters") gets that source's origin: the origin of the library article from that
 *   outlet when there is one, `wire:<name>` for a wire, else `cite:<name>`. So an article that
 *   repeats Politico's report does not count as a second origin next to Politico, and two
 *   articles that both cite Politico count once.
 */
import { bandHashes, estimateJaccard, minhash, shingles } from './fingerprint.js';

/** Shingle Jaccard at or above which two texts are copies of one story (wire reprints, syndication). */
export const DUPLICATE_JACCARD = 0.5;
/** Texts with fewer 5-gram shingles (about 20 words) are never judged copies. */
export const MIN_SHINGLES = 16;

const WIRE_NAMES: [string, RegExp][] = [
  ['ap', /^(?:the )?(?:ap|associated press)$/i],
  ['reuters', /^reuters$/i],
  ['afp', /^(?:afp|agence france-presse)$/i],
  ['upi', /^(?:upi|united press international)$/i],
];

/** Returns the canonical key of an outlet name for comparisons ("The Washington Post" -> "washington post"). */
export function outletKey(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/\.(com|org|net|co\.uk)$/, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Returns `wire:<name>` when the name is a wire service, else null. */
export function wireKey(name: string): string | null {
  for (const [k, re] of WIRE_NAMES) if (re.test(name.trim())) return 'wire:' + k;
  return null;
}

interface Member {
  origin: string;
  sig: Uint32Array;
  bands: Uint32Array;
  outlet: string;
}

/** Keeps the origin key of every article and finds near-copies through MinHash LSH bands. */
export class OriginIndex {
  private readonly members = new Map<string, Member>();
  /** Band hash -> the article(s) in that bucket: one id, or an array when several (most buckets hold one). */
  private readonly bandMap = new Map<number, string | string[]>();
  private readonly groups = new Map<string, Set<string>>();
  private readonly outlets = new Map<string, string>();

  /** Returns the origin an article would get (without adding it): wire credit, else a copy's origin, else its own. */
  assess(id: string, text: string, wire: string | null): { origin: string; copies: string[]; sig: Uint32Array; bands: Uint32Array } {
    const sh = shingles(text);
    const sig = minhash(sh);
    const bands = bandHashes(sig);
    const copies: string[] = [];
    const seen = new Set<string>();
    // A text of a few words (a headline, a stub) is too short to call a copy of anything.
    for (const b of sh.size >= MIN_SHINGLES ? bands : []) {
      const bucket = this.bandMap.get(b);
      for (const other of bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket) {
        if (other === id || seen.has(other)) continue;
        seen.add(other);
        if (estimateJaccard(sig, this.members.get(other)!.sig) >= DUPLICATE_JACCARD) copies.push(other);
      }
    }
    const copyOrigins = [...new Set(copies.map((c) => this.members.get(c)!.origin))];
    const wk = wire ? (wireKey(wire) ?? 'wire:' + wire.toLowerCase()) : null;
    const origin = wk ?? copyOrigins.find((o) => o.startsWith('wire:')) ?? copyOrigins[0] ?? 'id:' + id;
    return { origin, copies, sig, bands };
  }

  /** Adds an article; returns its origin key. Merges the groups of every copy it bridges. */
  add(id: string, text: string, wire: string | null, outlet: string): string {
    this.remove(id);
    const { origin, copies, sig, bands } = this.assess(id, text, wire);
    for (const c of copies) {
      const o = this.members.get(c)!.origin;
      if (o !== origin) this.relabel(o, origin);
    }
    this.members.set(id, { origin, sig, bands, outlet });
    for (const b of bands) {
      const s = this.bandMap.get(b);
      if (s === undefined) this.bandMap.set(b, id);
      else if (typeof s === 'string') { if (s !== id) this.bandMap.set(b, [s, id]); }
      else if (!s.includes(id)) s.push(id);
    }
    let g = this.groups.get(origin);
    if (!g) this.groups.set(origin, (g = new Set()));
    g.add(id);
    this.outlets.set(outletKey(outlet), id);
    return origin;
  }

  remove(id: string): void {
    const m = this.members.get(id);
    if (!m) return;
    this.members.delete(id);
    for (const b of m.bands) {
      const s = this.bandMap.get(b);
      if (s === id) this.bandMap.delete(b);
      else if (Array.isArray(s)) {
        const rest = s.filter((x) => x !== id);
        if (rest.length === 1) this.bandMap.set(b, rest[0]!);
        else this.bandMap.set(b, rest);
      }
    }
    const g = this.groups.get(m.origin);
    g?.delete(id);
    if (g && !g.size) this.groups.delete(m.origin);
    const k = outletKey(m.outlet);
    if (this.outlets.get(k) === id) this.outlets.delete(k);
  }

  /** Returns the origin key of a stored article. */
  originOf(id: string): string | undefined {
    return this.members.get(id)?.origin;
  }

  /** Returns how many stored articles share this origin. */
  groupSize(origin: string): number {
    return this.groups.get(origin)?.size ?? 0;
  }

  /** Returns the origin a cited source name stands for (see the file comment), or null for generic names. */
  citedOrigin(name: string): string | null {
    const w = wireKey(name);
    if (w) return w;
    const k = outletKey(name);
    if (!k || k.length < 3) return null;
    const id = this.outlets.get(k);
    if (id) return this.members.get(id)!.origin;
    return 'cite:' + k;
  }

  private relabel(from: string, to: string): void {
    const g = this.groups.get(from);
    if (!g) return;
    let t = this.groups.get(to);
    if (!t) this.groups.set(to, (t = new Set()));
    for (const id of g) {
      this.members.get(id)!.origin = to;
      t.add(id);
    }
    this.groups.delete(from);
  }
}
