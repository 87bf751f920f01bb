import { describe, it, expect } from 'vitest';
import { buildMatcher, toMatches, type Match, type SenseRules } from '../../../lib/scan/matcher';
import { DROP, foldTableFor, normalizeTerm, normalizeText, SEPARATOR, UNCHANGED } from '../../../lib/scan/normalize';
import { buildVariantTable } from '../../../scripts/glossary/variants';

function matcherFor({ terms, senseRules, senseWindow }: { terms: readonly string[]; senseRules?: SenseRules; senseWindow?: number }) {
  return buildMatcher({ patterns: terms.map((text, value) => ({ text: normalizeTerm({ text }), value })), senseRules, senseWindow });
}

function found({ terms, text }: { terms: readonly string[]; text: string }): string[] {
  return matcherFor({ terms })
    .findAll({ text })
    .map(({ start, end }) => text.slice(start, end));
}

describe('buildMatcher / findAll', () => {
  it('finds every occurrence with offsets and values', () => {
    const matcher = matcherFor({ terms: ['中国膜谷', '两高'] });
    expect(matcher.findAll({ text: '两高项目与中国膜谷，两高' })).toEqual([
      { start: 0, end: 2, value: 1 },
      { start: 5, end: 9, value: 0 },
      { start: 10, end: 12, value: 1 },
    ]);
  });

  it('prefers the longest match at the same start', () => {
    expect(found({ terms: ['马踏湖', '膜产业马踏湖高峰论坛'], text: '第五届膜产业马踏湖高峰论坛等' })).toEqual(['膜产业马踏湖高峰论坛']);
    expect(found({ terms: ['四减四增', '新一轮四减四增'], text: '实施新一轮四减四增行动' })).toEqual(['新一轮四减四增']);
    expect(found({ terms: ['四减四增', '新一轮四减四增'], text: '推进四减四增' })).toEqual(['四减四增']);
  });

  it('prefers the leftmost match over a longer later one', () => {
    expect(found({ terms: ['两高', '高标准'], text: '两高标准' })).toEqual(['两高']);
    expect(found({ terms: ['甲乙', '乙丙', '丙丁'], text: '甲乙丙丁' })).toEqual(['甲乙', '丙丁']);
  });

  it('lets an earlier-starting match found later replace a pending one', () => {
    // 产业马 ends first, but 膜产业马踏湖 starts earlier; if the long one never completes, the short one stands.
    expect(found({ terms: ['产业马', '膜产业马踏湖'], text: '膜产业马踏湖' })).toEqual(['膜产业马踏湖']);
    expect(found({ terms: ['产业马', '膜产业马踏湖'], text: '膜产业马踏青' })).toEqual(['产业马']);
    expect(found({ terms: ['业马踏', '膜产业马踏湖', '马踏'], text: '膜产业马踏x' })).toEqual(['业马踏']);
  });

  it('finds adjacent and repeated matches', () => {
    expect(found({ terms: ['两高'], text: '两高两高两两高' })).toEqual(['两高', '两高', '两高']);
  });

  it('ignores empty patterns and keeps the first value of duplicates', () => {
    const matcher = buildMatcher({
      patterns: [
        { text: '', value: 7 },
        { text: '两高', value: 3 },
        { text: '两高', value: 4 },
      ],
    });
    expect(matcher.size).toBe(1);
    expect(matcher.findAll({ text: '两高' })).toEqual([{ start: 0, end: 2, value: 3 }]);
  });

  it('returns nothing for empty text or no patterns', () => {
    expect(matcherFor({ terms: ['两高'] }).findAll({ text: '' })).toEqual([]);
    expect(buildMatcher({ patterns: [] }).findAll({ text: '两高' })).toEqual([]);
  });

  it('keeps ASCII-edged patterns to whole words', () => {
    expect(found({ terms: ['gdp'], text: 'gdpr与gdp增长' })).toEqual(['gdp']);
    expect(found({ terms: ['gdp'], text: 'xgdp' })).toEqual([]);
    expect(found({ terms: ['5+n'], text: '15+n' })).toEqual([]);
    expect(found({ terms: ['5+n'], text: '5+n1' })).toEqual([]);
    expect(found({ terms: ['5+n'], text: '推进5+n建设' })).toEqual(['5+n']);
    expect(found({ terms: ['两个100%'], text: '确保实现两个100%。' })).toEqual(['两个100%']);
    // Non-alphanumeric edges have no rule: % is followed by a digit here and still matches.
    expect(found({ terms: ['两个100%'], text: '两个100%5' })).toEqual(['两个100%']);
    expect(found({ terms: ['100%'], text: '1100%' })).toEqual([]);
  });

  it('falls back to a shorter match when the boundary rules out the longer one', () => {
    expect(found({ terms: ['中心', '中心5'], text: '中心50' })).toEqual(['中心']);
    expect(found({ terms: ['中心', '中心5'], text: '中心5号' })).toEqual(['中心5']);
  });

  it('treats chars the page separated with dropped whitespace as separate words', () => {
    const matcher = matcherFor({ terms: ['gdp'] });
    // Folded, "the gdp grew" is "thegdpgrew": the raw neighbours are spaces, so gdp stands alone.
    expect(matcher.findAll({ text: 'thegdpgrew' })).toEqual([]);
    expect(matcher.findAll({ text: 'the gdp grew' })).toEqual([{ start: 4, end: 7, value: 0 }]);
    expect(matcher.findAll({ text: 'the “gdp”grew' })).toEqual([{ start: 5, end: 8, value: 0 }]);
  });

  it('matches patterns holding surrogate pairs and keeps offsets after emoji', () => {
    expect(found({ terms: ['𠀀谷'], text: '😀𠀀谷' })).toEqual(['𠀀谷']);
    expect(matcherFor({ terms: ['中国膜谷'] }).findAll({ text: '😀😀中国膜谷' })).toEqual([{ start: 4, end: 8, value: 0 }]);
  });

  it('finds every planted term in 1 MB of mixed text', () => {
    const terms = ['中国膜谷', '两高', '四减四增', '两个100%', '5+n', '膜产业马踏湖高峰论坛', '马踏湖', 'gdp'];
    const matcher = matcherFor({ terms });
    const filler = ['桓台县政府工作报告指出，', 'the gdpr rules 15+n, ', '马踏', '两岸', '高标准农田😀', '中国膜', '四减'];
    const parts: string[] = [];
    const planted: number[] = [];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const piece = filler[i % filler.length] as string;
      parts.push(piece);
      length += piece.length;
      if (i % 3 === 0) {
        const value = (i * 7) % terms.length;
        const term = terms[value] as string;
        // ASCII terms need a non-word neighbour; Chinese filler provides it.
        parts.push(term, '。');
        length += term.length + 1;
        planted.push(value);
      }
    }
    const text = parts.join('');
    const matches = matcher.findAll({ text });
    expect(matches.map((m) => m.value)).toEqual(planted);
  });
});

describe('sense rules', () => {
  const rules: SenseRules = new Map([
    [0, { skipWhenNear: ['最高人民法院', '最高人民检察院', '司法解释'], keepWhenNear: ['项目', '高耗能', '高排放'] }],
  ]);
  const matcher = matcherFor({ terms: ['两高', '中国膜谷'], senseRules: rules });
  const narrow = matcherFor({ terms: ['两高', '中国膜谷'], senseRules: rules, senseWindow: 10 });
  const run = ({ text, window }: { text: string; window?: 10 }): Match[] => (window ? narrow : matcher).findAll({ text });

  it('skips the courts sense', () => {
    expect(run({ text: '最高人民法院、最高人民检察院（“两高”）联合发布司法解释' })).toEqual([]);
  });

  it('keeps the energy sense', () => {
    expect(run({ text: '坚决遏制“两高”项目盲目发展' })).toHaveLength(1);
  });

  it('lets a keep word win over a skip word', () => {
    expect(run({ text: '据最高人民法院通报，两高项目属高耗能行业' })).toHaveLength(1);
  });

  it('looks only within the window (in folded chars) and outside the match', () => {
    // The whole word must lie inside the window: 35 chars between leave only 高人民法院 of it inside 40.
    const far = '最高人民法院' + '的'.repeat(35) + '两高';
    expect(run({ text: far })).toHaveLength(1);
    const near = '最高人民法院' + '的'.repeat(34) + '两高';
    expect(run({ text: near })).toEqual([]);
    expect(run({ text: near, window: 10 })).toHaveLength(1);
    // Dropped chars (spaces, quotes) do not count against the window.
    expect(run({ text: '最高人民法院' + ' 的'.repeat(34) + '两高' })).toEqual([]);
    // The skip word after the match counts too.
    expect(run({ text: '两高发布司法解释' })).toEqual([]);
  });

  it('does not look past the end of the run', () => {
    expect(run({ text: `最高人民法院${SEPARATOR}两高项目之外${SEPARATOR}两高` })).toHaveLength(2);
    expect(run({ text: `两高${SEPARATOR}司法解释` })).toHaveLength(1);
  });

  it('leaves matches without rules alone', () => {
    expect(run({ text: '最高人民法院在中国膜谷' })).toEqual([{ start: 7, end: 11, value: 1 }]);
  });

  it('judges the same whether matches are dense in the text or a few in a long one', () => {
    // Context words are found in the same pass as the terms, wherever they are: a match is weighed
    // only against those in its own neighbourhood, however many matches the text holds.
    const courts = '最高人民法院、最高人民检察院（“两高”）联合发布';
    const energy = '坚决遏制“两高”项目盲目发展';
    const filler = '的'.repeat(5_000);
    const values = (text: string) => run({ text }).map((match) => text.slice(match.start, match.end));
    expect(values(courts + '的'.repeat(60) + energy)).toEqual(['两高']);
    expect(values(courts + filler + energy + filler + '中国膜谷')).toEqual(['两高', '中国膜谷']);
    expect(values(energy + filler + courts)).toEqual(['两高']);
  });
});

describe('sense rules against a reference', () => {
  it('agrees on 3,000 random texts with the plain reading: folded neighbourhoods of the run, searched with includes()', () => {
    const terms = ['两高', '高标准', '中国膜谷'];
    const rules: SenseRules = new Map([
      [0, { skipWhenNear: ['法院', '检察', '高人'], keepWhenNear: ['项目', '高耗'] }],
      [1, { skipWhenNear: ['项目'], keepWhenNear: [] }],
    ]);
    const window = 6;
    const ruled = matcherFor({ terms, senseRules: rules, senseWindow: window });
    const plain = matcherFor({ terms });
    const reference = (text: string): Match[] =>
      plain.findAll({ text }).filter(({ start, end, value }) => {
        const rule = rules.get(value);
        if (!rule) return true;
        const runStart = text.lastIndexOf(SEPARATOR, start - 1) + 1;
        const runEnd = text.indexOf(SEPARATOR, end) < 0 ? text.length : text.indexOf(SEPARATOR, end);
        const before = normalizeTerm({ text: text.slice(runStart, start) }).slice(-window);
        const after = normalizeTerm({ text: text.slice(end, runEnd) }).slice(0, window);
        const near = (word: string) => before.includes(word) || after.includes(word);
        return !(rule.skipWhenNear.some(near) && !rule.keepWhenNear.some(near));
      });
    // Words and their pieces, so terms and context words meet often, overlap and straddle separators.
    const alphabet = ['两高', '高标准', '法院', '检察', '高人', '项目', '高耗', '中国膜谷', '两', '高', '法', '目', '的', '的的的', ' ', '“', SEPARATOR];
    let seed = 777;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let dropped = 0;
    for (let t = 0; t < 3000; t++) {
      const text = Array.from({ length: 3 + random(16) }, () => alphabet[random(alphabet.length)]).join('');
      const expected = reference(text);
      dropped += plain.findAll({ text }).length - expected.length;
      expect(ruled.findAll({ text }), JSON.stringify(text)).toEqual(expected);
    }
    // The texts must exercise the rules, not only pass them by.
    expect(dropped).toBeGreaterThan(100);
  });
});

describe('feeding a text in windows', () => {
  const matcher = matcherFor({ terms: ['中国膜谷', '膜产业马踏湖高峰论坛', '马踏湖', 'gdp'] });
  const text = '建设中国膜谷，举办膜产业马踏湖高峰论坛，the gdp；马踏湖。'.repeat(20);

  it('finds the same matches whatever the window size', () => {
    const whole = matcher.findAll({ text });
    expect(whole).toHaveLength(80);
    for (const size of [1, 2, 3, 7, 64]) {
      matcher.begin();
      for (let from = 0; from < text.length; from += size) matcher.feed({ text, from, to: Math.min(text.length, from + size) });
      expect(toMatches(matcher.end())).toEqual(whole);
    }
  });

  it('matches nothing across a separator, and forgets the last text on begin()', () => {
    expect(matcher.findAll({ text: `中国${SEPARATOR}膜谷，中国膜${SEPARATOR}谷` })).toEqual([]);
    expect(matcher.findAll({ text: `gdp${SEPARATOR}gdp` })).toHaveLength(2);
    matcher.begin();
    matcher.feed({ text: '中国膜谷', from: 0, to: 4 });
    matcher.begin();
    expect(matcher.end().count).toBe(0);
  });
});

describe('findAll on page text', () => {
  const glossary = ['中国膜谷', '两高', '四减四增', '两个100%', '膜产业马踏湖高峰论坛', '5+N', 'GDP'];
  const variants = buildVariantTable({ simplifiedTexts: glossary });
  const matcher = buildMatcher({
    patterns: glossary.map((text, value) => ({ text: normalizeTerm({ text, variants }), value })),
    variants,
  });
  const spans = ({ text }: { text: string }): string[] =>
    matcher.findAll({ text }).map(({ start, end }) => text.slice(start, end));

  it('maps matches back to the original text, inner dropped chars included', () => {
    expect(spans({ text: '位于“中国\n膜谷”的企业' })).toEqual(['中国\n膜谷']);
    expect(spans({ text: '中\u00a0国 膜\u00a0谷' })).toEqual(['中\u00a0国 膜\u00a0谷']);
    expect(spans({ text: '举办膜产业「马踏湖」高峰论坛。' })).toEqual(['膜产业「马踏湖」高峰论坛']);
    expect(spans({ text: '确保「两个１００％」' })).toEqual(['两个１００％']);
  });

  it('matches Traditional and full-width spellings', () => {
    expect(spans({ text: '遏制兩高，推進四減四增，建設中國膜谷' })).toEqual(['兩高', '四減四增', '中國膜谷']);
    expect(spans({ text: '构建５＋Ｎ体系' })).toEqual(['５＋Ｎ']);
  });

  it('keeps offsets right after emoji', () => {
    const text = '😀😀 中国膜谷 😀两高';
    expect(matcher.findAll({ text })).toEqual([
      { start: 5, end: 9, value: 0 },
      { start: 12, end: 14, value: 1 },
    ]);
  });

  it('sees words separated by spaces on the page as separate', () => {
    expect(spans({ text: 'the GDP grew; GDPR did not' })).toEqual(['GDP']);
  });

  it('applies sense rules, context words in any shape', () => {
    const senseRules: SenseRules = new Map([[1, { skipWhenNear: ['最高人民法院'], keepWhenNear: ['项目'] }]]);
    const ruled = buildMatcher({ patterns: glossary.map((text, value) => ({ text: normalizeTerm({ text, variants }), value })), variants, senseRules });
    expect(ruled.findAll({ text: '最高人民法院 “两高”' })).toEqual([]);
    expect(ruled.findAll({ text: '最高人民法院 “兩高”' })).toEqual([]);
    expect(ruled.findAll({ text: '“两高”项目' })).toEqual([{ start: 1, end: 3, value: 1 }]);
  });

  it('returns nothing for empty text', () => {
    expect(matcher.findAll({ text: '' })).toEqual([]);
  });
  it('reads every page char in whatever shape the fold gives it, not only the shapes it knows of', () => {
    // The skip at the root reads raw chars through tables built from the patterns' own chars (which
    // shapes can start a pattern, which can follow its first char); the fold table is the
    // reference: a pattern's second char, replaced by every char that folds to it, or with any
    // dropped char put before it, must still match.
    const fold = foldTableFor({ variants });
    for (const [value, term] of glossary.entries()) {
      const pattern = normalizeTerm({ text: term, variants });
      for (let code = 0; code < 0x10000; code++) {
        const dropped = fold[code] === DROP;
        if (!dropped && (fold[code] === UNCHANGED ? code : fold[code]) !== pattern.charCodeAt(1)) continue;
        const text = `${pattern.charAt(0)}${String.fromCharCode(code)}${pattern.slice(dropped ? 1 : 2)}`;
        expect(matcher.findAll({ text }), `U+${code.toString(16)} in ${term}`).toEqual([{ start: 0, end: text.length, value }]);
      }
    }
  });
});

describe('against a brute-force reference', () => {
  /** Leftmost-longest by trying every pattern at every folded position of each run: slow and obviously right. */
  function reference({ text, patterns, variants }: { text: string; patterns: string[]; variants: Record<string, string> }): Match[] {
    const folded = patterns.map((p) => normalizeTerm({ text: p, variants }));
    const byLength = folded.map((p, value) => ({ p, value })).filter(({ p }) => p.length > 0).sort((a, b) => b.p.length - a.p.length);
    const isWord = (c: string | undefined) => c !== undefined && /^[0-9a-z]$/.test(normalizeTerm({ text: c, variants }));
    const out: Match[] = [];
    let offset = 0;
    for (const piece of text.split(SEPARATOR)) {
      const { text: f, map } = normalizeText({ text: piece, variants });
      for (let i = 0; i < f.length; ) {
        const hit = byLength.find(({ p }) => {
          if (!f.startsWith(p, i)) return false;
          const start = map[i]!;
          const end = map[i + p.length - 1]! + 1;
          if (/^[0-9a-z]/.test(p) && isWord(piece[start - 1])) return false;
          if (/[0-9a-z]$/.test(p) && isWord(piece[end])) return false;
          return true;
        });
        if (!hit) {
          i++;
          continue;
        }
        out.push({ start: offset + map[i]!, end: offset + map[i + hit.p.length - 1]! + 1, value: hit.value });
        i += hit.p.length;
      }
      offset += piece.length + 1;
    }
    return out;
  }

  it('agrees on 3,000 random texts of terms, their parts, variants, spaces, quotes and separators', () => {
    const variants = { 國: '国', 兩: '两' };
    const patterns = ['中国膜谷', '中国', '国膜', '膜谷', '两高', '高', 'gdp', 'dp', '5+n', '两高项目'];
    const matcher = buildMatcher({ patterns: patterns.map((text, value) => ({ text: normalizeTerm({ text, variants }), value })), variants });
    const alphabet = ['中', '国', '國', '膜', '谷', '两', '兩', '高', '项', '目', 'G', 'g', 'D', 'd', 'P', 'p', '５', '5', '+', 'N', 'ｎ', 'x', ' ', '“', '”', '\n', SEPARATOR];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = random(30);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      const expected = reference({ text, patterns, variants });
      expect(matcher.findAll({ text }), JSON.stringify(text)).toEqual(expected);
      // And fed in random windows.
      matcher.begin();
      for (let from = 0; from < text.length; ) {
        const to = Math.min(text.length, from + 1 + random(6));
        matcher.feed({ text, from, to });
        from = to;
      }
      expect(toMatches(matcher.end()), JSON.stringify(text)).toEqual(expected);
    }
  });
});
