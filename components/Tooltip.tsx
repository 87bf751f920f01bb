/** The hover card: everything the glossary knows about one term. Renders glossary text only. */
import { CATEGORIES } from '../lib/glossary-schema';
import type { GlossaryEntry } from '../lib/glossary-types';
import { formatTargetValue } from '../lib/citation';

export interface TooltipProps {
  entry: GlossaryEntry | null;
  /** Shown while the entry is on its way from the background. */
  loading?: boolean;
  onCopyCitation: () => void;
  copied: boolean;
}

export function Tooltip({ entry, loading, onCopyCitation, copied }: TooltipProps) {
  if (!entry) {
    return <div class="card" role="tooltip">{loading ? '…' : '—'}</div>;
  }
  const category = CATEGORIES[entry.category];
  return (
    <div class="card" role="tooltip" aria-live="polite" lang="zh-CN">
      <header>
        <h2 class="term">{entry.term}</h2>
        <span class="pinyin">{entry.pinyin}</span>
        <span class="english" lang="en">{entry.english}</span>
        <span class={`category cat-${entry.category}`}>{category.zh}</span>
      </header>
      <p class="summary">{entry.summary}</p>
      <p class="explanation">{entry.explanation}</p>
      {entry.targets.length > 0 && (
        <section class="targets" aria-label="2022年目标">
          <h3>2022年目标</h3>
          <ul>
            {entry.targets.map((target) => (
              <li key={target.id} class="target">
                <span class="indicator">{target.indicator}</span> <strong class="value">{formatTargetValue(target)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <blockquote class="quote">{entry.quotes[0]}</blockquote>
      {entry.references.length > 0 && (
        <ul class="references" aria-label="参考资料">
          {entry.references.map((ref) => (
            <li key={ref.url}>
              <a href={ref.url} target="_blank" rel="noopener noreferrer">
                {ref.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      <footer>
        <button type="button" class="copy" onClick={onCopyCitation}>
          {copied ? '已复制' : '复制引用'}
        </button>
        <span class="source">桓台县2022年政府工作报告 · 大众日报 2022-01-17</span>
      </footer>
    </div>
  );
}
