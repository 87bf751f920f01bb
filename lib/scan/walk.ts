/**
 * Walking: a TreeWalker moves through a root natively; the loop only decides, per text node, which
 * block its parent belongs to (cached per element) and ends the run on entering any block, so that
 * 中国<b>膜谷</b> is one run while <p>中国</p><p>膜谷</p> and 中国<hr>膜谷 are two.
 *
 * The walk's cost is the nodes it touches: from a content script each one costs a wrapper in the
 * isolated world, about half a microsecond, several times what reading it costs once the wrapper
 * exists. Walking text nodes only would touch fewer, but not here: open shadow roots are found
 * only on their hosts, and an empty block between two texts of one block (中国<hr>膜谷) is only
 * seen by visiting the elements between; on the stress page nearly every element is a text's
 * parent, touched for its block anyway.
 */
import { blockOf, BLOCKS, EDITABLE, isInSkippedRegion } from './blocks';
import type { Chunks } from './chunks';
import type { Segment } from './segment';
import { SKIPPED } from './skipped';

const WHITESPACE_ONLY = /^\s*$/;

/** What a text node's parent says about its text: the block it belongs to, or SKIP. */
const SKIP = null;
type Context = Element | typeof SKIP;

export interface WalkArgs {
  root: Node;
  segment: Segment;
  chunks: Chunks;
  /** Selector for the extension's own UI, and anything else the caller wants left alone. */
  excludedSelector?: string;
  /** Called on a block boundary once the segment is full: matches and empties it. */
  flush: () => Promise<void>;
  onShadowRoot?: (root: ShadowRoot) => void;
  signal?: { aborted: boolean };
}

/** Adds a root's reading text to the segment, run by run, pausing when the chunk's budget is spent. */
export async function walkRoot(args: WalkArgs): Promise<void> {
  const { root, segment, chunks, flush, onShadowRoot, signal } = args;
  segment.endRun();
  if (root.nodeType === 3) return addTextRoot(args);
  const rootElement = root.nodeType === 1 ? (root as Element) : null;
  if (rootElement && isInSkippedRegion(rootElement, args)) return;
  const enclosing = blockOf(root.nodeType === 11 ? (root as ShadowRoot).host : root) ?? rootElement;
  if (!enclosing) return;
  const contextOf = contextsUnder({ root: root as ParentNode & Node, enclosing, excludedSelector: args.excludedSelector });
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let lastParent: Node | null = null;
  let context: Context = enclosing;
  let steps = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Whitespace-only nodes (the line breaks between a page's tags: half the text nodes of a
      // typical page) hold nothing to match; passing over them skips their parent's lookup.
      if (data.length === 0 || (data.charCodeAt(0) <= 0x20 && WHITESPACE_ONLY.test(data))) {
        segment.passWhitespace();
        continue;
      }
      const parent = node.parentNode as Node;
      if (parent !== lastParent) {
        lastParent = parent;
        context = contextOf(parent);
      }
      if (context !== SKIP) {
        segment.addText(node as Text, data, context);
        chunks.current.textNodes++;
      }
    } else {
      // Entering any block ends the run, even an empty one.
      if (BLOCKS.has((node as Element).tagName)) {
        segment.endRun();
        if (segment.full) await flush();
      }
      const shadow = (node as Element).shadowRoot;
      if (shadow !== null && onShadowRoot && contextOf(node) !== SKIP) onShadowRoot(shadow);
    }
    if ((++steps & 63) === 0) {
      if (signal?.aborted) break;
      if (chunks.due(64)) await chunks.pause();
    }
  }
  segment.endRun();
}

/** A text node given as a root (a page changed just its text): it joins no run. */
function addTextRoot({ root, segment, chunks, excludedSelector }: WalkArgs): void {
  const text = root as Text;
  const block = text.parentNode ? blockOf(text.parentNode) : null;
  if (!block || isInSkippedRegion(text, { excludedSelector }) || text.data.length === 0) return;
  segment.addText(text, text.data, block);
  segment.endRun();
  chunks.current.textNodes++;
}

/**
 * The context of any node's children under `root`: each element is decided once, top-down, from
 * its parent's context (cached), so a text node's lookup is usually one Map read.
 */
export function contextsUnder({ root, enclosing, excludedSelector }: { root: ParentNode & Node; enclosing: Element; excludedSelector?: string }): (parent: Node) => Context {
  // Editable and excluded elements are looked up once per root (natively), not per element.
  const skipped = new Set<Element>(root.querySelectorAll(EDITABLE));
  if (excludedSelector !== undefined) for (const el of root.querySelectorAll(excludedSelector)) skipped.add(el);
  const contexts = new Map<Node, Context>([[root, enclosing]]);
  const decide = (node: Node, above: Context): Context => {
    if (above === SKIP || node.nodeType !== 1) return above;
    const tag = (node as Element).tagName;
    if (SKIPPED.has(tag) || skipped.has(node as Element)) return SKIP;
    return BLOCKS.has(tag) ? (node as Element) : above;
  };
  /** Uncached ancestors of the node asked about, nearest first; reused from call to call. */
  const chain: Node[] = [];
  return (parent) => {
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
}
