/**
 * The one place that maps article-text offsets (UTF-16, end exclusive) to live DOM text nodes and
 * back. The extractor builds the text character by character; every character it takes from the
 * page remembers its (text node, offset). Characters the extractor adds itself (the "\n\n" between
 * blocks, "\n" for <br>) map to nothing, so a span that covers them is split into per-node pieces.
 */

/** A contiguous run of one live text node: `node.data.slice(startOffset, endOffset)`. */
export interface DomPiece {
  node: Text;
  startOffset: number;
  endOffset: number;
  /** The text offsets this piece holds: text[textStart, textEnd). */
  textStart: number;
  textEnd: number;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

export interface TextMap {
  readonly text: string;
  /** Text nodes in the order their first character appears in the text. */
  readonly nodes: readonly Text[];
  /** Returns the DOM point of the character at `offset` (a start boundary), or null when unmapped. */
  pointAt(offset: number): DomPoint | null;
  /** Returns the text offset of a DOM point, or null when that node is not part of the text. */
  offsetOf(node: Node, offset: number): number | null;
  /** Returns the DOM pieces that together hold text[start, end), in text order. */
  pieces(start: number, end: number): DomPiece[];
  /**
   * Returns nothing; follows the DOM after `from` was merged into `to` at offset `delta` (removing
   * a mark joins the text it had split), so the map keeps pointing at live text.
   */
  relocate(from: Text, to: Text, delta: number): void;
}

/**
 * Builds a TextMap. `take` appends one page character (possibly normalised, e.g. a collapsed
 * space) and remembers where it came from; `takeRun` appends a run of characters copied as they
 * are from one node; `add` appends characters that have no DOM source. The map is stored as runs
 * (text start, length, node, DOM offset), not per character: a 5 MB article is a few thousand
 * runs, and look-ups are binary searches over them.
 */
export class TextMapBuilder {
  private parts: string[] = [];
  private len = 0;
  private nodes: Text[] = [];
  private index = new Map<Text, number>();
  // Runs: text[runStart[r], runStart[r] + runLen[r]) is node runNode[r] from DOM offset runDom[r].
  private runStart = new Int32Array(256);
  private runLen = new Int32Array(256);
  private runNode = new Int32Array(256);
  private runDom = new Int32Array(256);
  private runs = 0;

  get length(): number {
    return this.len;
  }

  take(ch: string, node: Text, offset: number): void {
    this.takeRun(ch, node, offset);
  }

  /** Appends `s`, which is node.data.slice(offset, offset + s.length) or (length 1) a collapsed space. */
  takeRun(s: string, node: Text, offset: number): void {
    if (!s) return;
    let i = this.index.get(node);
    if (i === undefined) {
      i = this.nodes.length;
      this.nodes.push(node);
      this.index.set(node, i);
    }
    const r = this.runs - 1;
    if (r >= 0 && this.runNode[r] === i && this.runStart[r]! + this.runLen[r]! === this.len
      && this.runDom[r]! + this.runLen[r]! === offset) {
      this.runLen[r]! += s.length;
    } else {
      if (this.runs === this.runStart.length) this.grow();
      this.runStart[this.runs] = this.len;
      this.runLen[this.runs] = s.length;
      this.runNode[this.runs] = i;
      this.runDom[this.runs] = offset;
      this.runs++;
    }
    this.parts.push(s);
    this.len += s.length;
  }

  add(s: string): void {
    this.parts.push(s);
    this.len += s.length;
  }

  private grow(): void {
    const g = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.runStart = g(this.runStart);
    this.runLen = g(this.runLen);
    this.runNode = g(this.runNode);
    this.runDom = g(this.runDom);
  }

  /** Returns the finished map. */
  build(): TextMap {
    const n = this.runs;
    return createTextMap(this.parts.join(''), this.nodes, {
      start: this.runStart.slice(0, n), len: this.runLen.slice(0, n), node: this.runNode.slice(0, n), dom: this.runDom.slice(0, n),
    });
  }
}

interface Runs {
  start: Int32Array;
  len: Int32Array;
  node: Int32Array;
  dom: Int32Array;
}

function createTextMap(text: string, nodeList: Text[], runs: Runs): TextMap {
  const { start, len, node, dom } = runs;
  const count = start.length;
  /** The run holding text offset t, or -1. */
  const runAt = (t: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid]! > t) hi = mid - 1;
      else if (start[mid]! + len[mid]! <= t) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  /** The first run that ends after t (holds t or comes after it). */
  const runFrom = (t: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start[mid]! + len[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nodeIndex = new Map<Text, number>(nodeList.map((n, i) => [n, i]));
  // Per node: its runs in text order, for DOM -> text look-ups (built on first use).
  let byNode: Map<Text, number[]> | null = null;
  const perNode = (): Map<Text, number[]> => {
    if (byNode) return byNode;
    byNode = new Map();
    for (let r = 0; r < count; r++) {
      const n = nodeList[node[r]!]!;
      let list = byNode.get(n);
      if (!list) byNode.set(n, (list = []));
      list.push(r);
    }
    return byNode;
  };
  let nodes: Text[] | null = nodeList.slice();

  return {
    text,
    get nodes(): readonly Text[] {
      // After relocations some entries point at merged-away nodes: list the ones runs still use.
      if (!nodes) nodes = Array.from(new Set(Array.from(node, (i) => nodeList[i]!)));
      return nodes;
    },
    pointAt(offset) {
      const r = runAt(offset);
      return r < 0 ? null : { node: nodeList[node[r]!]!, offset: dom[r]! + offset - start[r]! };
    },
    offsetOf(n, offset) {
      const list = perNode().get(n as Text);
      if (!list || list.length === 0) return null;
      // The first text character whose DOM offset is >= the given one; past the end -> after last.
      for (const r of list) {
        if (dom[r]! + len[r]! > offset) return start[r]! + Math.max(0, offset - dom[r]!);
      }
      const last = list[list.length - 1]!;
      return start[last]! + len[last]!;
    },
    pieces(s0, e0) {
      const out: DomPiece[] = [];
      const s = Math.max(0, s0);
      const e = Math.min(e0, text.length);
      let cur: DomPiece | null = null;
      let curNode = -1;
      for (let r = runFrom(s); r < count && start[r]! < e; r++) {
        const ts = Math.max(s, start[r]!);
        const te = Math.min(e, start[r]! + len[r]!);
        if (te <= ts) continue;
        const ds = dom[r]! + ts - start[r]!;
        const de = ds + (te - ts);
        if (cur && node[r] === curNode && cur.textEnd === ts && ds >= cur.endOffset - 1) {
          // A collapsed space maps to the first white-space character of its run, so the piece
          // simply grows to cover the whole run in the DOM.
          cur.endOffset = de;
          cur.textEnd = te;
        } else {
          cur = { node: nodeList[node[r]!]!, startOffset: ds, endOffset: de, textStart: ts, textEnd: te };
          curNode = node[r]!;
          out.push(cur);
        }
      }
      return out;
    },
    relocate(from, to, delta) {
      const fi = nodeIndex.get(from);
      if (fi === undefined || from === to) return;
      let ti = nodeIndex.get(to);
      if (ti === undefined) {
        ti = nodeList.length;
        nodeList.push(to);
        nodeIndex.set(to, ti);
      }
      for (let r = 0; r < count; r++) {
        if (node[r] === fi) {
          node[r] = ti;
          dom[r]! += delta;
        }
      }
      nodeIndex.delete(from);
      byNode = null;
      nodes = null;
    },
  };
}
