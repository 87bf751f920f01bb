/** The citation text readers copy: the term, its summary and where it comes from. */
import type { GlossaryEntry, SourceDocument } from './types';

export function formatCitation({ entry, source }: { entry: GlossaryEntry; source: SourceDocument }): string {
  return `${entry.term}（${entry.english}）：${entry.summary}\n——${source.title}，${source.publisher} ${source.date} 报道`;
}

/** A target as a reader says it: 建成高标准农田 8万亩, 城镇登记失业率 低于4.5%. */
export function formatTargetValue({ value, unit, comparator }: { value: string; unit: string; comparator: string }): string {
  const number = `${value}${unit}`;
  switch (comparator) {
    case '以上':
    case '左右':
    case '力争以上':
      return `${comparator.startsWith('力争') ? '力争' : ''}${number}${comparator.replace('力争', '')}`;
    case '低于':
    case '突破':
    case '力争':
    case '力争突破':
      return `${comparator}${number}`;
    default:
      return number;
  }
}
