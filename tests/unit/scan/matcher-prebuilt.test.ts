/**
 * The matcher as it ships: its tables built at build time onto the term list, through JSON as the
 * bundle carries them, and loaded on the page. It must find exactly what a matcher built on the
 * spot from the same terms finds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TermList } from '../../../lib/glossary/types';
import { buildMatcher, loadMatcher, toMatches, type Match, type Matcher } from '../../../lib/scan/matcher';
import { buildMatcherData, primingText } from '../../../lib/scan/matcher-data';
import { SEPARATOR } from '../../../lib/scan/normalize';
import { matcherInputOf } from '../../../lib/scan/term-finder';
import { loadGlossary } from '../../../scripts/glossary/load';

const { termList } = loadGlossary({ dataDir: 'data', root: process.cwd() });
// As the engine gets it: JSON.parse of the string the glossary plugin writes into the bundle.
const shipped = JSON.parse(JSON.stringify(termList)) as TermList;
const prebuilt = loadMatcher({ data: shipped.matcher, variants: shipped.variants });
const fresh = buildMatcher(matcherInputOf({ termList }));
const report = readFileSync('data/source/huantai-2022-report-news.txt', 'utf8');

/** The matches of a text fed in windows of `size` chars. */
function windowed({ matcher, text, size }: { matcher: Matcher; text: string; size: number }): Match[] {
  matcher.begin();
  for (let from = 0; from < text.length; from += size) matcher.feed({ text, from, to: Math.min(text.length, from + size) });
  return toMatches(matcher.end());
}

describe('the prebuilt matcher', () => {
  it('ships as plain JSON data and is rebuilt the same from the same terms', () => {
    expect(JSON.parse(JSON.stringify(termList.matcher))).toEqual(termList.matcher);
    expect(buildMatcherData(matcherInputOf({ termList }))).toEqual(termList.matcher);
    expect(prebuilt.size).toBe(fresh.size);
    expect(prebuilt.size).toBe(new Set(termList.terms.flatMap((term) => term.forms)).size);
  });

  it('finds what a freshly built matcher finds in the report, whole and in windows', () => {
    const expected = fresh.findAll({ text: report });
    expect(expected.length).toBeGreaterThan(100);
    expect(prebuilt.findAll({ text: report })).toEqual(expected);
    for (const size of [1, 7, 64, 4096]) expect(windowed({ matcher: prebuilt, text: report, size }), `windows of ${size}`).toEqual(expected);
    const runs = report.split('\n').join(SEPARATOR);
    expect(prebuilt.findAll({ text: runs })).toEqual(fresh.findAll({ text: runs }));
  });

  it('finds what a freshly built matcher finds in Traditional, full-width, spaced and quoted text, and weighs senses the same', () => {
    const tricky = [
      '遏制兩高項目，建設中國膜谷，舉辦膜產業馬踏湖高峰論壇',
      '“中国\n膜谷” 与 「马踏湖」，中 国 膜 谷',
      '推进５＋Ｎ综合文化服务中心，地区ＧＤＰ增长；the gdpr, 15+n',
      '最高人民法院、最高人民检察院（“两高”）联合发布司法解释',
      '坚决遏制“两高”项目盲目发展，据最高人民法院通报，两高项目属高耗能行业',
      `最高人民法院${SEPARATOR}两高${SEPARATOR}司法解释`,
      '最高人民法院 “兩高”',
      `济宁汶上的马踏湖${SEPARATOR}桓台马踏湖`,
      '宾馆的“星级 评价”',
      '走出去散步，企业走出去',
      '千里马汽车新车型；人才千里马',
      '😀😀中国膜谷😀两高',
      '',
    ];
    for (const text of tricky) {
      const expected = fresh.findAll({ text });
      expect(prebuilt.findAll({ text }), text).toEqual(expected);
      expect(windowed({ matcher: prebuilt, text, size: 3 }), text).toEqual(expected);
    }
    // The samples must exercise the sense rules, not only pass them by.
    const plain = buildMatcher({ ...matcherInputOf({ termList }), senseRules: new Map() });
    const dropped = tricky.reduce((sum, text) => sum + plain.findAll({ text }).length - fresh.findAll({ text }).length, 0);
    expect(dropped).toBeGreaterThan(3);
  });

  it('takes the sense window at run time', () => {
    const text = '最高人民法院' + '的'.repeat(20) + '两高';
    expect(loadMatcher({ data: shipped.matcher, variants: shipped.variants }).findAll({ text })).toEqual([]);
    expect(loadMatcher({ data: shipped.matcher, variants: shipped.variants, senseWindow: 10 }).findAll({ text })).toHaveLength(1);
  });
});

describe('primingText', () => {
  it('writes the words in the shapes pages use: Traditional, upper case, full width, spaced, quoted, in runs of their own', () => {
    const text = primingText({ words: ['中国膜谷', 'gdp', '两高', '5+n', '项目'], variants: { 國: '国' } });
    expect(text).toBe(`中國膜谷的G ｄＰ的“两高”的５+N的项 目${SEPARATOR}`);
  });

  it('primes a matcher without changing what it finds afterwards', () => {
    const text = '坚决遏制“两高”项目盲目发展，建设中国膜谷';
    const unprimed = loadMatcher({ data: { ...shipped.matcher, priming: '' }, variants: shipped.variants });
    expect(prebuilt.findAll({ text })).toEqual(unprimed.findAll({ text }));
    expect(prebuilt.findAll({ text })).toHaveLength(2);
  });
});
