/** The card's Traditional text, converted at build time: which fields, and what OpenCC makes of them. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTarget } from '../../../lib/glossary/format-target';
import { loadGlossary } from '../../../scripts/glossary/load';
import { traditionalTexts } from '../../../scripts/glossary/traditional';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const compiled = loadGlossary({ dataDir: 'data', root: ROOT });
const entryById = (id: string) => compiled.glossary.entries.find((e) => e.id === id)!;

describe('traditionalTexts', () => {
  it('converts the card’s fields, and only those, each through the converter it is given', () => {
    const entry = compiled.glossary.entries.find((e) => e.localUse && e.targets.length > 0 && e.quotes.length > 1)!;
    const text = traditionalTexts({ entries: [entry], convert: (s) => `T(${s})` })[entry.id]!;
    expect(text).toEqual({
      term: `T(${entry.term})`,
      summary: `T(${entry.summary})`,
      explanation: `T(${entry.explanation})`,
      scopeNote: `T(${entry.scopeNote})`,
      localUse: `T(${entry.localUse})`,
      // The card shows the first report sentence only.
      quote: `T(${entry.quotes[0]})`,
      targets: expect.any(Object),
    });
    for (const target of entry.targets) {
      const { indicator, parts } = text.targets[target.id]!;
      expect(indicator).toBe(`T(${target.indicator})`);
      expect(parts.number).toBe(`T(${target.value}${target.unit})`);
    }
  });

  it('gives every entry of the compiled glossary its text, targets included', () => {
    const { traditional } = compiled;
    expect(Object.keys(traditional).sort()).toEqual(compiled.glossary.entries.map((e) => e.id).sort());
    for (const entry of compiled.glossary.entries) {
      expect(Object.keys(traditional[entry.id]!.targets)).toEqual(entry.targets.map((t) => t.id));
      expect(Boolean(traditional[entry.id]!.localUse)).toBe(Boolean(entry.localUse));
    }
  });

  it('writes the terms as the glossary’s own Traditional aliases do (兩高, 中國膜谷, 四減四增)', () => {
    for (const id of ['liang-gao', 'zhong-guo-mo-gu', 'si-jian-si-zeng', 'gao-biao-zhun-nong-tian']) {
      const entry = entryById(id);
      expect(entry.aliases).toContain(compiled.traditional[id]!.term);
      expect(compiled.traditional[id]!.term).not.toBe(entry.term);
    }
  });

  it('converts a target’s comparator words with its number, keeping digits and signs', () => {
    const targets = compiled.glossary.targets.filter((t) => t.comparator === '低于' || t.comparator === '力争突破');
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) {
      const { parts } = compiled.traditional[target.entries[0]!]!.targets[target.id]!;
      const shown = `${parts.before}${parts.number}${parts.after}`;
      expect(shown).toHaveLength(formatTarget(target).length);
      expect(shown).not.toContain(target.comparator);
      expect(shown.replace(/\D/g, '')).toBe(formatTarget(target).replace(/\D/g, ''));
    }
  });
});
