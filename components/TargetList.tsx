/** 2022 targets as a list: indicator, then the value large, formatted as the report writes it. */
import type { Target, TraditionalTarget } from '../lib/glossary/types';
import { targetParts, type TargetParts, type TargetValue } from '../lib/glossary/format-target';

/**
 * One formatted target (低于4.5%, 力争10人以上) with its comparator's words in spans of their own,
 * so the stylesheet can make the number the big thing; the text is exactly formatTarget's.
 */
export function TargetText({ target }: { target: TargetValue }) {
  return <Parts parts={targetParts(target)} />;
}

function Parts({ parts: { before, number, after } }: { parts: TargetParts }) {
  return (
    <>
      {before && <span class="cmp">{before}</span>}
      <span class="num">{number}</span>
      {after && <span class="cmp">{after}</span>}
    </>
  );
}

export function TargetList({
  targets,
  traditional,
}: {
  targets: readonly Target[];
  /** The targets' text in Traditional characters, by target id (a card on Traditional text). */
  traditional?: Readonly<Record<string, TraditionalTarget>>;
}) {
  return (
    <ul class="target-list">
      {targets.map((target) => {
        const converted = traditional?.[target.id];
        return (
          // "indicator value" as text (copying it, a screen reader): the layout is the stylesheet's.
          <li key={target.id} class="target" data-target={target.id}>
            <span class="indicator">{converted?.indicator ?? target.indicator}</span>{' '}
            <strong class="value">
              <Parts parts={converted?.parts ?? targetParts(target)} />
            </strong>
          </li>
        );
      })}
    </ul>
  );
}
