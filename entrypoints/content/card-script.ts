/** Whether a card shows its text in Traditional characters, and that text, asked of the background once per entry. */
import { cardScriptOf } from '../../lib/glossary/script';
import type { TermList, TraditionalText } from '../../lib/glossary/types';
import type { TooltipAnchor } from './place-card';

/** Is the card's term written in Traditional characters, or in a Traditional-language part of the page? */
export function isTraditionalAt({ anchor, variants }: { anchor: TooltipAnchor; variants: TermList['variants'] }): boolean {
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
export function createTraditionalCache({
  fetch,
  onArrival,
}: {
  fetch: (args: { id: string }) => Promise<TraditionalText | undefined>;
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
