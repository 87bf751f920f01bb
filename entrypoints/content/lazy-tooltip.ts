/**
 * The tooltip as the session sees it, before and after its UI is loaded: the first show() loads
 * the card (card.ts) and shows it once there, unless the reader has moved on (hide() in between).
 * Until then no host element exists, so nothing is open, contained or ours.
 */
import type { TooltipHost } from './tooltip-host';

type ShowArgs = Parameters<TooltipHost['show']>[0];

export function createLazyTooltip({ load, onError }: { load: () => Promise<TooltipHost>; onError: (error: unknown) => void }): TooltipHost {
  let real: TooltipHost | null = null;
  let loading: Promise<void> | null = null;
  /** The latest show() while loading; null once hidden. */
  let pending: ShowArgs | null = null;

  const ensureLoaded = () =>
    (loading ??= load().then(
      (host) => {
        real = host;
        if (pending) host.show(pending);
        pending = null;
      },
      (error: unknown) => {
        // The next show() tries again (an extension update invalidates the URL, a page's CSP hiccup).
        loading = null;
        pending = null;
        onError(error);
      },
    ));

  return {
    show(args) {
      if (real) return real.show(args);
      pending = args;
      void ensureLoaded();
    },
    hide() {
      pending = null;
      real?.hide();
    },
    get isOpen() {
      return real ? real.isOpen : pending !== null;
    },
    contains: (target) => real?.contains(target) ?? false,
    isHost: (node) => real?.isHost(node) ?? false,
  };
}
