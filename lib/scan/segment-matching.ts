/**
 * Matching: a segment's text is handed to the matcher in windows, with the clock read between
 * them, so that no task of matching runs much past its budget however long the segment.
 */
import type { Chunks } from './chunks';
import type { MatchBatch } from './matcher';
import type { Segment } from './segment';

/** Finds terms in a segment: many runs joined by SEPARATOR, matched window by window. */
export interface SegmentMatcher {
  /** Starts on a segment's text; false when no term can be in it (nothing to feed then). */
  begin(args: { text: string }): boolean;
  /** Matches text[from, to); windows are fed in order. */
  feed(args: { from: number; to: number }): void;
  /** The segment's matches, sense rules applied; raw offsets into its text. */
  end(): MatchBatch;
}

/** ~1 ms of matching on a slow machine: the longest a chunk runs past its budget in here. */
export const WINDOW = 4096;

/** The segment's matches, or null when the matcher says no term can be in it; counts its chars into the chunks. */
export async function matchSegment({ segment, matcher, chunks }: { segment: Segment; matcher: SegmentMatcher; chunks: Chunks }): Promise<MatchBatch | null> {
  const { length, runStarts, runs } = segment;
  // Starting on a segment reads all of it at once (the probe): a few ms on a slow machine, so it
  // starts in a fresh task when this one is half spent.
  if (chunks.spent(0.5)) await chunks.pause();
  if (!matcher.begin({ text: segment.text })) {
    chunks.current.chars += segment.chars;
    return null;
  }
  let separator = 1;
  for (let from = 0; from < length; from += WINDOW) {
    if (chunks.spent()) await chunks.pause();
    const to = Math.min(length, from + WINDOW);
    matcher.feed({ from, to });
    // Chars of page text, not the separators between runs.
    let separators = 0;
    while (separator < runs && (runStarts[separator] as number) - 1 < to) {
      separator++;
      separators++;
    }
    chunks.current.chars += to - from - separators;
  }
  return matcher.end();
}
