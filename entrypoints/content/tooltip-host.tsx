/**
 * Mounts the tooltip in an open shadow root, created on first use so a page nobody hovers keeps
 * exactly its own DOM (not WXT's overlay UI, which loses its position to `:host{all:initial}`), and
 * places it next to its term with Floating UI.
 */
import { computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import type { PageContext } from '../../components/EntryDetails';
import { Tooltip } from '../../components/Tooltip';
import { MESSAGES, type UiLanguage } from '../../lib/i18n';
import type { Citation } from '../../lib/glossary/citation';
import { cardScriptOf } from '../../lib/glossary/script';
import type { GlossaryEntry, TermList, TraditionalText } from '../../lib/glossary/types';
import { HOST_TAG } from './host-tag';
import css from './tooltip.css?inline';


/**
 * What the card is placed against: the term's box, or its live range, whose line boxes let a term
 * broken over two lines get its card under the line it ends on (above: the line it starts on).
 */
export type TooltipAnchor = DOMRect | Range;

/** Between term and card. */
const GAP = 6;
/** Kept free at the viewport's edges. */
const PADDING = 8;
/** The card's caps (as in tooltip.css). */
const MAX_WIDTH = 380;
const MAX_HEIGHT = 460;
/** The least height the card gets when neither side of its term has that much room: it then covers the term. */
const MIN_HEIGHT = 120;

export interface TooltipHostDeps {
  document: Document;
  copyCitation: (citation: Citation) => Promise<void>;
  citationOf: (entry: GlossaryEntry) => Citation;
  openInGlossary: (entry: GlossaryEntry) => void;
  /** The reader's theme setting, applied whenever the tooltip is drawn. */
  theme: () => 'system' | 'light' | 'dark';
  language: () => UiLanguage;
  /** The term list's Traditional → Simplified table: tells a term written in Traditional characters. */
  variants: TermList['variants'];
  /** An entry's card text in Traditional characters, from the background (undefined: it has none). */
  fetchTraditional: (args: { id: string }) => Promise<TraditionalText | undefined>;
}

export function createTooltipHost(deps: TooltipHostDeps) {
  const { document, copyCitation, citationOf, openInGlossary, theme, language } = deps;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let current: {
    entry: GlossaryEntry | null;
    anchor: () => TooltipAnchor;
    focus: boolean;
    context: PageContext;
    traditional: boolean;
    position?: CardPosition;
  } | null = null;
  const traditional = createTraditionalCache({
    fetch: deps.fetchTraditional,
    onArrival: (id) => {
      if (current?.entry?.id === id) draw();
    },
  });
  let copied = false;
  /** Where focus was before the keyboard opened the tooltip; it goes back there on close. */
  let returnFocusTo: HTMLElement | null = null;

  const ensureMounted = () => {
    if (host?.isConnected && mount) return mount;
    host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    mount = document.createElement('div');
    shadow.append(style, mount);
    document.documentElement.append(host);
    return mount;
  };

  const draw = () => {
    if (!current || !mount) return;
    const chosen = theme();
    if (chosen === 'system') host?.removeAttribute('data-theme');
    else host?.setAttribute('data-theme', chosen);
    const entry = current.entry;
    const text = entry && current.traditional ? traditional.get({ id: entry.id }) : null;
    // A card for Traditional text waits for it rather than flash the Simplified text first.
    const waiting = text === undefined;
    const uiLanguage = language();
    render(
      <I18nProvider language={uiLanguage} table={MESSAGES[uiLanguage]} key={uiLanguage}>
      <Tooltip
        entry={waiting ? null : entry}
        traditional={text ?? undefined}
        position={current.position}
        copied={copied}
        context={current.context}
        onOpenInGlossary={() => entry && openInGlossary(entry)}
        onCopyCitation={() => {
          if (!entry) return;
          void copyCitation(citationOf(entry)).then(() => {
            copied = true;
            draw();
          });
        }}
      />
      </I18nProvider>,
      mount,
    );
    const card = mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    if (current.focus && host?.shadowRoot?.activeElement == null) card.focus({ preventScroll: true });
    // CSS zoom on <html> (some sites scale their layout so) reaches the host: undo it, so the card
    // keeps its own size and the placement below, in viewport pixels, is not scaled with the page.
    const zoom = host?.currentCSSZoom ?? 1;
    card.style.zoom = zoom > 0 && zoom !== 1 ? String(1 / zoom) : '';
    void place(card, current.anchor());
  };

  /** The latest placement; an older one still computing writes nothing. */
  let placing = 0;
  /**
   * Under the term, or above it when there is more room there (flip), moved sideways to stay on
   * screen (shift), its height and width capped to the room it has (size: the card scrolls inside).
   * Resolves within the same task (Floating UI's steps are all synchronous), before the next paint.
   */
  const place = async (card: HTMLElement, anchor: TooltipAnchor) => {
    const token = ++placing;
    const view = document.defaultView!;
    const visual = view.visualViewport;
    // The visual viewport, so a pinch-zoomed page gets its card where the reader is looking. Given as
    // the boundary: no overflow box of the page's own narrows the card's room.
    const viewport = visual
      ? { x: visual.offsetLeft, y: visual.offsetTop, width: visual.width, height: visual.height }
      : { x: 0, y: 0, width: view.innerWidth, height: view.innerHeight };
    const room = { padding: PADDING, boundary: viewport, rootBoundary: viewport };
    const reference: VirtualElement =
      'getClientRects' in anchor
        ? { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects() }
        : { getBoundingClientRect: () => anchor, getClientRects: () => [anchor] };
    // Measured under the stylesheet's caps alone: caps left from the last placement would skew flip's choice.
    card.style.maxHeight = '';
    card.style.maxWidth = '';
    const { x, y, placement } = await computePosition(reference, card, {
      // :host is position: fixed (!important, so the page cannot change it), and so is the card.
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(GAP),
        // Main axis only: shift takes care of the sides.
        flip({ ...room, crossAxis: false, flipAlignment: false }),
        shift(room),
        size({
          ...room,
          apply({ availableWidth, availableHeight }) {
            if (token !== placing) return;
            const floor = Math.min(MIN_HEIGHT, viewport.height - 2 * PADDING);
            card.style.maxWidth = `${Math.floor(Math.max(0, Math.min(MAX_WIDTH, availableWidth)))}px`;
            card.style.maxHeight = `${Math.floor(Math.max(0, floor, Math.min(MAX_HEIGHT, availableHeight)))}px`;
          },
        }),
        // Only when that floor leaves the card taller than its side's room: back on screen, over the term.
        { ...shift({ ...room, mainAxis: false, crossAxis: true }), name: 'shiftOnScreen' },
      ],
    });
    if (token !== placing || !card.isConnected) return;
    card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    card.dataset.side = placement.startsWith('top') ? 'above' : 'below';
  };

  return {
    /**
     * `focus`: opened from the keyboard, so focus moves into the tooltip (and returns on close).
     * `context`: 'elsewhere' when the page is about another place: the card then says its targets are Huantai's.
     * `position`: where the term is among the page's terms (the keyboard moved to it).
     */
    show({
      entry,
      anchor,
      focus = false,
      context = 'huantai',
      position,
    }: {
      entry: GlossaryEntry | null;
      anchor: () => TooltipAnchor;
      focus?: boolean;
      context?: PageContext;
      position?: CardPosition;
    }) {
      ensureMounted();
      copied = current?.entry?.id === entry?.id ? copied : false;
      if (focus && !returnFocusTo) {
        const active = document.activeElement;
        returnFocusTo = active instanceof HTMLElement && active !== host ? active : document.body;
      }
      current = { entry, anchor, focus, context, position, traditional: isTraditionalAt({ anchor: anchor(), variants: deps.variants }) };
      draw();
    },
    hide() {
      current = null;
      copied = false;
      if (mount) render(null, mount);
      const target = returnFocusTo;
      returnFocusTo = null;
      if (target?.isConnected) target.focus({ preventScroll: true });
    },
    get isOpen() {
      return current !== null;
    },
    /** Is this event target inside the tooltip (events from a shadow root are retargeted to the host)? */
    contains(target: EventTarget | null) {
      return host !== null && target === host;
    },
    isHost(node: Node) {
      return node === host;
    },
  };
}

export type TooltipHost = ReturnType<typeof createTooltipHost>;

export interface CardPosition {
  index: number;
  total: number;
}

/** Is the card's term written in Traditional characters, or in a Traditional-language part of the page? */
function isTraditionalAt({ anchor, variants }: { anchor: TooltipAnchor; variants: TermList['variants'] }): boolean {
  if (!('startContainer' in anchor)) return false;
  return cardScriptOf({ matchedText: anchor.toString(), lang: langOf(anchor.startContainer), variants }) === 'traditional';
}

/** The nearest `lang` of a node: inherited across shadow roots, as the browser inherits it. */
function langOf(node: Node): string {
  let element: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element) {
    const withLang = element.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = element.getRootNode();
    element = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return '';
}

/**
 * Traditional card text by entry id, asked of the background once per entry and only when a card
 * needs it. get(): the text; null when there is none (the card stays Simplified); undefined while asked.
 */
function createTraditionalCache({
  fetch,
  onArrival,
}: {
  fetch: TooltipHostDeps['fetchTraditional'];
  onArrival: (id: string) => void;
}) {
  const texts = new Map<string, TraditionalText | null>();
  const asked = new Set<string>();
  return {
    get({ id }: { id: string }): TraditionalText | null | undefined {
      if (texts.has(id)) return texts.get(id);
      if (!asked.has(id)) {
        asked.add(id);
        // A failed ask (the background restarting) leaves this card Simplified rather than waiting for ever.
        void fetch({ id })
          .catch(() => undefined)
          .then((text) => {
            texts.set(id, text ?? null);
            onArrival(id);
          });
      }
      return undefined;
    },
  };
}
