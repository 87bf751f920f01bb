/**
 * What runs in every frame a reader opens: finds out whether the frame can hold a glossary term,
 * and only then has the engine started. Almost no page is about Huantai, so this is the cost of
 * the extension nearly everywhere: one walk over the frame's text nodes, the term probe over their
 * text, in slices that yield to the page.
 *
 * Why a walk and not document.body.textContent (one native call): textContent copies the whole
 * text into a new string in one task, 170-250 ms on a page holding one 10 Mi-char node (the
 * hostile pages), while a text node's data reaches the isolated world without a copy; on a news
 * page the walk costs what the floor extension's does (one wrapper per text node).
 *
 * Text added later (a single-page app loading its article, an ad frame written after load) is
 * watched with one MutationObserver, read at most every 100 ms, only what was added; the watch
 * ends once a possible term is seen. Open shadow roots are not read here (finding them means
 * visiting every element): a page whose only terms sit in a shadow root is explained once its
 * light DOM holds a term too, which is how the pages we know are built.
 */
import { SKIPPED } from './skipped';

export interface SentinelDeps {
  document: Document;
  /** The term probe (lib/scan/probe): true when the text may hold a term. */
  mayHoldTerm: (text: string) => boolean;
  createMutationObserver: (callback: MutationCallback) => MutationObserver;
  /** Called once, when the frame may hold a term. */
  onFound: () => void;
  /** Each slice of reading is scanning work on the page's thread: the caller records it ('huantai-lens:scan'). */
  recordSlice: (slice: { start: number; end: number; textNodes: number; chars: number }) => void;
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  yieldToPage: () => Promise<void>;
}

/** Mutations are read at most this often: a ticker page mutates every few ms. */
const MUTATION_DELAY_MS = 100;
/** The longest a slice of reading runs before the page gets its thread back. */
const SLICE_MS = 4;
/** Text is probed in windows of this many chars (a huge text node too), overlapping by the longest form and its spacing. */
const WINDOW = 1 << 16;
const OVERLAP = 128;

export function watchForTerms(deps: SentinelDeps): { stop(): void } {
  const { document, createMutationObserver, onFound, setTimer } = deps;
  let stopped = false;
  let pending: Node[] = [];
  const observer = createMutationObserver((records) => {
    if (pending.length === 0) setTimer(readPending, MUTATION_DELAY_MS);
    pending.push(...addedRoots(records));
  });
  const stop = () => {
    stopped = true;
    observer.disconnect();
  };
  const found = () => {
    if (stopped) return;
    stop();
    onFound();
  };
  const readPending = () => {
    const roots = pending;
    pending = [];
    if (!stopped) void readForTerms({ ...deps, roots, stopped: () => stopped }).then((yes) => yes && found());
  };
  // Watching starts before the first read, so text added while it yields is not missed.
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const root = document.body ?? document.documentElement;
  if (root !== null) void readForTerms({ ...deps, roots: [root], stopped: () => stopped }).then((yes) => yes && found());
  return { stop };
}

/** Where records added text: added nodes, and the parent of edited text (an edit may complete a term). */
export function addedRoots(records: readonly MutationRecord[]): Node[] {
  const roots: Node[] = [];
  for (const record of records) {
    if (record.type === 'characterData') {
      if (record.target.parentNode) roots.push(record.target.parentNode);
    } else {
      for (const node of record.addedNodes) if (node.nodeType === 3 || node.nodeType === 1) roots.push(node);
    }
  }
  return roots;
}

/**
 * Whether the roots' reading text may hold a term. Text is joined across nodes (中国<b>膜谷</b>) and
 * probed a window at a time; script and style text is only set apart when a window says yes (an
 * ad frame whose script names 中国膜谷), so the common page pays no parent lookup per node.
 */
export async function readForTerms({
  roots,
  mayHoldTerm,
  now,
  yieldToPage,
  recordSlice,
  stopped,
}: Pick<SentinelDeps, 'mayHoldTerm' | 'now' | 'yieldToPage' | 'recordSlice'> & { roots: readonly Node[]; stopped: () => boolean }): Promise<boolean> {
  const window = createWindow({ mayHoldTerm });
  let start = now();
  let textNodes = 0;
  let chars = 0;
  const endSlice = () => recordSlice({ start, end: now(), textNodes, chars });
  for (const root of roots) {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node: Node | null = root.nodeType === 3 ? root : walker.nextNode();
    while (node !== null) {
      const data = (node as Text).data;
      textNodes++;
      chars += data.length;
      for (let from = 0; from < data.length; from += WINDOW) {
        const text = data.length <= WINDOW ? data : data.slice(from, from + WINDOW);
        if (window.add(node as Text, text)) {
          endSlice();
          return true;
        }
        // The clock is read every 16 nodes, or after a long text: reading it per node cost more than the node.
        if (((textNodes & 15) === 0 || text.length > 4096) && now() - start > SLICE_MS) {
          endSlice();
          await yieldToPage();
          if (stopped()) return false;
          start = now();
          textNodes = 0;
          chars = 0;
        }
      }
      node = root.nodeType === 3 ? null : walker.nextNode();
    }
  }
  const yes = window.flush();
  endSlice();
  return yes;
}

/**
 * Han as the engine's rule for Latin forms counts it (latin-forms.ts), which also holds every char
 * a key may start with (sentinel.test.ts checks): text without one can hold no term. The probe's own
 * \p{Script=Han} test is the wider one; this one only lets the read pass over text.
 */
export const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f]/;

/**
 * Text joined across nodes, probed whenever it reaches a window's length. Until a window holds a
 * Han char it keeps only its last OVERLAP chars (a Latin form before the first Chinese text) and
 * is never joined or probed: on an English page (most of the web) the read then costs about what
 * the floor extension's walk does; joining every 64K of text to find no Chinese in it made the
 * sentinel 3x the floor on en-cnn.
 */
function createWindow({ mayHoldTerm }: { mayHoldTerm: (text: string) => boolean }) {
  // Parallel arrays, reused: a piece is a text node and its text (or a window-long slice of it).
  // Entries before `first` are gone (passed over while the window held no Han).
  const nodes: Text[] = [];
  const texts: string[] = [];
  let first = 0;
  let length = 0;
  let han = false;
  const reset = (node: Text, tail: string) => {
    nodes.length = texts.length = first = length = 0;
    han = false;
    add(node, tail);
  };
  /** Drops the pieces before the last OVERLAP chars (a window without Han keeps no more). */
  const trim = () => {
    while (texts.length - first > 1 && length - texts[first]!.length >= OVERLAP) length -= texts[first++]!.length;
    if (first > 64) {
      nodes.copyWithin(0, first);
      texts.copyWithin(0, first);
      nodes.length = texts.length = texts.length - first;
      first = 0;
    }
  };
  // Positional, and no object per piece: this runs for every text node of every frame.
  const add = (node: Text, text: string) => {
    nodes.push(node);
    texts.push(text);
    length += text.length;
    han ||= HAN_CHAR.test(text);
    if (!han) trim();
  };
  const flush = (): boolean => {
    if (!han) return false;
    const joined = texts.slice(first).join('');
    const read = () => texts.map((text, i) => (i >= first && isRead(nodes[i]!) ? text : '')).join('');
    const yes = mayHoldTerm(joined) && mayHoldTerm(read());
    // The last chars go on to the next window: a term may straddle the two.
    reset(nodes[nodes.length - 1]!, joined.slice(-OVERLAP));
    return yes;
  };
  return {
    add(node: Text, text: string): boolean {
      add(node, text);
      return length >= WINDOW && flush();
    },
    flush,
  };
}

function isRead(node: Text): boolean {
  const parent = node.parentNode;
  return parent === null || !SKIPPED.has(parent.nodeName);
}
