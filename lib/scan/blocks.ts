/**
 * What the scanner knows of elements without asking the page for their style: which are blocks
 * (a run of text ends at them) and which hold text that is not reading text.
 */
import { SKIPPED } from './skipped';

/**
 * Display is not read per element (getComputedStyle on every element would cost more than the
 * whole scan); these are the elements browsers lay out as blocks, table cells or list items.
 */
export const BLOCKS = new Set([
  'HTML', 'BODY', 'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIALOG', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR',
  'TD', 'TH', 'CAPTION', 'UL', 'MENU', 'LEGEND', 'CENTER',
]);

/** Elements whose text the user may be editing. */
export const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

export const isBlock = (element: Element) => BLOCKS.has(element.tagName);

function isSkipped(element: Element, excludedSelector: string | undefined): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  if (element.matches(EDITABLE)) return true;
  return excludedSelector !== undefined && element.matches(excludedSelector);
}

/** The nearest block element containing a node (the node itself when it is one), across shadow roots to their hosts. */
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
export function isInSkippedRegion(node: Node, { excludedSelector }: { excludedSelector?: string }): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el, excludedSelector)) return true;
  }
  return false;
}
