import { describe, expect, it } from 'vitest';
import { createCardIntent } from '../../../entrypoints/content/hover';
import type { PaintedRange } from '../../../lib/scan/highlighter';

/** A window whose timers the test fires itself, and a card that records what it was asked. */
function setup({ delay = 300 } = {}) {
  const timers = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const window = {
    setTimeout: (run: () => void, ms: number) => (timers.set(++next, { run, ms }), next),
    clearTimeout: (id: number) => void timers.delete(id),
  } as unknown as Window;
  const opened: PaintedRange[] = [];
  let open = false;
  let closed = 0;
  const intent = createCardIntent({
    window,
    delayMs: () => delay,
    open: ({ painted }) => {
      opened.push(painted);
      open = true;
    },
    close: () => {
      closed++;
      open = false;
    },
    isOpen: () => open,
  });
  const fire = () => {
    const due = [...timers.values()];
    timers.clear();
    for (const timer of due) timer.run();
  };
  return { intent, opened, timers, fire, closed: () => closed };
}

const term = (name: string) => ({ range: { name } }) as unknown as PaintedRange;

describe('the hover intent', () => {
  it('opens a term once the pointer has rested on it for the delay', () => {
    const { intent, opened, timers, fire } = setup({ delay: 250 });
    const a = term('a');
    intent.aim(a);
    expect(opened).toEqual([]);
    expect([...timers.values()].map((t) => t.ms)).toEqual([250]);
    fire();
    expect(opened).toEqual([a]);
    expect(intent.openRange).toBe(a);
  });

  it('does not restart the delay while the pointer stays on the same term, and forgets it when the pointer leaves', () => {
    const { intent, opened, timers, fire } = setup();
    const a = term('a');
    intent.aim(a);
    intent.aim(a);
    expect(timers.size).toBe(1);
    intent.aim(undefined);
    expect(timers.size).toBe(0);
    fire();
    expect(opened).toEqual([]);
  });

  it('moving to another term waits for that one instead', () => {
    const { intent, opened, timers, fire } = setup();
    const [a, b] = [term('a'), term('b')];
    intent.aim(a);
    intent.aim(b);
    expect(timers.size).toBe(1);
    fire();
    expect(opened).toEqual([b]);
  });

  it('the open term asks for nothing more; closing closes the card and a pending open', () => {
    const { intent, opened, timers, closed } = setup();
    const [a, b] = [term('a'), term('b')];
    intent.openNow(a);
    intent.aim(a);
    expect(timers.size).toBe(0);
    intent.aim(b);
    intent.close();
    expect(timers.size).toBe(0);
    expect(closed()).toBe(1);
    expect(intent.openRange).toBeNull();
    expect(opened).toEqual([a]);
  });

  it('closing with nothing open asks nothing of the card', () => {
    const { intent, closed } = setup();
    intent.close();
    expect(closed()).toBe(0);
  });
});
