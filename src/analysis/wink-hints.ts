/**
 * wink's sentence-boundary and POS token transformers (wink-eng-lite-web-model 1.8.1,
 * dist/sbd-transformers.js and dist/pos-transformers.js), with the lexicon properties they read
 * cached per lexeme index. Why: wink's automata call a transformer for every token, and each
 * call looks the properties up through the lexicon's generic `cache.property(index, name)`
 * (layout look-up, bit unpacking); that was about a third of what sentences + POS add to
 * tokenisation (measured with --cpu-prof on the real pages' text). A lexeme's properties are
 * written once, when the lexeme is added, and never change (wink's cache.js `add`), so a cached
 * value is the value wink would read; the functions below return exactly what wink's do.
 */

/** The parts of wink's lexicon cache the transformers use. */
interface WinkCache {
  property(index: number, name: string): number | null;
  value(index: number): string;
}

/** wink's marker offset for transformed tokens (the transformers' `hintDelta`). */
const HINT_DELTA = 1080000;
/** The "right ambiguous quote" SBD hint and what it becomes after a space / without one. */
const RIGHT_AMB_QT = 4;
const RIGHT_SPC_AMB_QT = 6;
const LIKELY_EOS = 7;
const NON_EOS = 8;
const PS_MASK = 0xffff;

/**
 * Returns `cache.property(i, name)` cached by lexeme index for one cache (wink instance). Indices
 * past the lexicon (an automaton's substituted marker, not a lexeme) are looked up every time.
 * Cached entries hold value + 2 (1 = null, 0 = not read yet).
 */
function propertyMemo(name: string, size: (cache: WinkCache) => number): (cache: WinkCache, i: number) => number | null {
  let of: WinkCache | null = null;
  let memo = new Int32Array(0);
  return (cache, i) => {
    if (cache !== of) { of = cache; memo = new Int32Array(1 << 16); }
    // A filled entry is a lexeme read before: no range check needed.
    const k = i >= 0 && i < memo.length ? memo[i]! : 0;
    if (k !== 0) return k === 1 ? null : k - 2;
    if (!(i >= 0 && i < size(cache))) return cache.property(i, name);
    if (i >= memo.length) {
      const m = new Int32Array(Math.max(i + 1, memo.length * 2));
      m.set(memo);
      memo = m;
    }
    const v = cache.property(i, name);
    // Only small whole numbers (every property these transformers read) are cached.
    if (v === null) memo[i] = 1;
    else if (Number.isInteger(v) && v >= 0 && v < 0x3fffffff) memo[i] = v + 2;
    return v;
  };
}

/**
 * Returns the two transformer lists for a wink instance whose lexicon holds `size(cache)`
 * lexemes (index 0 .. size - 1).
 */
export function cachedTransformers(size: (cache: WinkCache) => number): {
  sbd: ((token: number, cache: WinkCache, rawTokens: number[], i: number) => number)[];
  pos: ((pos: number, cache: WinkCache, rawTokens: number[], i: number) => number)[];
} {
  const sbdHint = propertyMemo('sbdHint', size);
  const posHint = propertyMemo('posHint', size);
  const isAbbrev = propertyMemo('isAbbrev', size);
  // The value's length only matters for abbreviations ("Mr" vs "Corp"): cached alongside.
  const twoLetters = new Map<number, boolean>();
  let lengthsOf: WinkCache | null = null;
  const sbd = (token: number, cache: WinkCache, rawTokens: number[], i: number): number => {
    let mapped = sbdHint(cache, token) || sbdHint(cache, rawTokens[4 * i]!);
    if (mapped === RIGHT_AMB_QT) mapped = (rawTokens[4 * i + 1]! & PS_MASK) ? RIGHT_SPC_AMB_QT : RIGHT_AMB_QT;
    if (mapped) return mapped + HINT_DELTA;
    if (!isAbbrev(cache, token)) return token;
    let two: boolean | undefined;
    if (token >= 0 && token < size(cache)) {
      if (cache !== lengthsOf) { lengthsOf = cache; twoLetters.clear(); }
      two = twoLetters.get(token);
      if (two === undefined) twoLetters.set(token, (two = cache.value(token).length === 2));
    } else two = cache.value(token).length === 2;
    return HINT_DELTA + (two ? NON_EOS : LIKELY_EOS);
  };
  const pos = (p: number, cache: WinkCache, rawTokens: number[], i: number): number => {
    const mapped = posHint(cache, rawTokens[4 * i]!);
    return mapped ? mapped + HINT_DELTA : p;
  };
  return { sbd: [sbd], pos: [pos, pos] };
}
