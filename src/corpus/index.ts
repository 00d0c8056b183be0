/** The corpus core's public surface: library, store, record building and the pieces the CLI evals use. */
export { Library, MATCH_SIM, DENIAL_SIM } from './library.js';
export { MemoryStore } from './memory-store.js';
export { makeRecord } from './record.js';
export { normalizeUrl, detectWire, domainOf } from './normalize.js';
export { OriginIndex, DUPLICATE_JACCARD } from './origin.js';
export { pairStance, numberDiffs } from './stance.js';
export { sentenceFeatures } from './features.js';
export { wordDiff, matchQuote } from './quote-diff.js';
