import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What lib/ never imports (a later rule for a folder replaces an earlier one, so lib/scan/ repeats these). */
const LIB_IMPORTS = [
  { group: ['preact', 'preact/*'], message: 'lib/ is framework-free: views live in components/.' },
  { group: ['wxt/browser', 'wxt/*'], message: 'Only entrypoints/ use WXT.' },
];

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
    // The house's layers: lib/ is framework-free logic that receives the browser's APIs as parameters, and
    // components/ are views that receive data and callbacks. Only entrypoints/ touch the extension runtime.
    files: ['lib/**', 'components/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Only entrypoints/ call the extension API; pass what is needed in.' },
        { name: 'chrome', message: 'Only entrypoints/ call the extension API; pass what is needed in.' },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['wxt/browser', 'wxt/*'], message: 'Only entrypoints/ use WXT.' }] }],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: LIB_IMPORTS }] },
  },
  {
    // The content script bundles lib/scan/: it must not carry the popup's search (fuse.js and its index).
    files: ['lib/scan/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...LIB_IMPORTS, { group: ['**/glossary/search-index', '**/glossary/search/*', 'fuse.js'], message: 'The content script must not carry search.' }] },
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
