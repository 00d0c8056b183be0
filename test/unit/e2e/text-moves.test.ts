import { describe, expect, it } from 'vitest';
import { pageMovedOnePiece } from '../../e2e/text-moves.js';

const plain = 'Headline\n\nFirst paragraph of the story.\n<probe>\nvar x = 1;\n\nFooter text\n';
// The page's probe element landed at the end instead of after the first paragraph.
const moved = 'Headline\n\nFirst paragraph of the story.\n\nvar x = 1;\n\nFooter text\n<probe>';

describe('pageMovedOnePiece', () => {
  it('accepts one short piece the page placed elsewhere, and says where it is', () => {
    const piece = pageMovedOnePiece(moved, plain, []);
    expect(piece).not.toBeNull();
    expect(moved.slice(piece!.start, piece!.end)).toContain('<probe>');
  });

  it('finds a piece moved towards the front as well', () => {
    const piece = pageMovedOnePiece(plain, moved, []);
    expect(piece).not.toBeNull();
    expect(plain.slice(piece!.start, piece!.end)).toContain('<probe>');
  });

  it('returns null when nothing moved', () => {
    expect(pageMovedOnePiece(plain, plain, [])).toBeNull();
  });

  it('rejects changed, added or dropped text', () => {
    expect(pageMovedOnePiece(plain.replace('First', 'Fir5t'), plain, [])).toBeNull();
    expect(pageMovedOnePiece(plain + ' ', plain, [])).toBeNull();
    expect(pageMovedOnePiece(plain.slice(1), plain, [])).toBeNull();
  });

  it('rejects two pieces swapped far apart with text between changed order', () => {
    const a = 'one two three four five six';
    const b = 'one five three four two six';
    expect(pageMovedOnePiece(a, b, [])).toBeNull();
  });

  it('rejects a move that touches one of our marks', () => {
    const piece = pageMovedOnePiece(moved, plain, [])!;
    expect(pageMovedOnePiece(moved, plain, [[piece.start, piece.start + 2]])).toBeNull();
  });

  it('rejects a long moved piece (a paragraph is not a probe)', () => {
    const long = 'x'.repeat(500);
    const a = `start ${long} middle end`;
    const b = `start middle ${long} end`;
    expect(pageMovedOnePiece(a, b, [])).toBeNull();
  });
});
