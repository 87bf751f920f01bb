/**
 * Painting: a block's hits become ranges in one Highlight per group of terms (the report's areas),
 * registered in CSS.highlights under a name the content stylesheet styles. The page's DOM is never
 * touched.
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

export interface PainterDeps {
  /** CSS.highlights. */
  registry: HighlightRegistry;
  createHighlight: () => Highlight;
  /** StaticRange: unlike a live Range it costs the page nothing when its DOM changes. */
  createRange: (hit: Hit) => AbstractRange;
  /** Highlight name suffix for a hit's term (its category), e.g. "ecology". */
  groupOf: (value: number) => string;
  /** Is this the first occurrence of its term on the page (density 'first' paints only those)? */
  isFirst?: (hit: Hit) => boolean;
}

export function createPainter(deps: PainterDeps) {
  const highlights = new Map<string, Highlight>();
  // Per term value (small integers): painting looks these up once per range.
  const groupNames: string[] = [];
  const byValue: Highlight[] = [];
  let enabled = true;

  // The style is chosen by the name a group is registered under: the content stylesheet has rules
  // for every name, so switching style re-registers the same Highlight objects and creates nothing.
  let appearance: Appearance = { style: 'underline', hidden: new Set() };
  const namesOf = (group: string) =>
    [`${HIGHLIGHT_PREFIX}-${group}`, `${HIGHLIGHT_PREFIX}-bg-${group}`, `${HIGHLIGHT_PREFIX}-quiet-${group}`] as const;
  const register = (group: string, highlight: Highlight) => {
    const [underline, background, quiet] = namesOf(group);
    for (const name of namesOf(group)) deps.registry.delete(name);
    if (appearance.style === 'off' || appearance.hidden.has(group)) return;
    const name = appearance.quiet?.has(group) ? quiet : appearance.style === 'background' ? background : underline;
    deps.registry.set(name, highlight);
  };
  const groupNameOf = (value: number) => (groupNames[value] ??= deps.groupOf(value));
  const densityKeeps = (hit: Hit) => appearance.density !== 'first' || (deps.isFirst?.(hit) ?? true);
  const highlightOf = (value: number) => {
    let highlight = byValue[value];
    if (highlight) return highlight;
    const group = groupNameOf(value);
    highlight = highlights.get(group);
    if (!highlight) {
      highlight = deps.createHighlight();
      highlights.set(group, highlight);
      register(group, highlight);
    }
    return (byValue[value] = highlight);
  };

  return {
    /** Adds a block's ranges to their highlights (making them the first time); how many. */
    paint(state: BlockState): number {
      if (state.painted || !enabled) return 0;
      const ranges = (state.ranges ??= hitsOf(state).map((hit) => ({ value: hit.value, range: deps.createRange(hit), hit })));
      for (const entry of ranges) if (densityKeeps(entry.hit)) highlightOf(entry.value).add(entry.range);
      state.painted = true;
      return ranges.length;
    },
    /** Takes a block's ranges out of their highlights (keeping them for the next paint); how many. */
    unpaint(state: BlockState): number {
      if (!state.painted) return 0;
      const ranges = state.ranges ?? [];
      for (const entry of ranges) highlightOf(entry.value).delete(entry.range);
      state.painted = false;
      return ranges.length;
    },
    isShown: (value: number) => !appearance.hidden.has(groupNameOf(value)),
    /** Is this hit painted when its block is (its group shown, and the density keeps it)? */
    paints: (hit: Hit) => !appearance.hidden.has(groupNameOf(hit.value)) && densityKeeps(hit),
    density: () => appearance.density ?? 'every',
    setAppearance(next: Appearance) {
      appearance = next;
      for (const [group, highlight] of highlights) register(group, highlight);
    },
    setEnabled(value: boolean) {
      enabled = value;
    },
    /** Removes every name it registered. */
    destroy() {
      for (const group of highlights.keys()) for (const name of namesOf(group)) deps.registry.delete(name);
      highlights.clear();
      byValue.length = 0;
    },
  };
}

export type Painter = ReturnType<typeof createPainter>;
