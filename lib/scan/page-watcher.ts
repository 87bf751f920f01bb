/**
 * Scans a page once, then keeps its highlights true as the page changes: only what mutations
 * touched is rescanned, in debounced bursts, and a page that mutates forever gets at most a
 * bounded share of the CPU (each burst is followed by a pause ten times its length).
 */
import { blockOf, scan, type ScanDeps } from './scanner';
import type { Highlighter } from './highlighter';

export interface PageWatcherDeps {
  /** Where to start: usually document.body (falls back to documentElement). */
  root: Node;
  scanDeps: ScanDeps;
  highlighter: Highlighter;
  createMutationObserver: (callback: (records: MutationRecord[]) => void) => Pick<MutationObserver, 'observe' | 'disconnect'>;
  setTimer: (callback: () => void, ms: number) => unknown;
  /** Whole-page counts, after the first scan and whenever a burst changed them. */
  onCounts: (counts: Map<number, number>) => void;
  /** Is this node part of the extension's own UI (never scanned, its mutations ignored)? */
  isOwnNode: (node: Node) => boolean;
  debounceMs?: number;
  /** Pause after a burst, as a multiple of the burst's own duration. */
  backoffFactor?: number;
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** The open shadow roots the scans found, each observed once (every rescan of a host finds its root again). */
function trackShadowRoots({ observe }: { observe: (root: ShadowRoot) => void }) {
  const roots = new Set<ShadowRoot>();
  return {
    add: (root: ShadowRoot) => {
      if (roots.has(root)) return;
      roots.add(root);
      observe(root);
    },
    all: () => [...roots],
    connected: (): ShadowRoot[] => [...roots].filter((root) => root.host.isConnected),
  };
}

export function watchPage(deps: PageWatcherDeps) {
  const debounceMs = deps.debounceMs ?? 150;
  const backoff = deps.backoffFactor ?? 10;
  const dirty = new Set<Node>();
  const signal = { aborted: false };
  let timerPending = false;
  let notBefore = 0;
  const exclusive = createExclusive();
  const report = countsReporter(deps);

  const observer = deps.createMutationObserver((records) => {
    // A removed block takes its hits with it: its parent, the record's target, is rescanned.
    for (const record of records) if (!deps.isOwnNode(record.target)) dirty.add(record.target);
    schedule();
  });
  const shadowRoots = trackShadowRoots({ observe: (root) => observer.observe(root, OBSERVE) });
  const scanAll = (roots: Node[]) => scanWithShadowRoots({ roots, deps, signal, onShadowRoot: shadowRoots.add });

  function schedule() {
    if (timerPending || exclusive.busy || dirty.size === 0) return;
    timerPending = true;
    const wait = Math.max(debounceMs, notBefore - deps.scanDeps.now());
    deps.setTimer(() => {
      timerPending = false;
      void burst();
    }, wait);
  }

  async function burst() {
    if (signal.aborted) return;
    await exclusive.run(async () => {
      const started = deps.scanDeps.now();
      const roots = topmostBlocks([...dirty].filter((n) => n.isConnected));
      dirty.clear();
      deps.highlighter.clearWithin({ roots });
      await scanAll(roots);
      report();
      notBefore = deps.scanDeps.now() + (deps.scanDeps.now() - started) * backoff;
    });
    schedule();
  }

  return {
    async start() {
      observer.observe(deps.root, OBSERVE);
      await exclusive.run(async () => {
        await scanAll([deps.root]);
        report();
      });
      // What changed during the first scan.
      schedule();
    },
    stop() {
      signal.aborted = true;
      observer.disconnect();
    },
    /** The open shadow roots found so far, still in the page (for hit-testing inside them). */
    shadowRoots: shadowRoots.connected,
    /** Everything again (after settings change what is matched). */
    async rescanAll() {
      await exclusive.run(async () => {
        deps.highlighter.clearWithin({ roots: [deps.root, ...shadowRoots.all()] });
        // Shadow roots are found again through their hosts (listing them here scanned them twice).
        await scanAll([deps.root]);
        report();
      });
      schedule();
    },
  };
}

/**
 * One scan at a time: the first scan, bursts and full rescans must not interleave, or a block
 * scanned by two of them at once gets its hits twice. While one runs, mutations only collect.
 */
function createExclusive() {
  let running: Promise<void> = Promise.resolve();
  const state = {
    busy: false,
    run(work: () => Promise<void>): Promise<void> {
      const run = running.then(async () => {
        state.busy = true;
        try {
          await work();
        } finally {
          state.busy = false;
        }
      });
      running = run.catch(() => {});
      return run;
    },
  };
  return state;
}

/** Tells the page's counts when they changed since they were last told. */
function countsReporter({ highlighter, onCounts }: Pick<PageWatcherDeps, 'highlighter' | 'onCounts'>) {
  let lastReported = '';
  return () => {
    const counts = highlighter.counts();
    const key = [...counts].sort(([a], [b]) => a - b).join(';');
    if (key === lastReported) return;
    lastReported = key;
    onCounts(counts);
  };
}

/** Scans the roots, then the open shadow roots found in them (and in those); ends the highlighter's scan. */
async function scanWithShadowRoots({ roots, deps, signal, onShadowRoot }: {
  roots: Node[];
  deps: Pick<PageWatcherDeps, 'scanDeps' | 'highlighter'>;
  signal: { aborted: boolean };
  onShadowRoot: (root: ShadowRoot) => void;
}) {
  const queue = [...roots];
  while (queue.length > 0 && !signal.aborted) {
    const batch = queue.splice(0);
    await scan({
      roots: batch,
      deps: deps.scanDeps,
      signal,
      onRun: (run) => deps.highlighter.addRun(run),
      onShadowRoot: (root) => {
        onShadowRoot(root);
        queue.push(root);
      },
    });
  }
  deps.highlighter.endScan();
}

/** The blocks holding the changed nodes, without any that another one contains. */
function topmostBlocks(nodes: Node[]): Node[] {
  const blocks = new Set<Node>();
  for (const node of nodes) {
    // Inside a shadow root the root itself is the outermost thing to rescan.
    const block = blockOf(node) ?? node.getRootNode();
    const inShadow = node.getRootNode() !== block.getRootNode();
    blocks.add(inShadow ? node.getRootNode() : block);
  }
  return [...blocks].filter((block) => {
    for (let p = block.parentNode; p; p = p.parentNode) if (blocks.has(p)) return false;
    return true;
  });
}
