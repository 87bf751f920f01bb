/**
 * The exact, prefix and contains tiers: plain string comparison of the query with each entry's
 * precomputed keys (forms, pinyin, initials, English words, targets' numbers, summary).
 */
import { normalizeText, normalizeTerm, type VariantTable } from '../../scan/normalize';
import type { IndexedEntry, Spelling } from './build';
import { englishMap } from './fold';
import { mapRange, unitRanges } from './ranges';
import { scoreOf, type ExactTier, type Offer } from './rank';
import type { Range } from './types';

type Located = { tier: ExactTier; start: number };

/**
 * exact / prefix / contains (only at one of `boundaries`, if given; only ending where `endsAt`
 * allows, if given): where and how.
 */
function locate({
  key,
  query,
  boundaries,
  endsAt,
  allowContains,
}: {
  key: string;
  query: string;
  boundaries?: Set<number>;
  endsAt?: (end: number) => boolean;
  allowContains: boolean;
}): Located | undefined {
  if (key.length < query.length) return undefined;
  const ends = (start: number) => endsAt === undefined || endsAt(start + query.length);
  if (key.startsWith(query) && ends(0)) return { tier: key.length === query.length ? 'exact' : 'prefix', start: 0 };
  if (!allowContains) return undefined;
  let at = key.indexOf(query, 1);
  while (at !== -1) {
    if ((boundaries === undefined || boundaries.has(at)) && ends(at)) return { tier: 'contains', start: at };
    at = key.indexOf(query, at + 1);
  }
  return undefined;
}

export function matchForms({ item, q, rawQ, offer }: { item: IndexedEntry; q: string; rawQ: string; offer: Offer }): void {
  for (const group of item.groups) {
    const found = locate({ key: group.key, query: q, allowContains: true });
    if (found === undefined) continue;
    // Show the spelling the reader typed: 中國膜谷 finds 中国膜谷 and shows the Traditional alias.
    let spelling = group.spellings[0] as Spelling;
    if (group.spellings.length > 1) {
      for (const s of group.spellings) {
        s.rawKey ??= normalizeTerm({ text: s.text });
        if (s.rawKey.startsWith(rawQ, found.start)) {
          spelling = s;
          break;
        }
      }
    }
    const chosen = spelling;
    offer(item, {
      score: scoreOf({ tier: found.tier, field: group.field, coverage: q.length / group.key.length }),
      field: chosen.field,
      tier: found.tier,
      highlight: () => ({ text: chosen.text, ranges: mapRange(chosen.map, found.start, found.start + q.length) }),
    });
  }
}

/**
 * Pinyin, initials and the English name. A query that reads as pinyin matches English words only
 * whole: mo is 膜 being typed, not the start of "Modern" (china still finds China Membrane Valley).
 */
export function matchLatin({ item, latinQ, readsAsPinyin, offer }: { item: IndexedEntry; latinQ: string; readsAsPinyin: boolean; offer: Offer }): void {
  for (const field of ['pinyin', 'initials'] as const) {
    for (const key of item[field]) {
      // Initials only from the start: two letters inside a run of initials are mostly chance.
      const found = locate({ key: key.key, query: latinQ, boundaries: key.boundaries, allowContains: field === 'pinyin' });
      if (found === undefined) continue;
      offer(item, {
        score: scoreOf({ tier: found.tier, field, coverage: latinQ.length / key.key.length }),
        field,
        tier: found.tier,
        highlight: () => ({
          text: item.entry.term,
          ranges: unitRanges({ key, unitChars: item.unitChars, start: found.start, end: found.start + latinQ.length }),
        }),
      });
    }
  }
  const english = item.english;
  const endsAt = readsAsPinyin ? (end: number) => end === english.key.length || english.wordStarts.has(end) : undefined;
  const found = locate({ key: english.key, query: latinQ, boundaries: english.wordStarts, endsAt, allowContains: true });
  if (found !== undefined) {
    offer(item, {
      score: scoreOf({ tier: found.tier, field: 'english', coverage: latinQ.length / english.key.length }),
      field: 'english',
      tier: found.tier,
      highlight: () => ({
        text: item.entry.english,
        ranges: mapRange(englishMap(english, item.entry.english), found.start, found.start + latinQ.length),
      }),
    });
  }
}

export function matchTargets({ item, q, offer }: { item: IndexedEntry; q: string; offer: Offer }): void {
  for (const target of item.targets) {
    for (const { key, end } of target.keys) {
      // Numbers match whole or by their start only: 8万亩 must not find 58万亩.
      const found = locate({ key, query: q, allowContains: false });
      if (found === undefined) continue;
      offer(item, {
        score: scoreOf({ tier: found.tier, field: 'target', coverage: q.length / key.length }),
        field: 'target',
        tier: found.tier,
        highlight: () => {
          if (found.tier === 'exact') return { text: target.text, ranges: [[target.valueStart, end]] };
          // A prefix of the number: mark as much of it as the query covers.
          const valueText = target.text.slice(target.valueStart, end);
          const { map } = normalizeText({ text: valueText });
          const covered = Math.min(q.length, map.length - 1);
          return { text: target.text, ranges: mapRange(map, 0, covered).map(([s, e]): Range => [s + target.valueStart, e + target.valueStart]) };
        },
      });
      break;
    }
  }
}

export function matchSummary({ item, q, variants, offer }: { item: IndexedEntry; q: string; variants: VariantTable; offer: Offer }): void {
  if (item.summary === undefined) {
    const { text, map } = normalizeText({ text: item.entry.summary, variants });
    item.summary = { key: text, map };
  }
  const summary = item.summary;
  const at = summary.key.indexOf(q);
  if (at === -1) return;
  // A phrase of the summary is never as telling as a name, wherever in the summary it sits.
  offer(item, {
    score: scoreOf({ tier: 'contains', field: 'summary', coverage: 0 }),
    field: 'summary',
    tier: 'contains',
    highlight: () => ({ text: item.entry.summary, ranges: mapRange(summary.map, at, at + q.length) }),
  });
}
