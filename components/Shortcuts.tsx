/**
 * The keyboard shortcuts, as the browser has them assigned (the reader may have changed or
 * cleared them), for the popup's footer and any other view that lists them.
 */
import type { MessageKey } from '../lib/i18n';
import { useI18n } from './i18n';

/** The manifest's commands (wxt.config.ts). */
export const COMMANDS = ['next-term', 'previous-term'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface Shortcut {
  command: CommandName;
  /** As the browser reports it (Alt+Shift+N, ⌥⇧N); '' when none is assigned. */
  keys: string;
}

/** The shortcuts of our commands from what `commands.getAll()` answers, in the manifest's order. */
export function shortcutsOf({ commands }: { commands: ReadonlyArray<{ name?: string; shortcut?: string }> }): Shortcut[] {
  return COMMANDS.map((command) => ({ command, keys: commands.find((c) => c.name === command)?.shortcut ?? '' }));
}

const LABEL: Record<CommandName, MessageKey> = { 'next-term': 'shortcutNext', 'previous-term': 'shortcutPrevious' };

export function Shortcuts({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  const { t } = useI18n();
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h3 id="shortcuts-title">{t('shortcutsTitle')}</h3>
      <ul class="shortcut-list">
        {shortcuts.map(({ command, keys }) => (
          <li key={command} data-command={command}>
            {keys ? <kbd>{keys}</kbd> : <span class="muted">{t('shortcutUnset')}</span>} {t(LABEL[command])}
          </li>
        ))}
        {/* Not a command: the card's own key, which cannot be reassigned. */}
        <li data-command="close">
          <kbd>Esc</kbd> {t('shortcutClose')}
        </li>
      </ul>
      <p class="muted shortcut-hint">{t('shortcutsHint')}</p>
    </section>
  );
}
