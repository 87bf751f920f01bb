/**
 * Mounts the tooltip in an open shadow root, created on first use so a page nobody hovers keeps
 * exactly its own DOM (not WXT's overlay UI, which loses its position to `:host{all:initial}`), and
 * places it next to its term with Floating UI.
 */
import { render, type ComponentProps } from 'preact';
import { I18nProvider } from '../../components/i18n';
import type { PageContext } from '../../components/EntryDetails';
import { Tooltip } from '../../components/Tooltip';
import { MESSAGES, type UiLanguage } from '../../lib/i18n';
import type { Citation } from '../../lib/glossary/citation';
import type { GlossaryEntry, TermList, TraditionalText } from '../../lib/glossary/types';
import { createTraditionalCache, isTraditionalAt } from './card-script';
import { HOST_TAG } from './host-tag';
import { placeCard, type TooltipAnchor } from './place-card';
import css from './tooltip.css?inline';

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

export interface CardRequest {
  entry: GlossaryEntry | null;
  anchor: () => TooltipAnchor;
  /** Opened from the keyboard, so focus moves into the tooltip (and returns on close). */
  focus?: boolean;
  /** 'elsewhere' when the page is about another place: the card then says its targets are Huantai's. */
  context?: PageContext;
  /** Where the term is among the page's terms (the keyboard moved to it). */
  position?: CardPosition;
}

export function createTooltipHost(deps: TooltipHostDeps) {
  const { document, copyCitation, citationOf, openInGlossary, theme, language } = deps;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let current: (CardRequest & { focus: boolean; context: PageContext; traditional: boolean }) | null = null;
  const traditional = createTraditionalCache({
    fetch: deps.fetchTraditional,
    onArrival: (id) => {
      if (current?.entry?.id === id) draw();
    },
  });
  let copied = false;
  const focusReturn = createFocusReturn({ document, isHost: (element) => element === host });

  const ensureMounted = () => {
    if (host?.isConnected && mount) return;
    ({ host, mount } = mountShadowHost({ document }));
  };

  /** The latest placement; an older one still computing writes nothing. */
  let placing = 0;
  const draw = () => {
    if (!current || !mount || !host) return;
    const entry = current.entry;
    const text = entry && current.traditional ? traditional.get({ id: entry.id }) : null;
    const card = renderCard({
      mount,
      language: language(),
      props: {
        // A card for Traditional text waits for it rather than flash the Simplified text first.
        entry: text === undefined ? null : entry,
        traditional: text ?? undefined,
        position: current.position,
        copied,
        context: current.context,
        onOpenInGlossary: () => entry && openInGlossary(entry),
        onCopyCitation: () => {
          if (!entry) return;
          void copyCitation(citationOf(entry)).then(() => {
            copied = true;
            draw();
          });
        },
      },
    });
    if (!card) return;
    styleHost({ host, card, theme: theme() });
    if (current.focus && host.shadowRoot?.activeElement == null) card.focus({ preventScroll: true });
    const token = ++placing;
    void placeCard({ card, anchor: current.anchor(), view: document.defaultView!, current: () => token === placing });
  };

  return {
    show({ entry, anchor, focus = false, context = 'huantai', position }: CardRequest) {
      ensureMounted();
      copied = current?.entry?.id === entry?.id ? copied : false;
      if (focus) focusReturn.remember();
      current = { entry, anchor, focus, context, position, traditional: isTraditionalAt({ anchor: anchor(), variants: deps.variants }) };
      draw();
    },
    hide() {
      current = null;
      copied = false;
      if (mount) render(null, mount);
      focusReturn.restore();
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

function mountShadowHost({ document }: { document: Document }): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  document.documentElement.append(host);
  return { host, mount };
}

function renderCard({ mount, language, props }: { mount: HTMLElement; language: UiLanguage; props: ComponentProps<typeof Tooltip> }): HTMLElement | null {
  render(
    <I18nProvider language={language} table={MESSAGES[language]} key={language}>
      <Tooltip {...props} />
    </I18nProvider>,
    mount,
  );
  return mount.firstElementChild as HTMLElement | null;
}

function styleHost({ host, card, theme }: { host: HTMLElement; card: HTMLElement; theme: 'system' | 'light' | 'dark' }) {
  if (theme === 'system') host.removeAttribute('data-theme');
  else host.setAttribute('data-theme', theme);
  // CSS zoom on <html> (some sites scale their layout so) reaches the host: undo it, so the card
  // keeps its own size and its placement, in viewport pixels, is not scaled with the page.
  const zoom = host.currentCSSZoom ?? 1;
  card.style.zoom = zoom > 0 && zoom !== 1 ? String(1 / zoom) : '';
}

/** Where focus was before the keyboard opened the tooltip; it goes back there on close. */
function createFocusReturn({ document, isHost }: { document: Document; isHost: (element: Element) => boolean }) {
  let target: HTMLElement | null = null;
  return {
    remember() {
      if (target) return;
      const active = document.activeElement;
      target = active instanceof HTMLElement && !isHost(active) ? active : document.body;
    },
    restore() {
      const element = target;
      target = null;
      if (element?.isConnected) element.focus({ preventScroll: true });
    },
  };
}
