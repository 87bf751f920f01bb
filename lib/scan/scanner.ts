/**
 * Walks a page's reading text in runs (the inline text between two block boundaries), hands the
 * runs to the matcher and turns matches back into DOM positions. Never touches the DOM it reads.
 *
 * A TreeWalker does the moving (natively); the loop only decides, per text node, which block its
 * parent belongs to (cached per element) and ends the run on entering any block, so that
 * 中国<b>膜谷</b> is one run while <p>中国</p><p>膜谷</p> and 中国<hr>膜谷 are two.
 *
 * The walk's cost is the nodes it touches: from a content script each one costs a wrapper in the
 * isolated world, about half a microsecond, several times what reading it costs once the wrapper
 * exists. Touching fewer does not pay for itself: walking elements only and reading each element
 * without a block inside whole (textContent builds a new string, about a microsecond a paragraph),
 * with XPath to find containers holding text of their own, measured no faster on the stress page.
 */
import type { MatchBatch } from './matcher';
import { SEPARATOR } from './normalize';
import { SKIPPED } from './skipped';

export interface Hit {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The matcher's value: an index into the term list. */
  value: number;
}

/** A run's hits: counted at once, turned into DOM positions only when asked (most runs of a long page are never painted). */
export interface RunHits {
  readonly count: number;
  valueAt(index: number): number;
  /** The same Hit objects on every call. */
  toHits(): Hit[];
}

/** Hits already built, as a run hands them over (tests). */
export function runHitsOf(hits: Hit[]): RunHits {
  return { count: hits.length, valueAt: (index) => hits[index]!.value, toHits: () => hits };
}

/** What a segment's runs need to build their hits later: copies of its arrays, shared by its runs. */
interface SegmentHits {
  nodes: ReadonlyArray<Text | null>;
  starts: readonly number[];
  /** (start, end, value) triples, offsets into the segment's joined text. */
  matches: Int32Array;
}

/** A class, not closures: one allocation per run is the point. */
class LazyRunHits implements RunHits {
  private hits: Hit[] | null = null;
  constructor(
    private readonly segment: SegmentHits,
    private readonly from: number,
    private readonly to: number,
    /** Index in the segment's nodes of the run's first text node. */
    private readonly entry: number,
  ) {}

  get count(): number {
    return this.to - this.from;
  }

  valueAt(index: number): number {
    return this.segment.matches[3 * (this.from + index) + 2] as number;
  }

  toHits(): Hit[] {
    if (this.hits) return this.hits;
    const { nodes, starts, matches } = this.segment;
    const hits: Hit[] = [];
    let k = this.entry;
    for (let m = this.from; m < this.to; m++) {
      const start = matches[3 * m] as number;
      const end = matches[3 * m + 1] as number;
      while (k + 1 < starts.length && (starts[k + 1] as number) <= start) k++;
      // An end on a node boundary belongs to the node before it, so the range does not start in
      // a node it doesn't cover.
      let last = k;
      while (last + 1 < starts.length && (starts[last + 1] as number) < end) last++;
      hits.push({
        startNode: nodes[k] as Text,
        startOffset: start - (starts[k] as number),
        endNode: nodes[last] as Text,
        endOffset: end - (starts[last] as number),
        value: matches[3 * m + 2] as number,
      });
    }
    this.hits = hits;
    return hits;
  }
}

export interface ChunkMeasure {
  start: number;
  end: number;
  textNodes: number;
  chars: number;
  matches: number;
}

/** Finds terms in a segment: many runs joined by SEPARATOR, matched window by window. */
export interface SegmentMatcher {
  /** Starts on a segment's text; false when no term can be in it (nothing to feed then). */
  begin(args: { text: string }): boolean;
  /** Matches text[from, to); windows are fed in order. */
  feed(args: { from: number; to: number }): void;
  /** The segment's matches, sense rules applied; raw offsets into its text. */
  end(): MatchBatch;
}

export interface ScanDeps {
  matcher: SegmentMatcher;
  now: () => number;
  /** Gives the page's own tasks a turn; resolves when the scanner may continue. */
  yieldToPage: () => Promise<void>;
  /** Called once per task of scanning work, after it ends (see DEVELOPERS.md: the scan contract). */
  recordChunk: (measure: ChunkMeasure) => void;
  /** Selector for the extension's own UI, and anything else the caller wants left alone. */
  excludedSelector?: string;
  /** Longest stretch of work between yields. */
  chunkBudgetMs?: number;
}

export interface ScanArgs {
  /** Elements, shadow roots or documents to scan, each with all it contains. */
  roots: readonly Node[];
  deps: ScanDeps;
  /**
   * One call per run with hits: `block` is the element the run belongs to, `root` the root it was
   * found under, `gap` how many chars of text lie between the last hit reported under that root and the run's first.
   */
  onRun: (args: { block: Element; hits: RunHits; root: Node; gap: number }) => void;
  /** Open shadow roots found on the way, scanned after their hosts' light DOM. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Stop early; the scan resolves at its next checkpoint. */
  signal?: { aborted: boolean };
}

export interface ScanResult {
  textNodes: number;
  chars: number;
  matches: number;
}


/**
 * Display is not read per element (getComputedStyle on every element would cost more than the
 * whole scan); these are the elements browsers lay out as blocks, table cells or list items.
 */
const BLOCKS = new Set([
  'HTML', 'BODY', 'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIALOG', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
  'TD', 'TH', 'CAPTION', 'UL', 'MENU', 'LEGEND', 'CENTER',
]);

/** A huge run is matched in windows this long, with a chance to yield between them. */
const WINDOW = 32_768;
/** Runs are matched together, as one string, once they add up to this many chars. */
const SEGMENT_CHARS = 16_384;
const WHITESPACE_ONLY = /^\s*$/;
/** Elements whose text the user may be editing. */
const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

export const isBlock = (element: Element) => BLOCKS.has(element.tagName);

function isSkipped(element: Element, excludedSelector: string | undefined): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  if (element.matches(EDITABLE)) return true;
  return excludedSelector !== undefined && element.matches(excludedSelector);
}

/** The nearest block element containing a node (the node itself when it is one). */
export function blockOf(node: Node): Element | null {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === 1 && isBlock(current as Element)) return current as Element;
    const parent: Node | null = current.parentNode;
    current = parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
  }
  return null;
}

/** Is the node inside something the scanner never reads (script, textarea, contenteditable…)? */
export function isInSkippedRegion(node: Node, deps: Pick<ScanDeps, 'excludedSelector'>): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, deps.excludedSelector)) return true;
  }
  return false;
}

/** What a text node's parent says about its text: the block it belongs to, or SKIP. */
const SKIP = null;
type Context = Element | typeof SKIP;

export async function scan({ roots, deps, onRun, onShadowRoot, signal }: ScanArgs): Promise<ScanResult> {
  const budget = deps.chunkBudgetMs ?? 8;
  const total = { textNodes: 0, chars: 0, matches: 0 };
  let chunk = { start: deps.now(), textNodes: 0, chars: 0, matches: 0 };

  const closeChunk = () => {
    deps.recordChunk({ ...chunk, end: deps.now() });
    total.textNodes += chunk.textNodes;
    total.chars += chunk.chars;
    total.matches += chunk.matches;
  };
  // Reading the clock costs more than most nodes: it is read once per ~2k units of work.
  let work = 0;
  const WORK_PER_CLOCK_READ = 2048;
  const pause = async () => {
    closeChunk();
    await deps.yieldToPage();
    chunk = { start: deps.now(), textNodes: 0, chars: 0, matches: 0 };
  };
  /** True when the chunk has used its budget; the caller then awaits pause(). */
  const due = (amount: number) => {
    work += amount;
    if (work < WORK_PER_CLOCK_READ) return false;
    work = 0;
    return deps.now() - chunk.start >= budget;
  };

  // The segment being collected: its text, built by appending (a rope the matcher's first read
  // flattens once), and parallel arrays of its entries: each text node, or null for the SEPARATOR
  // or space put between. Matching many runs as one string instead of run by run is what makes a
  // long page cheap: one call, one loop. The arrays live for the whole scan and are overwritten
  // segment after segment (counted by `entries` and `runs`), not emptied and regrown.
  let segmentText = '';
  const nodes: Array<Text | null> = [];
  /** Offset in the segment's text where each entry starts. */
  const starts: number[] = [];
  let entries = 0;
  const runStarts: number[] = [];
  const runBlocks: Element[] = [];
  /** Index in `nodes` of each run's first text node. */
  const runEntries: number[] = [];
  let runs = 0;
  let length = 0;
  let segmentChars = 0;
  /** False after a block boundary: the next text starts a new run. */
  let runOpen = false;
  let runBlock: Element | null = null;
  /** Chars of text since the last hit reported under the current root. */
  let sinceLastHit = 0;
  /** A whitespace-only node was passed over since the last text (see the walk). */
  let gap = false;

  const addEntry = (node: Text | null, data: string) => {
    segmentText += data;
    nodes[entries] = node;
    starts[entries] = length;
    entries++;
    length += data.length;
  };

  const addText = (node: Text, data: string, block: Element) => {
    // Stands for the whitespace node passed over, so that words it separated stay separate
    // (<b>GDP</b> <i>R</i> is not gdpr); it is dropped by the fold like the space was.
    if (runOpen && block === runBlock && gap) addEntry(null, ' ');
    gap = false;
    if (!runOpen || block !== runBlock) {
      if (entries > 0) addEntry(null, SEPARATOR);
      runStarts[runs] = length;
      runBlocks[runs] = block;
      runEntries[runs] = entries;
      runs++;
      runBlock = block;
      runOpen = true;
    }
    addEntry(node, data);
    segmentChars += data.length;
    chunk.textNodes++;
  };

  /** Matches the segment (pausing between windows of a huge one) and reports its runs' hits. */
  const flushSegment = async () => {
    if (entries === 0) return;
    const text = segmentText;
    let batch: MatchBatch | null = null;
    if (deps.matcher.begin({ text })) {
      let separator = 1;
      for (let from = 0; from < length; from += WINDOW) {
        const to = Math.min(length, from + WINDOW);
        deps.matcher.feed({ from, to });
        // Chars of page text, not the separators between runs.
        let separators = 0;
        while (separator < runs && (runStarts[separator] as number) - 1 < to) {
          separator++;
          separators++;
        }
        chunk.chars += to - from - separators;
        if (to < length && deps.now() - chunk.start >= budget) await pause();
      }
      batch = deps.matcher.end();
    } else {
      chunk.chars += segmentChars;
    }
    if (batch !== null && batch.count > 0) reportHits(batch);
    else sinceLastHit += length;
    segmentText = '';
    entries = 0;
    runs = 0;
    length = 0;
    segmentChars = 0;
  };

  /** Reports each run's matches (offsets into the joined text); their DOM positions are built later, if ever. */
  const reportHits = ({ count, data }: MatchBatch) => {
    // The segment's arrays are reused for the next one: its runs keep copies, one set per segment,
    // of the stretch from the first run with hits to the end of the last (on a page with a term
    // every thousand paragraphs, that is a run, not the segment's every text node).
    /** The run holding joined-text offset `offset`, searching on from run `run`. */
    const runAt = (offset: number, run: number) => {
      while (run + 1 < runs && (runStarts[run + 1] as number) <= offset) run++;
      return run;
    };
    const firstRun = runAt(data[0] as number, 0);
    const lastRun = runAt(data[3 * (count - 1)] as number, firstRun);
    const from = runEntries[firstRun] as number;
    const to = lastRun + 1 < runs ? (runEntries[lastRun + 1] as number) : entries;
    const segment: SegmentHits = { nodes: nodes.slice(from, to), starts: starts.slice(from, to), matches: data.slice(0, 3 * count) };
    let run = 0;
    let first = 0;
    let gap = 0;
    let lastEnd = 0;
    const report = (end: number) => {
      if (end > first) onRun({ block: runBlocks[run] as Element, hits: new LazyRunHits(segment, first, end, (runEntries[run] as number) - from), root: segmentRoot, gap });
    };
    for (let m = 0; m < count; m++) {
      const start = data[3 * m] as number;
      const startRun = runAt(start, run);
      if (m === 0 || startRun !== run) {
        report(m);
        run = startRun;
        first = m;
        gap = sinceLastHit + start - lastEnd;
        sinceLastHit = 0;
      }
      lastEnd = data[3 * m + 1] as number;
    }
    report(count);
    sinceLastHit = length - lastEnd;
    chunk.matches += count;
  };

  // A segment holds the runs of one root only: where the next root is on the page says nothing.
  let segmentRoot: Node = roots[0] ?? document;
  for (const root of roots) {
    if (signal?.aborted) break;
    if (root !== segmentRoot) {
      await flushSegment();
      sinceLastHit = 0;
    }
    segmentRoot = root;
    if (root.nodeType === 3) {
      const block = root.parentNode ? blockOf(root.parentNode) : null;
      if (block && !isInSkippedRegion(root, deps) && (root as Text).data.length > 0) {
        runOpen = false;
        addText(root as Text, (root as Text).data, block);
      }
      continue;
    }
    const rootElement = root.nodeType === 1 ? (root as Element) : null;
    if (rootElement && isInSkippedRegion(rootElement, deps)) continue;
    const enclosing = blockOf(root.nodeType === 11 ? (root as ShadowRoot).host : root) ?? rootElement;
    if (!enclosing) continue;
    const container = root as ParentNode & Node;
    // Editable and excluded elements are looked up once per root (natively), not per element.
    const skipped = new Set<Element>(container.querySelectorAll(EDITABLE));
    if (deps.excludedSelector !== undefined) for (const el of container.querySelectorAll(deps.excludedSelector)) skipped.add(el);
    const contexts = new Map<Node, Context>([[root, enclosing]]);
    const decide = (node: Node, above: Context): Context => {
      if (above === SKIP || node.nodeType !== 1) return above;
      const tag = (node as Element).tagName;
      if (SKIPPED.has(tag) || skipped.has(node as Element)) return SKIP;
      return BLOCKS.has(tag) ? (node as Element) : above;
    };
    /** Uncached ancestors of the node asked about, nearest first; reused from call to call. */
    const chain: Node[] = [];
    /** A parent's context, deciding its uncached ancestors top-down on the way (each element once). */
    const contextOf = (parent: Node): Context => {
      let context: Context | undefined;
      let current: Node | null = parent;
      while (current && (context = contexts.get(current)) === undefined) {
        chain.push(current);
        current = current.parentNode;
      }
      context ??= enclosing;
      for (let i = chain.length - 1; i >= 0; i--) {
        context = decide(chain[i] as Node, context);
        contexts.set(chain[i] as Node, context);
      }
      chain.length = 0;
      return context;
    };

    // A TreeWalker moves through the tree natively; the loop only looks at what it stops on.
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let lastParent: Node | null = null;
    let context: Context = enclosing;
    let steps = 0;
    runOpen = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        // Whitespace-only nodes (the line breaks between a page's tags: half the text nodes of a
        // typical page) hold nothing to match; passing over them skips their parent's lookup.
        if (data.length === 0 || (data.charCodeAt(0) <= 0x20 && WHITESPACE_ONLY.test(data))) {
          gap = true;
          continue;
        }
        const parent = node.parentNode as Node;
        if (parent !== lastParent) {
          lastParent = parent;
          context = contextOf(parent);
        }
        if (context !== SKIP) addText(node as Text, data, context);
      } else {
        // Entering any block ends the run, even an empty one: 中国<hr>膜谷 is two runs.
        if (BLOCKS.has((node as Element).tagName)) {
          runOpen = false;
          if (segmentChars >= SEGMENT_CHARS) {
            // Matching a segment takes a few ms: start it in a fresh task if this one is half spent.
            if (deps.now() - chunk.start >= budget / 2) await pause();
            await flushSegment();
          }
        }
        const shadow = (node as Element).shadowRoot;
        if (shadow !== null && onShadowRoot && contextOf(node) !== SKIP) onShadowRoot(shadow);
      }
      if ((++steps & 63) === 0) {
        if (signal?.aborted) break;
        if (due(64)) await pause();
      }
    }
    runOpen = false;
  }
  await flushSegment();
  closeChunk();
  return total;
}
