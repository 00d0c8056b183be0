/**
 * Reads PolNeAR (Newell, Margolin & Ruths 2018) in its upstream brat layout: metadata.tsv,
 * data/<compartment>/text/<name>.txt and data/<compartment>/attributions/<name>_<annotator>.ann.
 * Offsets in the .ann files are characters into the .txt. One annotator's file per article is
 * used (the first in name order), so an article is never counted twice.
 * The authors ask that their `test` compartment not be read directly, so only `train` and `dev`
 * are used (see ../shared/eval/polnear/SOURCE.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../shared/spans.js';

export interface PolnearRelation {
  /** Source spans (the speaker), or null for `Attribution-no-source` relations. */
  source: Span[] | null;
  cue: Span[];
  content: Span[];
  /** The span standing for the relation itself (label Attribution / Attribution-no-source). */
  anchor: Span[];
}

export interface PolnearArticle {
  filename: string;
  compartment: string;
  publisher: string;
  /** Wire service credited in metadata (AP, Reuters, AFP, UPI, ...) or null. */
  wire: string | null;
  credit: string | null;
  title: string;
  text: string;
  relations: PolnearRelation[];
}

function parseSpans(field: string): Span[] {
  // "start end" or discontinuous "s1 e1;s2 e2"
  return field.split(';').map((part) => {
    const [s, e] = part.trim().split(/\s+/).map(Number);
    return { start: s!, end: e! };
  });
}

/** Returns the relations of one .ann file. */
export function parseAnn(ann: string): PolnearRelation[] {
  const spans = new Map<string, Span[]>();
  const relations: PolnearRelation[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    if (!line.startsWith('T')) continue;
    const [id, meta] = line.split('\t');
    if (!id || !meta) continue;
    const sp = meta.indexOf(' ');
    spans.set(id, parseSpans(meta.slice(sp + 1)));
  }
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const args = (line.split('\t')[1] ?? '').trim().split(/\s+/);
    const get = (role: string) => {
      const a = args.find((x) => x.startsWith(role + ':'));
      return a ? spans.get(a.slice(role.length + 1)) ?? null : null;
    };
    const anchor = get('Attribution') ?? get('Attribution-no-source');
    const noSource = args.some((x) => x.startsWith('Attribution-no-source:'));
    relations.push({
      source: noSource ? null : get('Source'),
      cue: get('Cue') ?? [],
      content: get('Content') ?? [],
      anchor: anchor ?? [],
    });
  }
  return relations;
}

const READ_COMPARTMENTS = new Set(['train', 'dev']);

const none = (v: string | undefined) => (!v || v === 'None' || v === 'NA' ? null : v);

/** Returns every article with one annotator's relations, or null when the folder is absent. */
export function loadPolnear(dataDir: string): PolnearArticle[] | null {
  const root = path.join(dataDir, 'polnear', 'data');
  const metaPath = path.join(root, 'metadata.tsv');
  if (!existsSync(metaPath)) return null;
  const rows = readFileSync(metaPath, 'utf8').split('\n').filter(Boolean);
  const header = rows[0]!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const articles: PolnearArticle[] = [];
  for (const row of rows.slice(1)) {
    const c = row.split('\t');
    const compartment = c[col('compartment')]!;
    if (!READ_COMPARTMENTS.has(compartment)) continue;
    const filename = c[col('filename')]!;
    const textPath = path.join(root, compartment, 'text', `${filename}.txt`);
    if (!existsSync(textPath)) continue;
    const annDir = path.join(root, compartment, 'attributions');
    const ann = existsSync(annDir) ? readdirSync(annDir).filter((f) => f.startsWith(filename + '_')).sort()[0] : undefined;
    if (!ann) continue;
    articles.push({
      filename, compartment,
      publisher: c[col('publisher')] ?? '',
      wire: none(c[col('wire')]),
      credit: none(c[col('credit')]),
      title: c[col('title')] ?? '',
      text: readFileSync(textPath, 'utf8'),
      relations: parseAnn(readFileSync(path.join(annDir, ann), 'utf8')),
    });
  }
  return articles;
}
