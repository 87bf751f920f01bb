import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text must never become markup: forbid the sinks that parse HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert text as HTML; use textContent or Preact.' },
        { property: 'outerHTML', message: 'Never insert text as HTML; use textContent or Preact.' },
        { property: 'insertAdjacentHTML', message: 'Never insert text as HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render text as HTML.' },
      ],
    },
  },
  {
    // Tests read serialisations to compare DOMs; they never write them.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // WXT's auto-imported globals.
    files: ['entrypoints/**'],
    languageOptions: { globals: { browser: 'readonly', defineBackground: 'readonly', defineContentScript: 'readonly' } },
  },
);
