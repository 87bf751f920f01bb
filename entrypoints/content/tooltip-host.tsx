/**
 * Mounts the tooltip in an open shadow root, created on first use so a page nobody hovers keeps
 * exactly its own DOM. Positioned by hand: WXT's overlay UI loses its position to `:host{all:initial}`.
 */
import { render } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { Tooltip } from '../../components/Tooltip';
import { MESSAGES, type UiLanguage } from '../../lib/i18n';
import type { GlossaryEntry } from '../../lib/glossary/types';
import { placeTooltip } from '../../lib/place-tooltip';
import css from './tooltip.css?inline';

export const HOST_TAG = 'huantai-lens-ui';

export interface TooltipHostDeps {
  document: Document;
  copyText: (text: string) => Promise<void>;
  citationOf: (entry: GlossaryEntry) => string;
  openInGlossary: (entry: GlossaryEntry) => void;
  /** The reader's theme setting, applied whenever the tooltip is drawn. */
  theme: () => 'system' | 'light' | 'dark';
  language: () => UiLanguage;
}

export function createTooltipHost({ document, copyText, citationOf, openInGlossary, theme, language }: TooltipHostDeps) {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let current: { entry: GlossaryEntry | null; anchor: () => DOMRect; focus: boolean } | null = null;
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
    const uiLanguage = language();
    render(
      <I18nProvider language={uiLanguage} table={MESSAGES[uiLanguage]} key={uiLanguage}>
      <Tooltip
        entry={entry}
        copied={copied}
        onOpenInGlossary={() => entry && openInGlossary(entry)}
        onCopyCitation={() => {
          if (!entry) return;
          void copyText(citationOf(entry)).then(() => {
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
    const view = document.defaultView!;
    const visual = view.visualViewport;
    // Measure at the natural height: a cap left from the last placement would skew the choice.
    card.style.maxHeight = 'none';
    // CSS zoom on <html> (some sites scale their layout so) reaches the host: undo it, so the card
    // keeps its own size and the placement below, in viewport pixels, is not scaled with the page.
    const zoom = host?.currentCSSZoom ?? 1;
    card.style.zoom = zoom > 0 && zoom !== 1 ? String(1 / zoom) : '';
    const natural = card.getBoundingClientRect();
    const placement = placeTooltip({
      anchor: current.anchor(),
      size: { width: natural.width, height: natural.height },
      viewport: visual
        ? { left: visual.offsetLeft, top: visual.offsetTop, width: visual.width, height: visual.height }
        : { left: 0, top: 0, width: view.innerWidth, height: view.innerHeight },
    });
    card.style.maxHeight = `${placement.maxHeight}px`;
    card.style.transform = `translate(${placement.x}px, ${placement.y}px)`;
    card.dataset.side = placement.side;
  };

  return {
    /** `focus`: opened from the keyboard, so focus moves into the tooltip (and returns on close). */
    show({ entry, anchor, focus = false }: { entry: GlossaryEntry | null; anchor: () => DOMRect; focus?: boolean }) {
      ensureMounted();
      copied = current?.entry?.id === entry?.id ? copied : false;
      if (focus && !returnFocusTo) {
        const active = document.activeElement;
        returnFocusTo = active instanceof HTMLElement && active !== host ? active : document.body;
      }
      current = { entry, anchor, focus };
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
