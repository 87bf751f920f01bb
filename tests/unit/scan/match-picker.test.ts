import { describe, expect, it } from 'vitest';
import { buildAutomatonData, ENDS_WORD, loadAutomaton, RING, STARTS_WORD, TERMINAL, type Automaton } from '../../../lib/scan/automaton';
import { isWholeWord, isWordCharAt, MatchPicker } from '../../../lib/scan/match-picker';
import { foldTableFor } from '../../../lib/scan/normalize';
import { buildSenseData, SenseTracker } from '../../../lib/scan/senses';

const fold = foldTableFor({ variants: undefined });

/** The automaton's transition, the plain way (the matcher inlines it). */
function next({ automaton, node, code }: { automaton: Automaton; node: number; code: number }): number {
  for (let at = node; ; at = automaton.fail[at]!) {
    if (at === 0) return automaton.rootNext[code]!;
    for (let e = automaton.edgeStart[at]!; e < automaton.edgeStart[at + 1]!; e++) if (automaton.edgeChar[e] === code) return e + 1;
  }
}

/**
 * A picker driven as the matching loop drives it, over text with nothing to fold; `|` is a run
 * separator. Returns the picker, to look at before and after finish().
 */
function drive({ terms, text }: { terms: string[]; text: string }) {
  const automaton = loadAutomaton({ data: buildAutomatonData({ patterns: terms.map((t, value) => ({ text: t, value })), contextWords: [] }) });
  const senses = new SenseTracker({ data: buildSenseData({ senseRules: undefined, contextWords: new Map() }), automaton, fold, window: 40 });
  const ring = new Int32Array(RING);
  const picker = new MatchPicker({ automaton, fold, ring, senses });
  let node = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '|') {
      picker.endRun(n);
      node = 0;
      continue;
    }
    ring[n & (RING - 1)] = i;
    n++;
    node = next({ automaton, node, code: text.charCodeAt(i) });
    picker.step(text, node, n, i + 1);
  }
  return picker;
}

function picked({ terms, text }: { terms: string[]; text: string }): string[] {
  const picker = drive({ terms, text });
  picker.finish();
  return Array.from({ length: picker.count }, (_, k) => text.slice(picker.data[3 * k], picker.data[3 * k + 1]));
}

describe('MatchPicker: leftmost-longest', () => {
  it('keeps the longest match at a start, and the leftmost over a longer later one', () => {
    expect(picked({ terms: ['马踏湖', '膜产业马踏湖高峰论坛'], text: '第五届膜产业马踏湖高峰论坛' })).toEqual(['膜产业马踏湖高峰论坛']);
    expect(picked({ terms: ['两高', '高标准'], text: '两高标准' })).toEqual(['两高']);
    expect(picked({ terms: ['甲乙', '乙丙', '丙丁'], text: '甲乙丙丁' })).toEqual(['甲乙', '丙丁']);
  });

  it('lets an earlier-starting match found later replace the pending one, and keeps the pending one if it never completes', () => {
    expect(picked({ terms: ['产业马', '膜产业马踏湖'], text: '膜产业马踏湖' })).toEqual(['膜产业马踏湖']);
    expect(picked({ terms: ['产业马', '膜产业马踏湖'], text: '膜产业马踏青' })).toEqual(['产业马']);
  });

  it('commits a match as soon as no match can start at or before it', () => {
    const picker = drive({ terms: ['两高', '两高项目'], text: '两高项' });
    // 两高项目 may still complete: 两高 waits.
    expect(picker.count).toBe(0);
    expect(drive({ terms: ['两高', '两高项目'], text: '两高的' }).count).toBe(1);
  });

  it('commits at a run separator and matches nothing across it', () => {
    const picker = drive({ terms: ['两高', '两高项目'], text: '两高|' });
    expect(picker.count).toBe(1);
    expect(picked({ terms: ['两高'], text: '两|高两高' })).toEqual(['两高']);
  });

  it('records each match as raw (start, end, value)', () => {
    const picker = drive({ terms: ['中国膜谷', '两高'], text: '两高与中国膜谷' });
    picker.finish();
    expect([...picker.data.subarray(0, 3 * picker.count)]).toEqual([0, 2, 1, 3, 7, 0]);
    picker.reset();
    expect(picker.count).toBe(0);
  });

  it('falls back to a shorter match when a whole-word check rules out the longer one', () => {
    expect(picked({ terms: ['中心', '中心5'], text: '中心50' })).toEqual(['中心']);
    expect(picked({ terms: ['中心', '中心5'], text: '中心5号' })).toEqual(['中心5']);
    expect(picked({ terms: ['gdp'], text: 'gdpr与gdp' })).toEqual(['gdp']);
  });
});

describe('isWholeWord', () => {
  const both = TERMINAL | STARTS_WORD | ENDS_WORD;
  const check = (text: string, flags: number, start: number, end: number) => isWholeWord(fold, text, flags, start, end);

  it('wants non-word chars (or the text edge) on the ASCII-word edges only', () => {
    expect(check('gdp', both, 0, 3)).toBe(true);
    expect(check('xgdp', both, 1, 4)).toBe(false);
    expect(check('gdpr', both, 0, 3)).toBe(false);
    expect(check('gdpr', TERMINAL | STARTS_WORD, 0, 3)).toBe(true);
    expect(check('15+n', both, 1, 4)).toBe(false);
    expect(check('增长5+n建设', both, 2, 5)).toBe(true);
  });

  it('reads neighbours as the fold sees them: full width is a word char, a dropped space is not', () => {
    expect(check('ｘgdp', both, 1, 4)).toBe(false);
    expect(check('the gdp grew', both, 4, 7)).toBe(true);
    expect(check('“gdp”r', both, 1, 4)).toBe(true);
    expect(isWordCharAt(fold, 'Ｑ', 0)).toBe(true);
    expect(isWordCharAt(fold, '中', 0)).toBe(false);
  });
});
