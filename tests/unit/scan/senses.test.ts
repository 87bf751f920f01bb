import { describe, expect, it } from 'vitest';
import { buildAutomatonData, loadAutomaton } from '../../../lib/scan/automaton';
import { foldTableFor, SEPARATOR } from '../../../lib/scan/normalize';
import { buildSenseData, contextWordsOf, SenseTracker, type SenseRules } from '../../../lib/scan/senses';

const rules: SenseRules = new Map([
  [0, { skipWhenNear: ['法院', '检察院', ''], keepWhenNear: ['项目'] }],
  [2, { skipWhenNear: ['项目'], keepWhenNear: [] }],
]);

describe('contextWordsOf / buildSenseData', () => {
  it('indexes every non-empty context word once, in the order the rules give them', () => {
    const words = contextWordsOf({ senseRules: rules });
    expect([...words]).toEqual([
      ['法院', 0],
      ['检察院', 1],
      ['项目', 2],
    ]);
    expect(buildSenseData({ senseRules: rules, contextWords: words })).toEqual({
      words: 3,
      rules: [
        { value: 0, skip: [0, 1], keep: [2] },
        { value: 2, skip: [2], keep: [] },
      ],
    });
  });

  it('has nothing to ship without rules', () => {
    expect(contextWordsOf({ senseRules: undefined }).size).toBe(0);
    expect(buildSenseData({ senseRules: undefined, contextWords: new Map() })).toEqual({ words: 0, rules: [] });
  });
});

describe('SenseTracker', () => {
  const contextWords = contextWordsOf({ senseRules: rules });
  const patterns = ['两高', '两高项目', '高标准', '中国膜谷'].map((text, value) => ({ text, value: value === 1 ? 0 : value }));
  const automaton = loadAutomaton({ data: buildAutomatonData({ patterns, contextWords: [...contextWords.keys()] }) });
  const tracker = new SenseTracker({ data: buildSenseData({ senseRules: rules, contextWords }), automaton, fold: foldTableFor({ variants: undefined }), window: 6 });

  /** Judges matches (start, end, value, rule) against context hits (start, end, word); returns the matches kept. */
  function judge({ text, matches, hits }: { text: string; matches: number[][]; hits: number[][] }): number[][] {
    tracker.reset();
    for (const [start, end, word] of hits) tracker.context(start!, end!, word!);
    const data = new Int32Array(matches.flatMap(([start, end, value]) => [start!, end!, value!]));
    matches.forEach(([, , , rule], index) => rule! >= 0 && tracker.ruled(index, rule!));
    const count = tracker.apply({ text, data, count: matches.length });
    return Array.from({ length: count }, (_, k) => [...data.subarray(3 * k, 3 * k + 3)]);
  }

  it('knows which automaton nodes end a ruled term, aliases included', () => {
    const ruled = [...tracker.ruleOf.entries()].filter(([, rule]) => rule >= 0).map(([, rule]) => rule);
    expect(ruled.sort()).toEqual([0, 0, 1]);
  });

  it('drops a ruled match with a skip word near and no keep word, keeps the rest in order', () => {
    const text = '法院两高，中国膜谷';
    expect(judge({ text, matches: [[2, 4, 0, 0], [5, 9, 3, -1]], hits: [[0, 2, 0]] })).toEqual([[5, 9, 3]]);
  });

  it('lets a keep word win over a skip word', () => {
    const text = '法院两高项目';
    expect(judge({ text, matches: [[2, 4, 0, 0]], hits: [[0, 2, 0], [4, 6, 2]] })).toEqual([[2, 4, 0]]);
  });

  it('looks only within the window, counting folded chars, and not across a run separator', () => {
    expect(judge({ text: '法院的的的的两高', matches: [[6, 8, 0, 0]], hits: [[0, 2, 0]] })).toEqual([]);
    expect(judge({ text: '法院的的的的的两高', matches: [[7, 9, 0, 0]], hits: [[0, 2, 0]] })).toEqual([[7, 9, 0]]);
    expect(judge({ text: '法院 的 的 的 的两高', matches: [[10, 12, 0, 0]], hits: [[0, 2, 0]] })).toEqual([]);
    expect(judge({ text: `法院${SEPARATOR}两高`, matches: [[3, 5, 0, 0]], hits: [[0, 2, 0]] })).toEqual([[3, 5, 0]]);
  });

  it('ignores a context word of another rule', () => {
    // 项目 skips 高标准 (rule 1) but keeps 两高 (rule 0).
    expect(judge({ text: '高标准项目', matches: [[0, 3, 2, 1]], hits: [[3, 5, 2]] })).toEqual([]);
    expect(judge({ text: '两高项目', matches: [[0, 2, 0, 0]], hits: [[2, 4, 2]] })).toEqual([[0, 2, 0]]);
    expect(judge({ text: '两高检察院', matches: [[0, 2, 0, 0], [2, 5, 9, -1]], hits: [[2, 5, 1]] })).toEqual([[2, 5, 9]]);
  });

  it('grows its buffers past their first size', () => {
    const hits = Array.from({ length: 500 }, (_, k) => [4 * k, 4 * k + 2, 0]);
    const matches = Array.from({ length: 500 }, (_, k) => [4 * k + 2, 4 * k + 4, 0, 0]);
    expect(judge({ text: '法院两高'.repeat(500), matches, hits })).toEqual([]);
  });
});
