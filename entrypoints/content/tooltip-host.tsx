/**
 * Mounts the tooltip in an open shadow root, created on first use so a page nobody hovers keeps
 * exactly its own DOM. Positioned by hand: WXT's overlay UI loses its position to `:host{all:initial}`.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { Tooltip } from '../../components/Tooltip';
import type { GlossaryEntry } from '../../lib/glossary-types';
import css from './tooltip.css?inline';

export const HOST_TAG = 'huantai-lens-ui';

export interface TooltipHostDeps {
  document: Document;
  copyText: (text: string) => Promise<void>;
  citationOf: (entry: GlossaryEntry) => string;
}

export function createTooltipHost({ document, copyText, citationOf }: TooltipHostDeps) {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let current: { entry: GlossaryEntry | null; anchor: () => DOMRect } | null = null;
  let copied = false;

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
    const entry = current.entry;
    render(
      <Tooltip
        entry={entry}
        loading={!entry}
        copied={copied}
        onCopyCitation={() => {
          if (!entry) return;
          void copyText(citationOf(entry)).then(() => {
            copied = true;
            draw();
          });
        }}
      />,
      mount,
    );
    const card = mount.firstElementChild as HTMLElement | null;
    if (!card) return;
    const anchor = current.anchor;
    void computePosition({ getBoundingClientRect: anchor }, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(120, Math.min(460, availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });
  };

  return {
    show({ entry, anchor }: { entry: GlossaryEntry | null; anchor: () => DOMRect }) {
      ensureMounted();
      copied = current?.entry?.id === entry?.id ? copied : false;
      current = { entry, anchor };
      draw();
    },
    hide() {
      current = null;
      copied = false;
      if (mount) render(null, mount);
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
