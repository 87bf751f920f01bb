/**
 * Painting: a block's hits become ranges in Highlights registered in CSS.highlights under the
 * names the content stylesheet (public/highlights.css) styles: one per area's colour and style,
 * one quiet grey. The page's DOM is never touched.
 *
 * Few names, not one per group and style: Chromium works out every highlight name the page's
 * stylesheets style for every element on every style recalculation, painted or not, and the
 * stylesheet is in every frame. On en-wikipedia (load, an otherwise empty extension) 1 name added
 * 12 ms of UpdateLayoutTree, 17 names 32 ms, the 36 a name per group and style needed 60 ms.
 *
 * Chromium rebuilds the markers of every registered range whenever any highlight changes (and on
 * every DOM or style change of the page), so what is registered is kept to the blocks near the
 * screen: painting a block far away would make every later change cost more, not just this one.
 */
import type { Hit } from './scanner';
import { hitsOf, type BlockState } from './highlight-blocks';

export const HIGHLIGHT_PREFIX = 'huantai-lens';

export interface Appearance {
  style: 'underline' | 'background' | 'off';
  /** Groups not painted and not explained (areas the reader switched off, national terms off-context). */
  hidden: ReadonlySet<string>;
  /** Groups painted in the quiet style whatever the style (national terms on a page about elsewhere). */
  quiet?: ReadonlySet<string>;
  /** Every occurrence of a term, or only its first on the page (the reader's density setting). */
  density?: 'every' | 'first';
}

const sameSet = (a: ReadonlySet<string> = new Set(), b: ReadonlySet<string> = new Set()) => a.size === b.size && [...a].every((item) => b.has(item));

/** Would the two appearances paint every term alike? */
export function sameAppearance(a: Appearance, b: Appearance): boolean {
  return a.style === b.style && (a.density ?? 'every') === (b.density ?? 'every') && sameSet(a.hidden, b.hidden) && sameSet(a.quiet, b.quiet);
}

export interface PainterDeps {
  /** CSS.highlights. */
  registry: HighlightRegistry;
  createHighlight: () => Highlight;
  /** StaticRange: unlike a live Range it costs the page nothing when its DOM changes. */
  createRange: (hit: Hit) => AbstractRange;
  /** A term's group, which the appearance shows, hides or quietens (its area, its wider terms apart), e.g. "ecology-wide". */
  groupOf: (value: number) => string;
  /** A term's colour in the stylesheet (its area), e.g. "ecology". */
  colourOf: (value: number) => string;
  /** Is this the first occurrence of its term on the page (density 'first' paints only those)? */
  isFirst?: (hit: Hit) => boolean;
}

export function createPainter(deps: PainterDeps) {
  /** Registered once made and kept: an empty Highlight costs nothing, re-registering would. */
  const byName = new Map<string, Highlight>();
  // Per term value (small integers): painting looks these up once per range.
  const groupNames: string[] = [];
  const colours: string[] = [];
  let byValue: Array<Highlight | null> = [];
  let enabled = true;
  let appearance: Appearance = { style: 'underline', hidden: new Set() };

  const groupNameOf = (value: number) => (groupNames[value] ??= deps.groupOf(value));
  /** The name a term is painted under now, or null when it is not painted. */
  const nameOf = (value: number): string | null => {
    const group = groupNameOf(value);
    if (appearance.style === 'off' || appearance.hidden.has(group)) return null;
    if (appearance.quiet?.has(group)) return `${HIGHLIGHT_PREFIX}-quiet`;
    const colour = (colours[value] ??= deps.colourOf(value));
    return appearance.style === 'background' ? `${HIGHLIGHT_PREFIX}-bg-${colour}` : `${HIGHLIGHT_PREFIX}-${colour}`;
  };
  const highlightOf = (value: number): Highlight | null => {
    const known = byValue[value];
    if (known !== undefined) return known;
    const name = nameOf(value);
    if (name === null) return (byValue[value] = null);
    let highlight = byName.get(name);
    if (!highlight) {
      highlight = deps.createHighlight();
      byName.set(name, highlight);
      deps.registry.set(name, highlight);
    }
    return (byValue[value] = highlight);
  };
  const densityKeeps = (hit: Hit) => appearance.density !== 'first' || (deps.isFirst?.(hit) ?? true);

  return {
    /** Adds a block's ranges to their highlights (making them the first time); how many. */
    paint(state: BlockState): number {
      if (state.painted || !enabled) return 0;
      const ranges = (state.ranges ??= hitsOf(state).map((hit) => ({ value: hit.value, range: deps.createRange(hit), hit })));
      for (const entry of ranges) if (densityKeeps(entry.hit)) highlightOf(entry.value)?.add(entry.range);
      state.painted = true;
      return ranges.length;
    },
    /** Takes a block's ranges out of their highlights (keeping them for the next paint); how many. */
    unpaint(state: BlockState): number {
      if (!state.painted) return 0;
      const ranges = state.ranges ?? [];
      for (const entry of ranges) highlightOf(entry.value)?.delete(entry.range);
      state.painted = false;
      return ranges.length;
    },
    isShown: (value: number) => !appearance.hidden.has(groupNameOf(value)),
    /** Is this hit painted when its block is (its group shown, and the density keeps it)? */
    paints: (hit: Hit) => !appearance.hidden.has(groupNameOf(hit.value)) && densityKeeps(hit),
    density: () => appearance.density ?? 'every',
    appearance: () => appearance,
    /** Only with nothing painted (the highlighter unpaints first): a range is taken out of the highlight it went in. */
    setAppearance(next: Appearance) {
      appearance = next;
      byValue = [];
    },
    setEnabled(value: boolean) {
      enabled = value;
    },
    /** Removes every name it registered. */
    destroy() {
      for (const name of byName.keys()) deps.registry.delete(name);
      byName.clear();
      byValue = [];
    },
  };
}

export type Painter = ReturnType<typeof createPainter>;
