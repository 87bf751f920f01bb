/**
 * Run building: the text nodes the walk finds become runs (the inline text between two block
 * boundaries), and runs are collected into a segment: one string, matched as a whole. Matching
 * many runs as one string instead of run by run is what makes a long page cheap: one call, one
 * loop. Runs are joined by SEPARATOR, which no term can span.
 */
import { SEPARATOR } from './normalize';

/** Runs are matched together once they add up to this many chars of page text. */
export const SEGMENT_CHARS = 8192;

/**
 * The segment's text is built by appending (a rope the matcher's first read flattens once); its
 * parallel arrays hold one entry per text node, or null for the SEPARATOR or space put between.
 * The arrays live as long as the segment and are overwritten by the next one (counted by
 * `entries` and `runs`), not emptied and regrown.
 */
export class Segment {
  text = '';
  /** Each entry's text node (null: a separator or space the segment added). */
  readonly nodes: Array<Text | null> = [];
  /** Offset in the text where each entry starts. */
  readonly starts: number[] = [];
  entries = 0;
  /** Offset in the text, block, and index in `nodes` of the first text node, of each run. */
  readonly runStarts: number[] = [];
  readonly runBlocks: Element[] = [];
  readonly runEntries: number[] = [];
  runs = 0;
  /** The text's length, separators included. */
  length = 0;
  /** Chars of page text, without the separators. */
  chars = 0;
  /** The root the runs were found under: a segment holds runs of one root only. */
  root: Node;
  /** False after a block boundary: the next text starts a new run. */
  private runOpen = false;
  private runBlock: Element | null = null;
  /** A whitespace-only node was passed over since the last text. */
  private gap = false;

  constructor({ root }: { root: Node }) {
    this.root = root;
  }

  get full(): boolean {
    return this.chars >= SEGMENT_CHARS;
  }

  /** A block boundary: the next text starts a new run, even in the same block (中国<hr>膜谷 is two runs). */
  endRun(): void {
    this.runOpen = false;
  }

  /** A whitespace-only text node was passed over (nothing to match in it). */
  passWhitespace(): void {
    this.gap = true;
  }

  /** A text node's text, in the run of its block (starting a run after a boundary or in another block). */
  addText(node: Text, data: string, block: Element): void {
    // Stands for the whitespace node passed over, so that words it separated stay separate
    // (<b>GDP</b> <i>R</i> is not gdpr); it is dropped by the fold like the space was.
    if (this.runOpen && block === this.runBlock && this.gap) this.addEntry(null, ' ');
    this.gap = false;
    if (!this.runOpen || block !== this.runBlock) {
      if (this.entries > 0) this.addEntry(null, SEPARATOR);
      this.runStarts[this.runs] = this.length;
      this.runBlocks[this.runs] = block;
      this.runEntries[this.runs] = this.entries;
      this.runs++;
      this.runBlock = block;
      this.runOpen = true;
    }
    this.addEntry(node, data);
    this.chars += data.length;
  }

  /**
   * The text node holding the char at `index` of the text (null: a separator or space the segment
   * added). Bound, so that it can be handed on alone.
   */
  readonly nodeAt = (index: number): Text | null => {
    let low = 0;
    let high = this.entries - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return this.nodes[low] ?? null;
  };

  /** Empties the segment for the next one (the arrays are kept). */
  reset(): void {
    this.text = '';
    this.entries = 0;
    this.runs = 0;
    this.length = 0;
    this.chars = 0;
  }

  private addEntry(node: Text | null, data: string): void {
    this.text += data;
    this.nodes[this.entries] = node;
    this.starts[this.entries] = this.length;
    this.entries++;
    this.length += data.length;
  }
}
