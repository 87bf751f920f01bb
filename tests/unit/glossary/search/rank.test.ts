import { describe, expect, it } from 'vitest';
import { fuzzyScore, scoreOf } from '../../../../lib/glossary/search/rank';

describe('fuzzyScore', () => {
  it('ranks closer matches first, all after the contains tier and within [0, 1]', () => {
    const worstContains = scoreOf({ tier: 'contains', field: 'summary', coverage: 0 });
    const scores = [0, 0.2, 0.35, 1, undefined].map((closeness) => fuzzyScore({ closeness, field: 'pinyin' }));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
    for (const score of scores) {
      expect(score).toBeGreaterThan(worstContains);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('puts a demoted candidate (English for a pinyin-reading query) after every other fuzzy one', () => {
    const bestDemoted = fuzzyScore({ closeness: 0, field: 'english', demoted: true });
    const worstKept = fuzzyScore({ closeness: 1, field: 'summary' });
    expect(bestDemoted).toBeGreaterThan(worstKept);
    expect(fuzzyScore({ closeness: 1, field: 'summary', demoted: true })).toBeLessThanOrEqual(1);
  });
});
