/**
 * Word classes for the check-worthiness features: each of 40k frequent English words has a class
 * at three granularities (128, 512 and 1024 classes), from k-means over GloVe word vectors trained
 * on news and Wikipedia (built by src/cli/train/word-clusters.ts). A word the training debates
 * never used still shares a class with ones they did, so its sentence is scored by what it means
 * ("tariffs" like "taxes", "plunged" like "fell"), not left at the bias.
 */
import clustersJson from './models/word-clusters.json' with { type: 'json' };

/** The committed file: words in frequency order, and per granularity two base-36 digits per word. */
export interface WordClustersFile {
  source: string;
  sizes: number[];
  /** The words, separated by single spaces. */
  words: string;
  /** One string per granularity: characters 2i, 2i+1 are the class of word i in base 36. */
  classes: string[];
}

const file = clustersJson as WordClustersFile;

/** Number of granularities (features per word). */
export const CLUSTER_LEVELS = file.sizes.length;

const WORDS = file.words.split(' ');
/** Word -> its index in the table. */
const INDEX = new Map<string, number>(WORDS.map((w, i) => [w, i]));
/** CLASS[g * WORDS.length + i] = class of word i at granularity g. */
const CLASS = new Uint16Array(CLUSTER_LEVELS * WORDS.length);
file.classes.forEach((c, g) => {
  for (let i = 0; i < WORDS.length; i++) CLASS[g * WORDS.length + i] = parseInt(c.slice(2 * i, 2 * i + 2), 36);
});

/** Number of words with classes. */
export const CLUSTER_WORDS = WORDS.length;

/** Returns the table index of a lower-cased word, or undefined when it has no class. */
export const wordIndexOf = (word: string): number | undefined => INDEX.get(word);

/** Returns the class of the word at table index i at granularity g (0 = coarsest). */
export const classAt = (i: number, g: number): number => CLASS[g * WORDS.length + i]!;

/** Identifies the table for FEATURE_SIGNATURE: granularities, size and a checksum of the classes. */
export const CLUSTERS_SIGNATURE = `${file.sizes.join('/')}:${file.words.length}:${file.classes.map((c) => c.length).join('/')}:${file.source}`;
