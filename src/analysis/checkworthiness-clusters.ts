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

/** Word -> its classes, one per granularity, packed as class[g] << (11 * g) (each class < 2048). */
const CLASSES = new Map<string, number>();
file.words.split(' ').forEach((w, i) => {
  let packed = 0;
  file.classes.forEach((c, g) => { packed += parseInt(c.slice(2 * i, 2 * i + 2), 36) * 2 ** (11 * g); });
  CLASSES.set(w, packed);
});

/** Returns the packed classes of a lower-cased word (see classAt), or undefined when it has none. */
export const classesOf = (word: string): number | undefined => CLASSES.get(word);

/** Returns the class at granularity g of packed classes. */
export const classAt = (packed: number, g: number): number => Math.floor(packed / 2 ** (11 * g)) % 2048;

/** Identifies the table for FEATURE_SIGNATURE: granularities, size and a checksum of the classes. */
export const CLUSTERS_SIGNATURE = `${file.sizes.join('/')}:${file.words.length}:${file.classes.map((c) => c.length).join('/')}:${file.source}`;
