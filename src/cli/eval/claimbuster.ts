/**
 * Loaders for the sentence-level check-worthiness sets: ClaimBuster (Arslan et al. 2020:
 * datasets/crowdsourced.csv and groundtruth.csv), CLEF-2019 CheckThat! task 1 (training/ and
 * test_annotated/ TSV transcripts) and CLEF-2021 CheckThat! task 1a tweets (TSV with header).
 * Each returns null when its folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface LabelledRow {
  /** Hold-out group: the debate (File_id), transcript name, or tweet file. */
  group: string;
  /** Row key unique within the dataset (sentence id, transcript:line, tweet id). */
  key: string;
  text: string;
  label: 0 | 1;
  /** CheckThat 2019 only: the upstream folder of the transcript (its official train / test split). */
  split?: 'training' | 'test_annotated';
}


import { parseCsv } from './csv.js';

export { parseCsv };

/** Returns ClaimBuster rows of one CSV (Verdict 1 = check-worthy), or null when absent. */
export function loadClaimBuster(dataDir: string, file: 'crowdsourced.csv' | 'groundtruth.csv'): LabelledRow[] | null {
  const p = path.join(dataDir, 'claimbuster', 'datasets', file);
  if (!existsSync(p)) return null;
  const [header, ...rows] = parseCsv(readFileSync(p, 'utf8'));
  const col = (n: string) => header!.indexOf(n);
  const [id, text, fileId, verdict] = [col('Sentence_id'), col('Text'), col('File_id'), col('Verdict')];
  return rows.filter((r) => r.length >= header!.length).map((r) => ({
    group: `cb:${r[fileId]!.replace(/\.txt$/, '')}`, key: r[id]!, text: r[text]!, label: r[verdict]!.trim() === '1' ? 1 : 0,
  }));
}

/** Returns CheckThat 2019 task 1 lines of every transcript (training and test_annotated), or null. */
export function loadCheckThat2019(dataDir: string): LabelledRow[] | null {
  const root = path.join(dataDir, 'checkthat2019-task1-en');
  if (!existsSync(root)) return null;
  const out: LabelledRow[] = [];
  for (const sub of ['training', 'test_annotated'] as const) {
    const dir = path.join(root, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tsv')).sort()) {
      const name = f.replace(/\.tsv$/, '');
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const c = line.split('\t');
        if (c.length < 4) continue;
        out.push({ group: `ct19:${name}`, key: `${name}:${c[0]}`, text: c[2]!, label: c[c.length - 1]!.trim() === '1' ? 1 : 0, split: sub as LabelledRow['split'] });
      }
    }
  }
  return out;
}

/** Returns CheckThat 2021 task 1a tweets of one file (label = the last column), or null. */
export function loadCheckThat2021(dataDir: string, file: string): LabelledRow[] | null {
  const p = path.join(dataDir, 'checkthat2021-task1a-en', file);
  if (!existsSync(p)) return null;
  const [header, ...lines] = readFileSync(p, 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = header!.split('\t');
  const textCol = cols.indexOf('tweet_text');
  const idCol = cols.indexOf('tweet_id');
  return lines.map((l) => l.split('\t')).filter((c) => c.length === cols.length).map((c) => ({
    group: `ct21:${file}`, key: c[idCol]!, text: c[textCol]!, label: c[c.length - 1]!.trim() === '1' ? 1 : 0,
  }));
}
