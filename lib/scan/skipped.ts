/** Elements whose text is not reading text: neither the sentinel nor the scanner reads inside them. */
export const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'KBD', 'SAMP',
  'VAR', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'svg', 'MATH', 'math', 'HEAD', 'TITLE', 'BUTTON',
  // <rt> is ruby annotation (pinyin/kana above the base text), not part of the term.
  'RT', 'RP',
]);
