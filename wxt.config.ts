import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { glossaryPlugin } from './scripts/glossary/vite-plugin';

// The extension reads nothing from the network and runs no remote code: the only host access it
// asks for is the content script's match pattern, so pages can be read and painted.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  // Firefox gets Manifest V3 too: one manifest shape, and Firefox 140+ has the Highlight API.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the reader's settings (storage.sync). Nothing else: see the README's Permissions.
    // WXT adds `sidePanel` to Chrome's build for entrypoints/sidepanel (side_panel.default_path);
    // Firefox's sidebar_action needs no permission.
    permissions: ['storage'],
    action: { default_title: '__MSG_actionTitle__' },
    // Changeable at chrome://extensions/shortcuts and in Firefox's add-on shortcut settings.
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPreviousTerm__' },
    },
    // The engine, import()ed by the content script only in frames that may hold a term, and the
    // card, import()ed on the first hover (entrypoints/content/parts.ts; README: Permissions).
    // Chrome hands them out under a per-session dynamic id, so a page cannot probe for a fixed
    // URL to learn the extension is installed.
    web_accessible_resources: [
      {
        resources: ['engine.js', 'card.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'huantai-lens@huantai-lens.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT names Firefox's sidebar after sidepanel.html's <title>, which cannot be a __MSG_ key (the
      // page would show it raw); the sidebar menu gets the localised name instead.
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_sidePanelTitle__';
      // The sentinel, in every frame: built as a plain script (entrypoints/sentinel.ts; why in
      // entrypoints/content/sentinel.ts), so listed here rather than by WXT. The highlight styles
      // (public/highlights.css) only style ::highlight() names: they add nothing to a page we leave alone.
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
          js: ['sentinel.js'],
          css: ['highlights.css'],
        },
      ];
    },
  },
  zip: {
    // AMO reviewers rebuild from the sources zip: it needs the code and glossary, not the test pages.
    excludeSources: ['tests/fixtures/**', 'tests/e2e/screenshots/**', 'demo-output/**', 'bench-results/**', '.ci/**'],
  },
  vite: () => ({
    plugins: [preact(), withoutDangerousHtml(), glossaryPlugin({ dataDir: 'data' })],
  }),
});

/**
 * Preact's diff writes `dom.innerHTML = props.dangerouslySetInnerHTML.__html`, the one HTML sink in
 * the bundles (web-ext lint's UNSAFE_VAR_ASSIGNMENT warnings). Our code never passes that prop
 * (ESLint forbids it), so the build replaces the assignment with a throw: should the prop ever
 * arrive, rendering fails loudly instead of parsing markup. If Preact's code changes shape so that
 * an innerHTML assignment is left, the build fails rather than shipping it.
 */
function withoutDangerousHtml(): Plugin {
  const ASSIGNMENT = /[\w$]+\.innerHTML\s*=(?!=)\s*[\w$]+\.__html\b/g;
  return {
    name: 'huantai-lens:preact-without-inner-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/.test(id) || !code.includes('innerHTML')) return null;
      const out = code.replace(ASSIGNMENT, '(()=>{throw new Error("Huantai Lens: dangerouslySetInnerHTML is not supported")})()');
      if (/\.innerHTML\s*=(?!=)/.test(out)) {
        throw new Error(`${id}: an innerHTML assignment this build cannot remove; update withoutDangerousHtml in wxt.config.ts.`);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
