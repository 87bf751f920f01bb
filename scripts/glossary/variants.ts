/**
 * Build time only: derives the small Traditional → Simplified char table that lib/scan/normalize applies
 * to page text, limited to the chars the glossary actually uses, so the content script never ships
 * (or loads) a full conversion dictionary.
 */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

const HAN = /^\p{Script=Han}$/u;

/** Simplified → Traditional as Taiwan, Hong Kong and OpenCC's standard forms write it (they differ: 峰/峯, 里/裡/裏). */
const toTraditional: readonly Convert[] = [
  OpenCC.Converter({ from: 'cn', to: 'tw' }),
  OpenCC.Converter({ from: 'cn', to: 'hk' }),
  OpenCC.Converter({ from: 'cn', to: 't' }),
];

/** Back to Simplified, in order of authority when a Traditional char could come from two glossary chars. */
const toSimplified: readonly Convert[] = [
  OpenCC.Converter({ from: 't', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
];

function isSingleBmpHan({ char }: { char: string }): boolean {
  return char.length === 1 && HAN.test(char);
}

/**
 * Pairs chars of two renderings of one phrase position by position. Conversions that change the
 * length (phrase-level rewrites) are skipped: their chars do not correspond one to one.
 */
function alignChars({ a, b }: { a: string; b: string }): Array<[string, string]> {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length !== right.length) return [];
  return left.map((char, i) => [char, right[i] as string]);
}

/**
 * Maps every Traditional (or regional variant) form of a glossary char back to the glossary's char,
 * e.g. 兩→两, 國→国, 減→减, 萬→万, 峯→峰. Keys are sorted, so the generated file is stable.
 */
export function buildVariantTable({ simplifiedTexts }: { simplifiedTexts: Iterable<string> }): Record<string, string> {
  // Aliases may already be Traditional (中國膜谷): fold each text to Simplified first, so the
  // glossary's chars are the Simplified ones and its Traditional aliases only add candidates.
  const sources: Array<{ original: string; simplified: string }> = [];
  for (const original of new Set(simplifiedTexts)) {
    sources.push({ original, simplified: (toSimplified[0] as Convert)(original) });
  }
  // Chars the glossary writes as Simplified: never turned into anything else, so 后 cannot be
  // swallowed by 後 unless 后 is what the glossary means.
  const glossaryChars = new Set<string>();
  for (const { simplified } of sources) {
    for (const char of simplified) if (isSingleBmpHan({ char })) glossaryChars.add(char);
  }

  // Traditional char → glossary chars it may stand for, found in context (以后→以後 gives 後, which
  // 后 alone does not always give) and char by char.
  const candidates = new Map<string, Set<string>>();
  const propose = ({ simplified, traditional }: { simplified: string; traditional: string }): void => {
    if (simplified === traditional || !glossaryChars.has(simplified)) return;
    if (!isSingleBmpHan({ char: traditional }) || glossaryChars.has(traditional)) return;
    let targets = candidates.get(traditional);
    if (targets === undefined) {
      targets = new Set();
      candidates.set(traditional, targets);
    }
    targets.add(simplified);
  };
  // A phrase conversion only counts where converting back gives the glossary char again: that is
  // what separates a real variant from a contextual rewrite.
  const proposeRoundTrip = ({ simplified, traditional }: { simplified: string; traditional: string }): void => {
    const forward = alignChars({ a: simplified, b: traditional });
    if (forward.length === 0) return;
    for (const back of toSimplified) {
      const backward = alignChars({ a: back(traditional), b: traditional });
      if (backward.length !== forward.length) continue;
      forward.forEach(([s, t], i) => {
        if (backward[i]?.[0] === s) propose({ simplified: s, traditional: t });
      });
    }
  };
  for (const { original, simplified } of sources) {
    proposeRoundTrip({ simplified, traditional: original });
    for (const convert of toTraditional) proposeRoundTrip({ simplified, traditional: convert(simplified) });
  }
  for (const char of glossaryChars) {
    for (const convert of toTraditional) {
      const traditional = convert(char);
      if (toSimplified.some((back) => back(traditional) === char)) propose({ simplified: char, traditional });
    }
  }

  const table: Record<string, string> = {};
  for (const traditional of Array.from(candidates.keys()).sort()) {
    const targets = candidates.get(traditional) as Set<string>;
    const target = resolveTarget({ traditional, targets });
    if (target !== undefined) table[traditional] = target;
  }
  return table;
}

/**
 * One Traditional char, several glossary chars (餘 comes from both 余 and 馀): trust the converters'
 * own single-char answer, and leave the char unmapped when they name none of them.
 */
function resolveTarget({ traditional, targets }: { traditional: string; targets: ReadonlySet<string> }): string | undefined {
  if (targets.size === 1) return targets.values().next().value;
  for (const back of toSimplified) {
    const answer = back(traditional);
    if (targets.has(answer)) return answer;
  }
  return undefined;
}
