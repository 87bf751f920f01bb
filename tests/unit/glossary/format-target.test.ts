/**
 * formatTarget: how a target's value, unit and comparator read together, checked by hand for each
 * comparator and against every target of the real glossary (its words must be the report's).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPARATORS } from '../../../lib/glossary/categories';
import { formatTarget, targetParts } from '../../../lib/glossary/format-target';
import { loadGlossary } from '../../../scripts/glossary/load';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { glossary } = loadGlossary({ dataDir: 'data', root: ROOT });

describe('formatTarget', () => {
  it.each([
    { value: '8', unit: '万亩', comparator: '', text: '8万亩' },
    { value: '6', unit: '%', comparator: '以上', text: '6%以上' },
    { value: '7', unit: '%', comparator: '左右', text: '7%左右' },
    { value: '4.5', unit: '%', comparator: '低于', text: '低于4.5%' },
    { value: '100', unit: '家', comparator: '突破', text: '突破100家' },
    { value: '6', unit: '家', comparator: '力争', text: '力争6家' },
    { value: '10', unit: '人', comparator: '力争以上', text: '力争10人以上' },
    { value: '60', unit: '家', comparator: '力争突破', text: '力争突破60家' },
    { value: '全覆盖', unit: '', comparator: '实现', text: '实现全覆盖' },
    { value: '100', unit: '%', comparator: '实现', text: '实现100%' },
    // The value already says it is reached: not 实现全面完成.
    { value: '全面完成', unit: '', comparator: '实现', text: '全面完成' },
  ] as const)('$value $unit $comparator → $text', ({ text, ...target }) => {
    expect(formatTarget(target)).toBe(text);
    const { before, number, after } = targetParts(target);
    expect(before + number + after).toBe(text);
    expect(number).toBe(target.value + target.unit);
  });

  it('knows every comparator the schema allows', () => {
    for (const comparator of COMPARATORS) {
      const text = formatTarget({ value: '5', unit: '个', comparator });
      expect(text, comparator).toContain('5个');
      // Every word of the comparator is shown (实现 aside, see above).
      for (const word of comparator.match(/力争|以上|左右|低于|突破|实现/g) ?? []) expect(text, comparator).toContain(word);
    }
  });

  it('reads each target of the glossary as the report writes it', () => {
    expect(glossary.targets.length).toBeGreaterThan(30);
    for (const target of glossary.targets) {
      const { before, number, after } = targetParts(target);
      const quote = target.quote.replace(/\s+/g, '');
      // The number with the words after it stand so in the report's sentence (6%以上, 7%左右).
      expect(quote, target.id).toContain(number + after);
      // Words before it too, except 力争 and 实现, which the report puts earlier in the sentence
      // (力争年内新增…6家, 推动“长者食堂”实现县域全覆盖).
      const adjacent = before.replace(/^力争|^实现/, '');
      if (adjacent) expect(quote, target.id).toContain(adjacent + number);
    }
  });
});
