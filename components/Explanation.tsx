/**
 * The explanation, cut to a few lines with a "more" toggle: the card leads with the summary and the
 * targets, and a long explanation would push them, the quote and the sources out of sight. The
 * full text stays in the DOM (clamped by CSS), so it is searchable, copyable and read in full by a
 * screen reader.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n';

export interface ExplanationProps {
  text: string;
  id: string;
  /** Called just before it expands: the tooltip keeps its height then, so it never grows over its term. */
  onExpand?: () => void;
}

export function Explanation({ text, id, onExpand }: ExplanationProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  // Whether the clamp hides anything: a short explanation gets no toggle. Measured, because how
  // many lines a text takes depends on the width it is given (card, popup, page, zoom).
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => {
    const paragraph = ref.current;
    if (!paragraph || expanded) return;
    const measure = () => setClipped(paragraph.scrollHeight - paragraph.clientHeight > 1);
    measure();
    // The script's own ResizeObserver: in a Firefox content script the page's (through its window) is an Xray.
    const Observer = globalThis.ResizeObserver as typeof ResizeObserver | undefined;
    if (!Observer) return;
    const observer = new Observer(measure);
    observer.observe(paragraph);
    return () => observer.disconnect();
  }, [text, expanded]);

  return (
    <>
      <p class={expanded ? 'explanation' : 'explanation clamped'} id={id} ref={ref}>
        {text}
      </p>
      {(clipped || expanded) && (
        <button
          type="button"
          class="more"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => {
            if (!expanded) onExpand?.();
            setExpanded(!expanded);
          }}
        >
          {expanded ? t('showLess') : t('showMore')}
        </button>
      )}
    </>
  );
}
