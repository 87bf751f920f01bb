/** 2022 targets as a list: indicator, then the value large, formatted as the report writes it. */
import type { Target } from '../lib/glossary/types';
import { targetParts, type TargetValue } from '../lib/glossary/format-target';

/**
 * One formatted target (低于4.5%, 力争10人以上) with its comparator's words in spans of their own,
 * so the stylesheet can make the number the big thing; the text is exactly formatTarget's.
 */
export function TargetText({ target }: { target: TargetValue }) {
  const { before, number, after } = targetParts(target);
  return (
    <>
      {before && <span class="cmp">{before}</span>}
      <span class="num">{number}</span>
      {after && <span class="cmp">{after}</span>}
    </>
  );
}

export function TargetList({ targets }: { targets: readonly Target[] }) {
  return (
    <ul class="target-list">
      {targets.map((target) => (
        // "indicator value" as text (copying it, a screen reader): the layout is the stylesheet's.
        <li key={target.id} class="target" data-target={target.id}>
          <span class="indicator">{target.indicator}</span>{' '}
          <strong class="value">
            <TargetText target={target} />
          </strong>
        </li>
      ))}
    </ul>
  );
}
