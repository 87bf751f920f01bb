import { describe, expect, it } from 'vitest';
import { createLazyTooltip } from '../../../entrypoints/content/lazy-tooltip';
import type { TooltipHost } from '../../../entrypoints/content/tooltip-host';

type ShowArgs = Parameters<TooltipHost['show']>[0];

/** A tooltip host that records what it was asked, and a load the test settles itself. */
function setup() {
  const shown: ShowArgs[] = [];
  let open = false;
  const host = { shown, hidden: 0 };
  const real: TooltipHost = {
    show: (args) => {
      shown.push(args);
      open = true;
    },
    hide: () => {
      host.hidden++;
      open = false;
    },
    get isOpen() {
      return open;
    },
    contains: (target) => (target as unknown) === 'host-element',
    isHost: (node) => (node as unknown) === 'host-element',
  } as TooltipHost;
  const loads: { resolve: (host: TooltipHost) => void; reject: (error: unknown) => void }[] = [];
  const errors: unknown[] = [];
  const tooltip = createLazyTooltip({
    load: () => new Promise<TooltipHost>((resolve, reject) => loads.push({ resolve, reject })),
    onError: (error) => errors.push(error),
  });
  return { tooltip, real, host, loads, errors };
}

const args = (id: string) => ({ entry: null, anchor: () => ({ x: 0, y: 0 }), context: 'huantai', focus: false, id }) as unknown as ShowArgs;
const idsOf = (shown: ShowArgs[]) => shown.map((s) => (s as unknown as { id: string }).id);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the tooltip loaded on first use', () => {
  it('loads the card once, on the first show, and shows the latest request when it arrives', async () => {
    const { tooltip, real, host, loads } = setup();
    expect(loads).toHaveLength(0);
    tooltip.show(args('a'));
    tooltip.show(args('b'));
    expect(loads).toHaveLength(1);
    expect(tooltip.isOpen).toBe(true);
    loads[0]!.resolve(real);
    await settle();
    expect(idsOf(host.shown)).toEqual(['b']);
    tooltip.show(args('c'));
    expect(idsOf(host.shown)).toEqual(['b', 'c']);
    expect(loads).toHaveLength(1);
  });

  it('shows nothing when the reader moved on before the card arrived', async () => {
    const { tooltip, real, host, loads } = setup();
    tooltip.show(args('a'));
    tooltip.hide();
    expect(tooltip.isOpen).toBe(false);
    loads[0]!.resolve(real);
    await settle();
    expect(idsOf(host.shown)).toEqual([]);
    expect(tooltip.isOpen).toBe(false);
  });

  it('owns no element before the card exists, and answers for the real one after', async () => {
    const { tooltip, real, loads } = setup();
    expect(tooltip.contains('host-element' as unknown as EventTarget)).toBe(false);
    tooltip.show(args('a'));
    loads[0]!.resolve(real);
    await settle();
    expect(tooltip.contains('host-element' as unknown as EventTarget)).toBe(true);
    expect(tooltip.isHost('host-element' as unknown as Node)).toBe(true);
  });

  it('reports a failed load and tries again on the next show', async () => {
    const { tooltip, real, host, loads, errors } = setup();
    tooltip.show(args('a'));
    loads[0]!.reject(new Error('gone'));
    await settle();
    expect(errors).toHaveLength(1);
    expect(tooltip.isOpen).toBe(false);
    tooltip.show(args('b'));
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(real);
    await settle();
    expect(idsOf(host.shown)).toEqual(['b']);
  });
});
