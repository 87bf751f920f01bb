/**
 * The scan's tasks: work is done in chunks that each end after a time budget, yielding to the
 * page in between, and each chunk is recorded (the measure the bench and the tests read).
 */
export interface ChunkMeasure {
  start: number;
  end: number;
  textNodes: number;
  chars: number;
  matches: number;
}

export interface ChunkDeps {
  now: () => number;
  /** Gives the page's own tasks a turn; resolves when the scanner may continue. */
  yieldToPage: () => Promise<void>;
  /** Called once per task of scanning work, after it ends. */
  recordChunk: (measure: ChunkMeasure) => void;
  /** Longest stretch of work between yields. */
  budgetMs: number;
}

/**
 * Reading the clock costs more than most nodes: it is read once per this many units of work
 * (a unit is about a node: a few hundred of them take well under a millisecond, even cold).
 */
const WORK_PER_CLOCK_READ = 256;

/** A class, not closures: its counters are bumped once per text node. */
export class Chunks {
  /** The chunk being worked in: the parts of the scan add what they did to it. */
  current: { start: number; textNodes: number; chars: number; matches: number };
  readonly total = { textNodes: 0, chars: 0, matches: 0 };
  private work = 0;

  constructor(private readonly deps: ChunkDeps) {
    this.current = { start: deps.now(), textNodes: 0, chars: 0, matches: 0 };
  }

  /** Records the chunk (once per task) and adds it to the totals. */
  close(): void {
    const chunk = this.current;
    this.deps.recordChunk({ ...chunk, end: this.deps.now() });
    this.total.textNodes += chunk.textNodes;
    this.total.chars += chunk.chars;
    this.total.matches += chunk.matches;
  }

  /** Ends the chunk, lets the page run, starts the next. */
  async pause(): Promise<void> {
    this.close();
    await this.deps.yieldToPage();
    this.current = { start: this.deps.now(), textNodes: 0, chars: 0, matches: 0 };
  }

  /** Has the chunk used its budget? Counts `amount` units of work and reads the clock only now and then. */
  due(amount: number): boolean {
    this.work += amount;
    if (this.work < WORK_PER_CLOCK_READ) return false;
    this.work = 0;
    return this.spent();
  }

  /** Has the chunk used this share of its budget (reading the clock now)? */
  spent(share = 1): boolean {
    return this.deps.now() - this.current.start >= this.deps.budgetMs * share;
  }
}
