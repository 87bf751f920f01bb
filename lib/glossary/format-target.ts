/**
 * A 2022 target as the report says it: 建成高标准农田 8万亩, 城镇登记失业率 低于4.5%, 增长7%左右.
 * The card, the popup (entry view and search results) and the glossary page all format targets
 * here, so a comparator is never shown one way in one place and another way (or not at all) in
 * the next.
 */
import type { Target } from './types';

/** What formatting needs of a target: the rest (indicator, quote…) is the caller's to show. */
export type TargetValue = Pick<Target, 'value' | 'unit' | 'comparator'>;

/**
 * The formatted target in three parts, so a view can mark or enlarge the number alone (the popup's
 * search marks 4.5% inside 低于4.5%) without re-deriving where the comparator's words go.
 */
export interface TargetParts {
  /** Words before the number: 低于, 突破, 力争, 力争突破, 实现 ('' if none). */
  before: string;
  /** The value with its unit: 8万亩, 4.5%, 全覆盖. */
  number: string;
  /** Words after the number: 以上, 左右 ('' if none). */
  after: string;
}

/**
 * Where the words of each comparator go, as the report writes them: 增长6%以上, 7%左右 after the
 * number; 低于4.5%, 突破100家 before it; 力争…10人以上 on both sides.
 */
const PLACEMENT: Record<Target['comparator'], { before: string; after: string }> = {
  '': { before: '', after: '' },
  以上: { before: '', after: '以上' },
  左右: { before: '', after: '左右' },
  低于: { before: '低于', after: '' },
  突破: { before: '突破', after: '' },
  力争: { before: '力争', after: '' },
  力争以上: { before: '力争', after: '以上' },
  力争突破: { before: '力争突破', after: '' },
  实现: { before: '实现', after: '' },
};

/**
 * A value that is itself a verb of completion (全面完成 上级下达的指标) already says the target is
 * reached: 实现 in front of it would read 实现全面完成, which the report never writes.
 */
const SAYS_REACHED = /完成$/;

export function targetParts({ value, unit, comparator }: TargetValue): TargetParts {
  const placement = PLACEMENT[comparator] ?? PLACEMENT[''];
  const before = comparator === '实现' && SAYS_REACHED.test(value) ? '' : placement.before;
  return { before, number: `${value}${unit}`, after: placement.after };
}

/** The target as one string: 低于4.5%, 7%左右, 8万亩, 力争10人以上, 实现全覆盖. */
export function formatTarget(target: TargetValue): string {
  const { before, number, after } = targetParts(target);
  return `${before}${number}${after}`;
}
