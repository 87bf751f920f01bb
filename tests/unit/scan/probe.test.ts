import { describe, expect, it } from 'vitest';
import { buildPrefilter } from '../../../lib/scan/prefilter';
import { createTermFinder, findTerms, matcherInputOf } from '../../../lib/scan/term-finder';
import { buildMatcher } from '../../../lib/scan/matcher';
import { loadGlossary } from '../../../scripts/glossary/load';

const { termList, glossary } = loadGlossary({ dataDir: 'data', root: process.cwd() });
const forms = termList.terms.flatMap((t) => t.forms);
const mayHold = buildPrefilter({ forms, variants: termList.variants });

describe('the prefilter', () => {
  it('lets through every term and alias of the glossary as written, Traditional and full-width included', () => {
    for (const entry of glossary.entries) for (const text of [entry.term, ...entry.aliases]) expect(mayHold(`xx ${text} yy`), text).toBe(true);
    expect(mayHold('中國膜谷')).toBe(true);
    expect(mayHold('the Ｇ Ｄ Ｐ grew')).toBe(true);
    expect(mayHold('regional “G D P”')).toBe(true);
  });

  it('stops English text with no term, curly quotes and dashes notwithstanding', () => {
    expect(mayHold('The “quick” brown fox — jumped over 100% of the lazy dogs.')).toBe(false);
    expect(mayHold('good deeds pay')).toBe(false);
  });

  it('changes no result: with and without it, the finder finds the same terms', () => {
    const finder = createTermFinder({ termList });
    // The finder's own matcher input, without the prefilter in front.
    const matcher = buildMatcher(matcherInputOf({ termList }));
    const samples = [
      'GDP rose; the 两高 projects', 'plain English only, nothing here', '坚决遏制“两高”项目盲目发展', '中國膜谷與兩高', '5 + N综合文化服务中心', 'g-d-p',
      ...glossary.entries.flatMap((e) => e.quotes),
    ];
    for (const text of samples) {
      const full = matcher.findAll({ text });
      expect(findTerms({ finder, text }), text).toEqual(full);
    }
  });
});
