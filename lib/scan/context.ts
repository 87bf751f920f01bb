/**
 * Whether a page is about Huantai, which decides whether national and provincial terms are painted
 * (双碳 on a Beijing article is not Huantai's target). The rule, in one sentence for the README: a
 * page is about Huantai when its title or its text outside links, navigation, footers and asides
 * names 桓台 (桓臺), or when it holds one of Huantai's own (county-scope) terms.
 *
 * Links, navigation and footers are left out because sites list their sister sites there: a 淄博
 * portal's footer linking 桓台县人民政府 says nothing about the article above it. Towns of the
 * county are not in the rule: 新城镇, 唐山镇, 马桥镇 name places elsewhere too; 马踏湖, Huantai's
 * own lake, is a county term (with a sense rule against the lake of 汶上).
 *
 * Read off the scan (textNamesHuantai, shown each segment before it is matched): the scan reads
 * every text node anyway, in chunks that yield to the page, while one query over a whole document
 * is one task however long the page (one XPath query on the 100,000 paragraphs page: 50 to 520 ms).
 * The whole-document query is kept for the documents above a frame, read once. A name split by a
 * tag (桓<b>台</b>) is not seen.
 */
import { CATEGORY_IDS, type Category, type Scope } from '../glossary/categories';
import type { Settings } from '../settings/settings';
import type { Appearance } from './highlighter';

const NAMES = ['桓台', '桓臺'];
const LEFT_OUT = ['a', 'nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'textarea', 'rt'];
const LEFT_OUT_SELECTOR = LEFT_OUT.join(',');
const HOLDING_A_NAME = `//text()[${NAMES.map((name) => `contains(., '${name}')`).join(' or ')}]`;

export const titleNamesHuantai = ({ document }: { document: Document }) => NAMES.some((name) => document.title.includes(name));

/** The whole document at once: for the documents above a frame (this one's text is read off the scan). */
export function namesHuantai({ document }: { document: Document }): boolean {
  if (titleNamesHuantai({ document })) return true;
  const found = document.evaluate(HOLDING_A_NAME, document, null, XPathResult.UNORDERED_NODE_ITERATOR_TYPE, null);
  for (let node = found.iterateNext(); node; node = found.iterateNext()) {
    if (!node.parentElement?.closest(LEFT_OUT_SELECTOR)) return true;
  }
  return false;
}

/** Does this scanned text name Huantai outside links, navigation, footers and asides? `nodeAt`: the text node of a char. */
export function textNamesHuantai({ text, nodeAt }: { text: string; nodeAt: (index: number) => Text | null }): boolean {
  for (const name of NAMES) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!nodeAt(at)?.parentElement?.closest(LEFT_OUT_SELECTOR)) return true;
    }
  }
  return false;
}

/** Terms of a wider scope than Huantai's own: painted on pages about Huantai, elsewhere only on request. */
export const isWide = (scope: Scope) => scope === 'province' || scope === 'national';

/** The highlight group of a term: its area, with wider terms apart so their painting can follow the page's context. */
export function paintGroupOf({ category, scope }: { category: Category; scope: Scope }): string {
  return isWide(scope) ? `${category}-wide` : category;
}

/** How the groups are painted on this page, from the reader's settings and the page's context. */
export function appearanceOf({ settings, aboutHuantai }: { settings: Settings; aboutHuantai: boolean }): Appearance {
  const areasOff = CATEGORY_IDS.filter((id) => !settings.categories[id]);
  const hidden = new Set(areasOff.flatMap((category) => [category, paintGroupOf({ category, scope: 'national' })]));
  const quiet = new Set<string>();
  if (!aboutHuantai) {
    for (const category of CATEGORY_IDS) (settings.nationalEverywhere ? quiet : hidden).add(paintGroupOf({ category, scope: 'national' }));
  }
  return { style: settings.highlightStyle, hidden, quiet, density: settings.density };
}

export interface PageCounts {
  /** What is painted, by entry id: the badge and the popup count these. */
  painted: Record<string, number>;
  /** Wider terms the page's context left unpainted: the popup offers to show them. */
  unpainted: Record<string, number>;
}

/**
 * What is painted is what the appearance does not hide (so counts and paint cannot disagree); of
 * the rest, only a wider term whose area the reader keeps on was left out by the page's context.
 */
export function countsOf({ counts, appearance, termOf, settings }: { counts: Map<number, number>; appearance: Appearance; termOf: (value: number) => { id: string; category: Category; scope: Scope }; settings: Settings }): PageCounts {
  const painted: Record<string, number> = {};
  const unpainted: Record<string, number> = {};
  for (const [value, count] of counts) {
    const { id, category, scope } = termOf(value);
    if (!appearance.hidden.has(paintGroupOf({ category, scope }))) painted[id] = count;
    else if (isWide(scope) && settings.categories[category]) unpainted[id] = count;
  }
  return { painted, unpainted };
}

/**
 * The same-origin documents above a frame, nearest first: a frame inside a page about Huantai (an
 * embedded live blog, the page's own about:blank frames) is about Huantai too. A cross-origin
 * parent ends the climb: its document cannot be read, and its story is its own.
 */
export function ancestorDocuments({ document }: { document: Document }): Document[] {
  const found: Document[] = [];
  for (let view: Window | null = document.defaultView; view !== null && view.parent !== view; view = view.parent) {
    try {
      found.push(view.parent.document);
    } catch {
      break;
    }
  }
  return found;
}
