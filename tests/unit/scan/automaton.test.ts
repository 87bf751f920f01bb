import { describe, expect, it } from 'vitest';
import {
  buildAutomatonData,
  ENDS_WORD,
  loadAutomaton,
  STARTS_WORD,
  TERMINAL,
  type Automaton,
  type Pattern,
} from '../../../lib/scan/automaton';

const patterns = (...texts: string[]): Pattern[] => texts.map((text, value) => ({ text, value }));

/** The automaton's transition, read the slow and plain way: edges first, then the fail chain. */
function next({ automaton, node, char }: { automaton: Automaton; node: number; char: string }): number {
  const code = char.charCodeAt(0);
  for (let at = node; ; at = automaton.fail[at]!) {
    if (at === 0) return automaton.rootNext[code]!;
    for (let e = automaton.edgeStart[at]!; e < automaton.edgeStart[at + 1]!; e++) if (automaton.edgeChar[e] === code) return e + 1;
  }
}

/** The node reached from the root by reading `text`. */
function walk({ automaton, text }: { automaton: Automaton; text: string }): number {
  let node = 0;
  for (const char of text) node = next({ automaton, node, char });
  return node;
}

describe('buildAutomatonData', () => {
  it('numbers nodes breadth first, children by char, and ships only what cannot be derived', () => {
    const data = buildAutomatonData({ patterns: patterns('ab', 'b', 'ba'), contextWords: [] });
    // 0 root; 1 a, 2 b (root's children by char); 3 ab; 4 ba.
    expect(data).toEqual({
      children: [2, 1, 1, 0, 0],
      chars: 'abba',
      fail: [0, 0, 0, 2, 1],
      terminals: [2, 1, STARTS_WORD | ENDS_WORD | TERMINAL, 3, 0, STARTS_WORD | ENDS_WORD | TERMINAL, 4, 2, STARTS_WORD | ENDS_WORD | TERMINAL],
      contextWords: [],
    });
  });

  it('flags only ASCII word edges, keeps the first value of duplicates and skips empty patterns', () => {
    const data = buildAutomatonData({ patterns: patterns('', '5+n', '两个100%', '两高', '两高'), contextWords: [] });
    const automaton = loadAutomaton({ data });
    expect(automaton.size).toBe(3);
    const flagsOf = (text: string) => automaton.flags[walk({ automaton, text })];
    expect(flagsOf('5+n')).toBe(TERMINAL | STARTS_WORD | ENDS_WORD);
    expect(flagsOf('两个100%')).toBe(TERMINAL);
    expect(automaton.value[walk({ automaton, text: '两高' })]).toBe(3);
  });

  it('gives a context word its node, shared with a pattern that is the same word', () => {
    const data = buildAutomatonData({ patterns: patterns('项目', '两高'), contextWords: ['法院', '项目'] });
    const automaton = loadAutomaton({ data });
    expect(automaton.contextWord[walk({ automaton, text: '法院' })]).toBe(1);
    const shared = walk({ automaton, text: '项目' });
    expect(automaton.contextWord[shared]).toBe(2);
    expect(automaton.flags[shared]).toBe(TERMINAL);
    expect(automaton.size).toBe(2);
  });

  it('refuses a pattern too long to find its start again', () => {
    expect(() => buildAutomatonData({ patterns: patterns('的'.repeat(256)), contextWords: [] })).toThrow(/longer than 255/);
    expect(() => buildAutomatonData({ patterns: patterns('的'.repeat(255)), contextWords: [] })).not.toThrow();
  });

  it('builds the same data from the same input, and nothing JSON would change', () => {
    const input = { patterns: patterns('中国膜谷', '膜谷', 'gdp', '𠀀谷'), contextWords: ['法院'] };
    const data = buildAutomatonData(input);
    expect(buildAutomatonData(input)).toEqual(data);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('loadAutomaton', () => {
  const data = buildAutomatonData({ patterns: patterns('中国膜谷', '国膜', '膜谷', '谷', 'ab'), contextWords: ['膜', '国膜谷'] });
  const automaton = loadAutomaton({ data });

  it('rebuilds the root table, edges and depths', () => {
    expect(automaton.rootNext['中'.charCodeAt(0)]).toBe(walk({ automaton, text: '中' }));
    expect(automaton.rootNext['x'.charCodeAt(0)]).toBe(0);
    expect(automaton.depth[walk({ automaton, text: '中国膜谷' })]).toBe(4);
    expect(automaton.depth[walk({ automaton, text: 'a' })]).toBe(1);
    expect(automaton.edgeStart[automaton.depth.length]).toBe(automaton.depth.length - 1);
  });

  it('follows fail links to the longest suffix in the trie', () => {
    // 中国膜 falls back to 国膜, then reading 谷 leads to 膜谷's node through the fail chain.
    const node = walk({ automaton, text: '中国膜x' });
    expect(node).toBe(0);
    expect(walk({ automaton, text: '中国膜谷谷' })).toBe(walk({ automaton, text: '谷' }));
    expect(automaton.fail[walk({ automaton, text: '中国膜' })]).toBe(walk({ automaton, text: '国膜' }));
  });

  it('shortcuts each node to the nearest terminal and context word on its fail chain', () => {
    const node = walk({ automaton, text: '中国膜谷' });
    // 中国膜谷 is terminal itself; its dict is the next terminal down the chain: 膜谷 (国膜谷 is not a pattern).
    expect(automaton.dict[node]).toBe(walk({ automaton, text: '膜谷' }));
    expect(automaton.dict[walk({ automaton, text: '膜谷' })]).toBe(walk({ automaton, text: '谷' }));
    // 中国膜谷 ends no context word, but its suffix 国膜谷 does.
    expect(automaton.contextLink[node]).toBe(walk({ automaton, text: '国膜谷' }));
    expect(automaton.contextLink[walk({ automaton, text: '中国膜' })]).toBe(walk({ automaton, text: '膜' }));
    expect(automaton.contextLink[walk({ automaton, text: 'ab' })]).toBe(0);
  });

  it('loads an automaton with no patterns', () => {
    const empty = loadAutomaton({ data: buildAutomatonData({ patterns: [], contextWords: [] }) });
    expect(empty.size).toBe(0);
    expect(empty.depth).toHaveLength(1);
    expect(empty.rootNext.every((node) => node === 0)).toBe(true);
  });
});
