/** Which script a card is written in, decided from the matched page text and its language. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cardScriptOf, isTraditionalLang, withTraditional } from '../../../lib/glossary/script';
import { loadGlossary } from '../../../scripts/glossary/load';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary, termList, traditional } = loadGlossary({ dataDir: 'data', root: ROOT });
const { variants } = termList;

describe('isTraditionalLang', () => {
  it('takes zh-TW, zh-HK, zh-MO and zh-Hant in any case and with more subtags', () => {
    for (const lang of ['zh-TW', 'zh-tw', 'zh_TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-hant-tw', 'ZH-HANT-HK', ' zh-Hant ']) expect(isTraditionalLang(lang), lang).toBe(true);
  });

  it('refuses Simplified Chinese, plain zh, other languages and an explicit Simplified script in Hong Kong', () => {
    for (const lang of ['', 'zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-Hans-HK', 'en', 'en-HK', 'ja', 'hant']) expect(isTraditionalLang(lang), lang).toBe(false);
  });
});

describe('cardScriptOf', () => {
  it('is Traditional for a term written in Traditional characters (even one of them), whatever the page’s language', () => {
    for (const matchedText of ['兩高', '中國膜谷', '四減四增', '馬踏湖', '两個100%']) {
      expect(cardScriptOf({ matchedText, lang: 'zh-CN', variants }), matchedText).toBe('traditional');
      expect(cardScriptOf({ matchedText, lang: '', variants }), matchedText).toBe('traditional');
    }
  });

  it('is Traditional for a Simplified term in a Traditional-language part of the page', () => {
    expect(cardScriptOf({ matchedText: '中国膜谷', lang: 'zh-Hant', variants })).toBe('traditional');
    expect(cardScriptOf({ matchedText: '5+N综合文化服务中心', lang: 'zh-HK', variants })).toBe('traditional');
  });

  it('is Simplified for a Simplified term elsewhere, also when the match was folded (line breaks, width, quotes)', () => {
    for (const matchedText of ['两高', '中国\n膜谷', '两个１００％', '“中国膜谷”']) {
      expect(cardScriptOf({ matchedText, lang: '', variants }), matchedText).toBe('simplified');
      expect(cardScriptOf({ matchedText, lang: 'zh-CN', variants }), matchedText).toBe('simplified');
    }
  });

  it('never takes a char of the glossary’s own Simplified text for a Traditional one', () => {
    const simplifiedChars = new Set(glossary.entries.flatMap((e) => [...e.term]));
    for (const char of simplifiedChars) expect(cardScriptOf({ matchedText: char, lang: '', variants }), char).toBe('simplified');
  });
});

describe('withTraditional', () => {
  it('swaps the card’s text fields and keeps everything else', () => {
    const entry = glossary.entries.find((e) => e.localUse && e.quotes.length > 1)!;
    const text = traditional[entry.id]!;
    const shown = withTraditional({ entry, text });
    expect(shown).toEqual({
      ...entry,
      term: text.term,
      summary: text.summary,
      explanation: text.explanation,
      scopeNote: text.scopeNote,
      localUse: text.localUse,
      quotes: [text.quote],
    });
    expect(shown.term).not.toBe(entry.term);
  });
});
