/**
 * Walks a page's reading text in runs (the inline text between two block boundaries), hands each
 * run to the matcher and turns matches back into DOM positions. Never touches the DOM it reads.
 *
 * The walk is hand-rolled (firstChild/nextSibling) rather than a TreeWalker because it must know
 * when it leaves a block element, so that 中国<b>膜谷</b> is one run and <p>中国</p><p>膜谷</p> is two.
 */

export interface Hit {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** The matcher's value: an index into the term list. */
  value: number;
}

export interface TextMatch {
  start: number;
  end: number;
  value: number;
}

export interface ChunkMeasure {
  start: number;
  end: number;
  textNodes: number;
  chars: number;
  matches: number;
}

export interface ScanDeps {
  /** Matches in one run of text, offsets into that text. */
  findTerms: (args: { text: string }) => readonly TextMatch[];
  now: () => number;
  /** Gives the page's own tasks a turn; resolves when the scanner may continue. */
  yieldToPage: () => Promise<void>;
  /** Called once per task of scanning work, after it ends (see DEVELOPERS.md: the scan contract). */
  recordChunk: (measure: ChunkMeasure) => void;
  /** The extension's own UI, and anything else the caller wants left alone. */
  isExcluded?: (element: Element) => boolean;
  /** Longest stretch of work between yields. */
  chunkBudgetMs?: number;
}

export interface ScanArgs {
  /** Elements, shadow roots or documents to scan, each with all it contains. */
  roots: readonly Node[];
  deps: ScanDeps;
  /** One call per run that had text; `block` is the element the run belongs to. */
  onRun: (args: { block: Element; hits: Hit[] }) => void;
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

/** Elements whose text is not reading text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'KBD', 'SAMP',
  'VAR', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'svg', 'MATH', 'math', 'HEAD', 'TITLE', 'BUTTON',
  // <rt> is ruby annotation (pinyin/kana above the base text), not part of the term.
  'RT', 'RP',
]);

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

/** Runs longer than this are matched in overlapping windows, so one huge text node cannot block a task. */
const WINDOW = 32_768;
/** Longer than any glossary term including whitespace/markup noise inside it. */
const OVERLAP = 256;

export const isBlock = (element: Element) => BLOCKS.has(element.tagName);

function isSkipped(element: Element, deps: ScanDeps): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return deps.isExcluded?.(element) ?? false;
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
export function isInSkippedRegion(node: Node, deps: Pick<ScanDeps, 'isExcluded'>): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, deps as ScanDeps)) return true;
  }
  return false;
}

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
  // Reading the clock costs more than most runs: it is read once per ~2k chars or nodes of work.
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

  // The current run: its text nodes and where each starts in the run's text. Reused run after run.
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let runBlock: Element | null = null;

  const matchRun = (text: string, runNodes: readonly Text[], runStarts: readonly number[], hits: Hit[], from: number, lastEnd: number) => {
    // Each window owns the matches starting in [from, from + WINDOW) but is matched with OVERLAP
    // chars on both sides: after, for terms crossing its end; before, so that a term straddling
    // its start is seen whole (and the term nested in it is not found again) and sense rules see
    // the context before a match.
    const sliceStart = Math.max(0, from - OVERLAP);
    const to = Math.min(text.length, from + WINDOW + OVERLAP);
    const slice = sliceStart === 0 && to === text.length ? text : text.slice(sliceStart, to);
    for (const match of deps.findTerms({ text: slice })) {
      const start = sliceStart + match.start;
      // Matches starting in the overlaps belong to the neighbouring windows.
      if (start < from || start < lastEnd || (to < text.length && start >= from + WINDOW)) continue;
      hits.push(toHit(runNodes, runStarts, start, sliceStart + match.end, match.value));
      lastEnd = sliceStart + match.end;
    }
    chunk.chars += Math.min(WINDOW, text.length - from);
    return lastEnd;
  };

  /** Matches the current run and hands it on; returns true when the chunk should pause. */
  const flush = (): boolean => {
    if (nodes.length === 0 || !runBlock) return false;
    const text = nodes.length === 1 ? nodes[0]!.data : nodes.map((n) => n.data).join('');
    if (text.length > WINDOW) {
      pendingLarge = { text, runNodes: nodes.slice(), runStarts: starts.slice(), block: runBlock };
      nodes.length = 0;
      starts.length = 0;
      length = 0;
      return true;
    }
    const hits: Hit[] = [];
    matchRun(text, nodes, starts, hits, 0, 0);
    nodes.length = 0;
    starts.length = 0;
    length = 0;
    chunk.matches += hits.length;
    onRun({ block: runBlock, hits });
    return due(text.length + 16);
  };

  // A run longer than a window (one huge text node) is matched window by window, with pauses.
  let pendingLarge: { text: string; runNodes: Text[]; runStarts: number[]; block: Element } | null = null;
  const flushLarge = async () => {
    const large = pendingLarge;
    if (!large) return;
    pendingLarge = null;
    const hits: Hit[] = [];
    let lastEnd = 0;
    for (let from = 0; from < large.text.length; from += WINDOW) {
      lastEnd = matchRun(large.text, large.runNodes, large.runStarts, hits, from, lastEnd);
      if (deps.now() - chunk.start >= budget) await pause();
    }
    chunk.matches += hits.length;
    onRun({ block: large.block, hits });
  };
  /** After flush() said so: match a pending large run, and pause if the budget is spent. */
  const settle = async () => {
    await flushLarge();
    if (deps.now() - chunk.start >= budget) await pause();
  };

  for (const root of roots) {
    if (signal?.aborted) break;
    const rootElement = root.nodeType === 1 ? (root as Element) : null;
    if (rootElement && isInSkippedRegion(rootElement, deps)) continue;
    if (root.nodeType === 3) {
      if (!isInSkippedRegion(root, deps)) {
        runBlock = root.parentNode ? blockOf(root.parentNode) : null;
        nodes.push(root as Text);
        starts.push(0);
        chunk.textNodes++;
        if (flush()) await settle();
      }
      continue;
    }
    runBlock = blockOf(root.nodeType === 11 ? (root as ShadowRoot).host : root) ?? rootElement;
    let node: Node | null = root.firstChild;
    const blockStack: Element[] = [];
    const enclosing = runBlock;
    let steps = 0;
    while (node) {
      let descend = false;
      if (node.nodeType === 3) {
        const text = node as Text;
        if (text.data.length > 0) {
          nodes.push(text);
          starts.push(length);
          length += text.data.length;
          chunk.textNodes++;
        }
      } else if (node.nodeType === 1) {
        const element = node as Element;
        if (!isSkipped(element, deps)) {
          if (element.shadowRoot) onShadowRoot?.(element.shadowRoot);
          if (isBlock(element)) {
            if (flush()) await settle();
            blockStack.push(element);
            runBlock = element;
          }
          descend = element.firstChild !== null;
          if (!descend && isBlock(element)) {
            blockStack.pop();
            runBlock = blockStack[blockStack.length - 1] ?? enclosing;
          }
        }
      }
      if (descend) {
        node = node.firstChild;
        // Counted going down too: a chain of nested elements has no siblings to count on, and a
        // page nesting thousands deep went through all of them in one chunk, past the budget.
        if ((++steps & 31) === 0) {
          if (signal?.aborted) break;
          if (due(32)) await pause();
        }
        continue;
      }
      // Climb until a sibling exists, closing every block we leave.
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root && node.nodeType === 1 && isBlock(node as Element)) {
          if (flush()) await settle();
          blockStack.pop();
          runBlock = blockStack[blockStack.length - 1] ?? enclosing;
        }
        if ((++steps & 31) === 0) if (due(32)) await pause();
      }
      if (!node || node === root) break;
      node = node.nextSibling;
      if ((++steps & 31) === 0) {
        if (signal?.aborted) break;
        if (due(32)) await pause();
      }
    }
    if (flush()) await settle();
  }
  closeChunk();
  return total;
}

function toHit(nodes: readonly Text[], starts: readonly number[], start: number, end: number, value: number): Hit {
  const a = locate(starts, start, false);
  const b = locate(starts, end, true);
  return {
    startNode: nodes[a]!,
    startOffset: start - starts[a]!,
    endNode: nodes[b]!,
    endOffset: end - starts[b]!,
    value,
  };
}

/**
 * Index of the text node holding run offset `offset`. An end offset that falls exactly on a node
 * boundary belongs to the node before it, so the range does not start in a node it doesn't cover.
 */
function locate(starts: readonly number[], offset: number, isEnd: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (s === offset && !isEnd)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
