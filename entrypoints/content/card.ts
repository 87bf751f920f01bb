/**
 * The card: the tooltip's UI (Preact, the card's components, the interface's messages, Floating
 * UI, citations). A part of its own (parts.ts), import()ed on the first hover, tap or keyboard
 * command, so a page with terms that nobody hovers never evaluates it.
 */
import { citationOf, copyCitation } from '../../lib/glossary/citation';
import { SOURCE_DOCUMENT } from '../../lib/glossary/source-document';
import { resolveLanguage } from '../../lib/i18n';
import type { Settings } from '../../lib/settings/settings';
import { createTooltipHost, type TooltipHost, type TooltipHostDeps } from './tooltip-host';

export interface CardDeps extends Pick<TooltipHostDeps, 'document' | 'openInGlossary' | 'variants' | 'fetchTraditional'> {
  settings: () => Pick<Settings, 'theme' | 'language'>;
}

export interface Card {
  createTooltip(deps: CardDeps): TooltipHost;
}

export function createTooltip({ settings, ...deps }: CardDeps): TooltipHost {
  return createTooltipHost({
    ...deps,
    copyCitation: (citation) => copyCitation({ citation, clipboard: navigator.clipboard, ClipboardItem: globalThis.ClipboardItem }),
    citationOf: (entry) => citationOf({ entry, source: SOURCE_DOCUMENT }),
    theme: () => settings().theme,
    language: () => resolveLanguage({ setting: settings().language, browserLanguage: navigator.language }),
  });
}
