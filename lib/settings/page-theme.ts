/** Applies the theme setting to an extension page: 'system' leaves it to prefers-color-scheme. */
export function applyPageTheme({ root, theme }: { root: HTMLElement; theme: 'system' | 'light' | 'dark' }) {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
