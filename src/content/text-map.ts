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
}

/**
 * Builds a TextMap. `take` appends one page character (possibly normalised, e.g. a collapsed
 * space) and remembers where it came from; `add` appends characters that have no DOM source.
 */
export class TextMapBuilder {
  private chars: string[] = [];
  private nodeIdx: number[] = [];
  private offsets: number[] = [];
  private nodes: Text[] = [];
  private index = new Map<Text, number>();

  get length(): number {
    return this.chars.length;
  }

  /** Returns the last character appended, or '' when empty. */
  last(): string {
    return this.chars[this.chars.length - 1] ?? '';
  }

  take(ch: string, node: Text, offset: number): void {
    let i = this.index.get(node);
    if (i === undefined) {
      i = this.nodes.length;
      this.nodes.push(node);
      this.index.set(node, i);
    }
    this.chars.push(ch);
    this.nodeIdx.push(i);
    this.offsets.push(offset);
  }

  add(s: string): void {
    for (const ch of s) {
      this.chars.push(ch);
      this.nodeIdx.push(-1);
      this.offsets.push(-1);
    }
  }

  /** Removes characters from the end (used to trim trailing white space). */
  pop(n = 1): void {
    for (let k = 0; k < n && this.chars.length > 0; k++) {
      this.chars.pop();
      this.nodeIdx.pop();
      this.offsets.pop();
    }
  }

  /** Returns the finished map. */
  build(): TextMap {
    return createTextMap(this.chars.join(''), this.nodes, Int32Array.from(this.nodeIdx), Int32Array.from(this.offsets));
  }
}

function createTextMap(text: string, nodes: Text[], nodeIdx: Int32Array, offsets: Int32Array): TextMap {
  // Per node: the text offsets of its characters, ascending, for DOM -> text look-ups.
  let byNode: Map<Text, number[]> | null = null;
  const perNode = (): Map<Text, number[]> => {
    if (byNode) return byNode;
    byNode = new Map();
    for (let t = 0; t < nodeIdx.length; t++) {
      const i = nodeIdx[t]!;
      if (i < 0) continue;
      const node = nodes[i]!;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push(t);
    }
    return byNode;
  };

  return {
    text,
    nodes,
    pointAt(offset) {
      if (offset < 0 || offset >= nodeIdx.length) return null;
      const i = nodeIdx[offset]!;
      return i < 0 ? null : { node: nodes[i]!, offset: offsets[offset]! };
    },
    offsetOf(node, offset) {
      const list = perNode().get(node as Text);
      if (!list || list.length === 0) return null;
      // The first text character whose DOM offset is >= the given one; past the end -> after last.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[list[mid]!]! < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo < list.length ? list[lo]! : list[list.length - 1]! + 1;
    },
    pieces(start, end) {
      const out: DomPiece[] = [];
      const s = Math.max(0, start);
      const e = Math.min(end, nodeIdx.length);
      let cur: DomPiece | null = null;
      let curIdx = -1;
      for (let t = s; t < e; t++) {
        const i = nodeIdx[t]!;
        if (i < 0) {
          cur = null;
          curIdx = -1;
          continue;
        }
        const off = offsets[t]!;
        if (cur && i === curIdx && off >= cur.endOffset - 1) {
          // A collapsed space maps to the first white-space character of its run, so the piece
          // simply grows to cover the whole run in the DOM.
          cur.endOffset = off + 1;
          cur.textEnd = t + 1;
        } else {
          cur = { node: nodes[i]!, startOffset: off, endOffset: off + 1, textStart: t, textEnd: t + 1 };
          curIdx = i;
          out.push(cur);
        }
      }
      return out;
    },
  };
}
