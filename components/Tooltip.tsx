/** The hover card: everything the glossary knows about one term. Renders glossary text only. */
import type { GlossaryEntry } from '../lib/glossary-types';
import { EntryDetails } from './EntryDetails';

export interface TooltipProps {
  entry: GlossaryEntry | null;
  onCopyCitation: () => void;
  onOpenInGlossary: () => void;
  copied: boolean;
}

export function Tooltip({ entry, onCopyCitation, onOpenInGlossary, copied }: TooltipProps) {
  if (!entry) {
    return (
      <div class="card loading" role="dialog" aria-busy="true" aria-label="桓台政策透镜" tabIndex={-1}>
        …
      </div>
    );
  }
  // A non-modal dialog: it holds buttons and links, which a role=tooltip may not. The heading
  // names it and the summary describes it, so a screen reader announces both when it opens.
  return (
    <div class="card" role="dialog" aria-labelledby="term" aria-describedby="summary" lang="zh-CN" tabIndex={-1}>
      <EntryDetails entry={entry} />
      <footer>
        <button type="button" class="copy" onClick={onCopyCitation}>
          {copied ? '已复制' : '复制引用'}
        </button>
        <button type="button" class="open" onClick={onOpenInGlossary}>
          在词表中打开
        </button>
        <span class="source">桓台县2022年政府工作报告 · 大众日报 2022-01-17</span>
      </footer>
    </div>
  );
}
