/** The side panel's list of the keyboard commands (the manifest's `commands`) with the keys the reader has now. */
import { useI18n } from './i18n';
import type { MessageKey } from '../lib/i18n';

export interface Shortcut {
  /** The command's name in the manifest. */
  name: string;
  /** The keys as the browser reports them; empty when the reader removed them. */
  keys: string;
}

const LABELS: Record<string, MessageKey> = { 'next-term': 'shortcutNext', 'previous-term': 'shortcutPrevious' };

export function PanelShortcuts({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  const { t } = useI18n();
  const known = shortcuts.filter((shortcut) => shortcut.name in LABELS);
  if (known.length === 0) return null;
  return (
    <section class="panel-shortcuts" aria-labelledby="panel-shortcuts-title">
      <h2 id="panel-shortcuts-title">{t('shortcuts')}</h2>
      <dl>
        {known.map(({ name, keys }) => (
          <div key={name} class="shortcut" data-command={name}>
            <dt>{keys ? <kbd>{keys}</kbd> : <span class="muted">{t('shortcutUnset')}</span>}</dt>
            <dd>{t(LABELS[name]!)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('shortcutsHint')}</p>
    </section>
  );
}
