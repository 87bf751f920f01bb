/** The background's answers over the real messaging layer, on WXT's fake browser. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerBackgroundHandlers } from '../../../lib/messaging/background-handlers';
import type { Glossary, GlossaryEntry, TraditionalText } from '../../../lib/glossary/types';
import { sendMessage } from '../../../lib/messaging/protocol';

const entry = (id: string, term: string): GlossaryEntry => ({
  id,
  term,
  aliases: [],
  english: term,
  pinyin: '',
  category: 'ecology',
  scope: 'county',
  scopeNote: `${term} scope`,
  summary: `${term} summary`,
  summaryEn: `${term} summary in English`,
  explanation: '',
  quotes: [term],
  related: [],
  references: [],
  targets: [],
});
const glossary: Glossary = {
  entries: [entry('liang-gao', '两高'), entry('si-jian-si-zeng', '四减四增')],
  targets: [],
  source: { title: 't', publisher: 'p', date: '2022-01-17' },
};

const traditional: Record<string, TraditionalText> = {
  'liang-gao': { term: '兩高', summary: '兩高 summary', explanation: '', scopeNote: '兩高 scope', quote: '兩高', targets: {} },
};

let badges: Array<{ tabId: number; text: string }>;
let opened: string[];
let unregister: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  badges = [];
  opened = [];
  unregister = registerBackgroundHandlers({ glossary, traditional, setBadge: (badge) => badges.push(badge), openExtensionPage: (page) => opened.push(page.path) }).unregister;
});
afterEach(() => unregister());

describe('background', () => {
  it('serves the entries asked for, skipping unknown ids', async () => {
    const entries = await sendMessage('getEntries', { ids: ['si-jian-si-zeng', 'nope', 'liang-gao'] });
    expect(entries.map((e) => e.term)).toEqual(['四减四增', '两高']);
  });

  it('serves the Traditional text asked for, by id, skipping ids without one', async () => {
    const texts = await sendMessage('getTraditionalText', { ids: ['si-jian-si-zeng', 'liang-gao', 'nope'] });
    expect(texts).toEqual({ 'liang-gao': traditional['liang-gao'] });
    await expect(sendMessage('getTraditionalText', { ids: ['<img src=x>'] })).rejects.toThrow(/Rejected "getTraditionalText"/);
  });

  it('rejects a message whose data does not match the protocol', async () => {
    // @ts-expect-error a stale or foreign sender with the wrong shape
    await expect(sendMessage('getEntries', { ids: 'liang-gao' })).rejects.toThrow(/Rejected "getEntries"/);
    // ids must look like glossary ids
    await expect(sendMessage('getEntries', { ids: ['<img src=x>'] })).rejects.toThrow(/Rejected/);
  });

  it('refuses page reports that do not come from a tab', async () => {
    await expect(sendMessage('reportPageTerms', { pageId: 'p1', counts: { 'liang-gao': 2 } })).rejects.toThrow(/from a tab/);
    expect(badges).toEqual([]);
  });
});

describe('opening the glossary page', () => {
  it('opens glossary.html at the entry, and refuses ids the glossary does not have', async () => {
    await sendMessage('openGlossary', { id: 'liang-gao' });
    expect(opened).toEqual(['/glossary.html#liang-gao']);
    await expect(sendMessage('openGlossary', { id: 'no-such-entry' })).rejects.toThrow(/No glossary entry/);
    expect(opened).toHaveLength(1);
  });
});

describe('telling the side panel', () => {
  it('announces nothing for a report it refuses (a real tab\'s report reaching the panel: tests/e2e/sidepanel.test.ts)', async () => {
    unregister();
    const announced: number[] = [];
    unregister = registerBackgroundHandlers({ glossary, traditional, setBadge: () => undefined, openExtensionPage: () => undefined, announceTabTerms: ({ tabId }) => announced.push(tabId) }).unregister;
    await expect(sendMessage('reportPageTerms', { pageId: 'p1', counts: { 'liang-gao': 2 } })).rejects.toThrow(/from a tab/);
    expect(announced).toEqual([]);
  });
});
