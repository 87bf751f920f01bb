import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { compileGlossary, GlossaryError, type GlossaryFile } from '../../../scripts/glossary/compile';
import { coverageReport, parseIgnoreList } from '../../../scripts/glossary/coverage';
import { loadGlossary, readGlossaryInputs } from '../../../scripts/glossary/load';
import { createTermFinder, findTerms } from '../../../lib/scan/term-finder';
import { normalizeText } from '../../../lib/scan/normalize';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const SOURCE = [
  '做强做响“地标产业”。',
  '做大做强“中国膜谷”,着力打造国际一流高端膜产业基地。',
  '建成高标准农田8万亩,筑牢粮食安全底线。',
  '坚决遏制“两高”项目盲目发展。',
].join('\n\n');

type Json = Record<string, unknown>;

function entry(overrides: Json = {}): Json {
  return {
    id: 'zhong-guo-mo-gu',
    term: '中国膜谷',
    aliases: ['中國膜谷'],
    english: 'China Membrane Valley',
    category: 'industry',
    scope: 'county',
    scopeNote: '桓台县的产业品牌。',
    summary: '桓台的膜产业集群。',
    summaryEn: "Huantai's membrane industry cluster.",
    explanation: '报告提出做大做强“中国膜谷”。',
    quotes: ['做大做强“中国膜谷”,着力打造国际一流高端膜产业基地。'],
    ...overrides,
  };
}

/** A reference on a primary host, with every required field. */
const GOV_REFERENCE: Json = {
  title: '高标准农田建设通则',
  url: 'https://www.moa.gov.cn/govpublic/farmland.html',
  publisher: '农业农村部',
  date: '2022-03',
  supports: '高标准农田的定义',
};

const farmland = entry({
  id: 'gao-biao-zhun-nong-tian',
  term: '高标准农田',
  aliases: ['高標準農田'],
  english: 'High-standard farmland',
  category: 'rural',
  scope: 'national',
  scopeNote: '国家标准定义的农田建设标准。',
  quotes: ['建成高标准农田8万亩,筑牢粮食安全底线。'],
});

const farmlandTarget: Json = {
  id: 'target-high-standard-farmland',
  indicator: '建成高标准农田',
  value: '8',
  unit: '万亩',
  comparator: '',
  year: 2022,
  quote: '建成高标准农田8万亩,筑牢粮食安全底线。',
  entries: ['gao-biao-zhun-nong-tian'],
};

/** A small host list: gov.cn and people.com.cn count as primary sources. */
const HOSTS: GlossaryFile = {
  path: 'data/source-hosts.json',
  json: JSON.stringify({
    primary: [
      { host: 'gov.cn', kind: 'government', name: 'Chinese government sites' },
      { host: 'people.com.cn', kind: 'official-media', name: '人民网' },
    ],
  }),
};

function file({ path = 'data/glossary/test.json', entries, targets = [] }: { path?: string; entries: Json[]; targets?: Json[] }): GlossaryFile {
  return { path, json: JSON.stringify({ entries, targets }) };
}

/** The problems compile reports, or [] when it succeeds. */
function problemsOf({
  files,
  source = SOURCE,
  sourceHosts = HOSTS,
}: {
  files: GlossaryFile[];
  source?: string;
  sourceHosts?: GlossaryFile;
}): string[] {
  try {
    compileGlossary({ files, source, sourceHosts });
    return [];
  } catch (error) {
    if (error instanceof GlossaryError) return error.problems;
    throw error;
  }
}

describe('compileGlossary: refusing bad data', () => {
  it.each([
    ['a missing field', entry({ english: undefined }), 'entry "zhong-guo-mo-gu": field "english"'],
    ['a wrong category', entry({ category: 'economy' }), 'entry "zhong-guo-mo-gu": field "category": must be one of'],
    ['a bad id', entry({ id: 'Zhong_Guo' }), 'entry "Zhong_Guo": field "id": must be lower-case ascii words'],
    [
      'a bad URL',
      entry({ references: [{ ...GOV_REFERENCE, url: 'www.example.com/membrane' }] }),
      'entry "zhong-guo-mo-gu": field "references[0].url": must be a full URL',
    ],
    [
      'a non-http URL',
      entry({ references: [{ ...GOV_REFERENCE, url: 'ftp://example.com/membrane' }] }),
      'entry "zhong-guo-mo-gu": field "references[0].url": must be an http(s) URL',
    ],
    ['a missing scope', entry({ scope: undefined }), 'entry "zhong-guo-mo-gu": field "scope"'],
    ['a wrong scope', entry({ scope: 'town' }), 'entry "zhong-guo-mo-gu": field "scope": must be one of county, city, province, national'],
    ['a missing scopeNote', entry({ scopeNote: undefined }), 'entry "zhong-guo-mo-gu": field "scopeNote"'],
    ['an empty summaryEn', entry({ summaryEn: ' ' }), 'entry "zhong-guo-mo-gu": field "summaryEn": must not be empty'],
    [
      'a reference without a publisher',
      entry({ references: [{ ...GOV_REFERENCE, publisher: undefined }] }),
      'entry "zhong-guo-mo-gu": field "references[0].publisher"',
    ],
    [
      'a reference without supports',
      entry({ references: [{ ...GOV_REFERENCE, supports: undefined }] }),
      'entry "zhong-guo-mo-gu": field "references[0].supports"',
    ],
    [
      'a reference with a malformed date',
      entry({ references: [{ ...GOV_REFERENCE, date: '2022/01/17' }] }),
      'entry "zhong-guo-mo-gu": field "references[0].date": must be YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'a reference dated in a month that does not exist',
      entry({ references: [{ ...GOV_REFERENCE, date: '2022-13' }] }),
      'entry "zhong-guo-mo-gu": field "references[0].date": must be YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'a non-primary reference without a sourceNote',
      entry({ references: [GOV_REFERENCE, { ...GOV_REFERENCE, url: 'https://news.163.com/22/0820/membrane.html' }] }),
      'entry "zhong-guo-mo-gu": field "references[1].url": news.163.com is not a primary source; add a sourceNote',
    ],
    [
      'a localUse on a county entry',
      entry({ localUse: '桓台的做法。' }),
      'entry "zhong-guo-mo-gu": field "localUse": only city, province and national entries have a localUse',
    ],
    ['no quotes', entry({ quotes: [] }), 'entry "zhong-guo-mo-gu": field "quotes": quote at least one report sentence'],
    ['an unknown field', entry({ source: '大众日报' }), 'entry "zhong-guo-mo-gu": field "source"'],
  ])('names file, entry and field for %s', (_what, bad, expected) => {
    const problems = problemsOf({ files: [file({ path: 'data/glossary/industry.json', entries: [bad] })] });
    expect(problems).toContainEqual(expect.stringContaining(`data/glossary/industry.json: ${expected}`));
    // One mistake, one kind of complaint: nothing about the entry's other, valid fields.
    const fields = new Set(problems.map((p) => /field "([^"]+)"/u.exec(p)?.[1]));
    expect(fields.size).toBe(1);
  });

  it('labels an entry without an id by its position', () => {
    const problems = problemsOf({ files: [file({ entries: [entry(), entry({ id: undefined })] })] });
    expect(problems[0]).toMatch(/^data\/glossary\/test\.json: entry #2 \(no id\): field "id"/u);
  });

  it('collects the problems of every file and reports them together', () => {
    const error = (() => {
      try {
        compileGlossary({
          files: [
            file({ path: 'data/glossary/a.json', entries: [entry({ category: 'x' })] }),
            file({ path: 'data/glossary/b.json', entries: [farmland], targets: [{ ...farmlandTarget, year: 2021 }] }),
            { path: 'data/glossary/c.json', json: '{ "entries": [' },
          ],
          source: SOURCE,
          sourceHosts: HOSTS,
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(GlossaryError);
    const { problems, message } = error as GlossaryError;
    expect(problems).toHaveLength(3);
    expect(problems[1]).toContain('data/glossary/b.json: target "target-high-standard-farmland": field "year"');
    expect(problems[2]).toContain('data/glossary/c.json: not valid JSON');
    expect(message).toContain('The glossary has 3 problem(s)');
  });

  it('refuses a quote that is not in the report, and accepts one that only differs in whitespace', () => {
    const problems = problemsOf({ files: [file({ entries: [entry({ quotes: ['做大做强“中国膜谷”,打造世界一流膜产业基地。'] })] })] });
    expect(problems).toEqual([expect.stringContaining('entry "zhong-guo-mo-gu": field "quotes[0]": not found verbatim in the report')]);
    const spaced = entry({ quotes: ['做大做强“中国膜谷”, 着力打造国际一流\n高端膜产业基地。'] });
    expect(problemsOf({ files: [file({ entries: [spaced] })] })).toEqual([]);
  });

  it('refuses a term that is not in the report', () => {
    const problems = problemsOf({ files: [file({ entries: [entry({ term: '中国膜城' })] })] });
    expect(problems).toEqual([expect.stringContaining('entry "zhong-guo-mo-gu": field "term": "中国膜城" does not appear')]);
  });

  it('refuses a target whose value is not in its quote, or whose quote is not in the report', () => {
    const wrongValue = problemsOf({ files: [file({ entries: [farmland], targets: [{ ...farmlandTarget, value: '9' }] })] });
    expect(wrongValue).toEqual([
      expect.stringContaining('target "target-high-standard-farmland": field "value": "9" does not appear in its quote'),
    ]);
    const wrongQuote = problemsOf({
      files: [file({ entries: [farmland], targets: [{ ...farmlandTarget, quote: '建成高标准农田8万亩。' }] })],
    });
    expect(wrongQuote).toEqual([expect.stringContaining('target "target-high-standard-farmland": field "quote": not found verbatim')]);
  });

  it('refuses a target naming no entry or an unknown one', () => {
    const problems = problemsOf({
      files: [file({ entries: [farmland], targets: [{ ...farmlandTarget, entries: ['gao-biao-zhun-nong-tian', 'nong-tian'] }] })],
    });
    expect(problems).toEqual([expect.stringContaining('field "entries[1]": no entry has id "nong-tian"')]);
    expect(problemsOf({ files: [file({ entries: [farmland], targets: [{ ...farmlandTarget, entries: [] }] })] })).toEqual([
      expect.stringContaining('field "entries": name at least one entry'),
    ]);
  });

  it('refuses duplicate ids, across files too, and a target reusing an entry id', () => {
    const problems = problemsOf({
      files: [
        file({ path: 'data/glossary/a.json', entries: [entry()] }),
        file({
          path: 'data/glossary/b.json',
          entries: [entry({ term: '地标产业', aliases: [], quotes: ['做强做响“地标产业”。'] })],
          targets: [{ ...farmlandTarget, id: 'zhong-guo-mo-gu', entries: ['zhong-guo-mo-gu'], value: '8' }],
        }),
      ],
    });
    expect(problems).toContainEqual(
      'data/glossary/b.json: entry "zhong-guo-mo-gu": field "id": duplicate, also in data/glossary/a.json',
    );
    expect(problems).toContainEqual(expect.stringContaining('data/glossary/b.json: target "zhong-guo-mo-gu": field "id": duplicate'));
  });

  it('refuses an unknown related id and an entry related to itself', () => {
    const problems = problemsOf({ files: [file({ entries: [entry({ related: ['mo-chan-ye', 'zhong-guo-mo-gu'] })] })] });
    expect(problems).toEqual([
      expect.stringContaining('entry "zhong-guo-mo-gu": field "related[0]": no entry has id "mo-chan-ye"'),
      expect.stringContaining('entry "zhong-guo-mo-gu": field "related[1]": an entry cannot relate to itself'),
    ]);
  });

  it('refuses an alias claimed by two entries, compared as the matcher folds them', () => {
    const landmark = entry({ id: 'di-biao-chan-ye', term: '地标产业', aliases: ['中國膜谷'], quotes: ['做强做响“地标产业”。'] });
    expect(problemsOf({ files: [file({ entries: [entry(), landmark] })] })).toEqual([
      expect.stringContaining('entry "di-biao-chan-ye": field "aliases[0]": "中國膜谷" is already claimed by entry "zhong-guo-mo-gu"'),
    ]);
    // Case, width, spaces and quote marks fold away: ＧＤＰ and “GDP ” are one form.
    const gdp = [
      entry({ aliases: ['GDP'] }),
      entry({ id: 'di-biao-chan-ye', term: '地标产业', aliases: ['“ｇｄｐ ”'], quotes: ['做强做响“地标产业”。'] }),
    ];
    expect(problemsOf({ files: [file({ entries: gdp })] })).toEqual([
      expect.stringContaining('field "aliases[0]": "“ｇｄｐ ”" is already claimed by entry "zhong-guo-mo-gu"'),
    ]);
  });

  // The matcher folds 兩 to 两 with the glossary's variant table, so aliases are compared folded the same way.
  it('refuses a Traditional alias that folds onto another entry’s Simplified term (兩高 vs 两高)', () => {
    const liangGao = entry({ id: 'liang-gao', term: '两高', aliases: [], quotes: ['坚决遏制“两高”项目盲目发展。'] });
    const other = entry({ id: 'di-biao-chan-ye', term: '地标产业', aliases: ['兩高'], quotes: ['做强做响“地标产业”。'] });
    expect(problemsOf({ files: [file({ entries: [liangGao, other] })] })).toEqual([
      expect.stringContaining('field "aliases[0]": "兩高" is already claimed by entry "liang-gao"'),
    ]);
  });
});

describe('compileGlossary: the source policy', () => {
  const news163 = { ...GOV_REFERENCE, url: 'https://news.163.com/22/0820/membrane.html', publisher: '网易新闻' };

  it('fails the build on a non-primary reference without a sourceNote, naming file, entry and field', () => {
    const problems = problemsOf({
      files: [file({ path: 'data/glossary/industry.json', entries: [entry({ references: [news163] })] })],
    });
    expect(problems).toEqual([
      'data/glossary/industry.json: entry "zhong-guo-mo-gu": field "references[0].url": news.163.com is not a primary source; ' +
        'add a sourceNote saying why no primary source exists, or cite one (primary hosts: data/source-hosts.json)',
    ]);
    expect(() =>
      compileGlossary({ files: [file({ entries: [entry({ references: [news163] })] })], source: SOURCE, sourceHosts: HOSTS }),
    ).toThrow(GlossaryError);
  });

  it('names every non-primary reference of the entry, and only those', () => {
    const references = [news163, GOV_REFERENCE, { ...GOV_REFERENCE, url: 'http://gov.cn.example.com/page' }];
    expect(problemsOf({ files: [file({ entries: [entry({ references })] })] })).toEqual([
      expect.stringContaining('field "references[0].url": news.163.com is not a primary source'),
      expect.stringContaining('field "references[2].url": gov.cn.example.com is not a primary source'),
    ]);
  });

  it('passes a non-primary reference when the entry carries a sourceNote', () => {
    const noted = entry({
      references: [news163, GOV_REFERENCE],
      sourceNote: '东岳集团两张膜的报道只找到网易山东的页面，没有找到官方媒体或政府网站的同文。',
    });
    expect(problemsOf({ files: [file({ entries: [noted] })] })).toEqual([]);
  });

  it('counts subdomains, big5 mirrors, http and https as the listed host', () => {
    const references = [
      { ...GOV_REFERENCE, url: 'http://www.gov.cn/zhengce/2021-04/29/content.htm' },
      { ...GOV_REFERENCE, url: 'http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/content.htm' },
      { ...GOV_REFERENCE, url: 'https://PEOPLE.com.cn/n1/2022/0117/c1001.html' },
    ];
    expect(problemsOf({ files: [file({ entries: [entry({ references })] })] })).toEqual([]);
  });

  it('accepts a localUse on the wider scopes', () => {
    for (const scope of ['city', 'province', 'national']) {
      expect(problemsOf({ files: [file({ entries: [entry({ scope, localUse: '报告提出的做法。' })] })] })).toEqual([]);
    }
  });

  it('reports a broken host list by file and field, without also refusing every reference', () => {
    const sourceHosts = {
      path: 'data/source-hosts.json',
      json: JSON.stringify({ primary: [{ host: 'https://www.gov.cn/', kind: 'government', name: '中国政府网' }] }),
    };
    const problems = problemsOf({ files: [file({ entries: [entry({ references: [GOV_REFERENCE] })] })], sourceHosts });
    expect(problems).toEqual([
      'data/source-hosts.json: field "primary[0].host": "https://www.gov.cn/" is not a bare host name (write it like gov.cn: no scheme, path or port)',
    ]);
    const badKind = { path: 'data/source-hosts.json', json: JSON.stringify({ primary: [{ host: 'gov.cn', kind: 'blog', name: 'x' }] }) };
    expect(problemsOf({ files: [file({ entries: [entry()] })], sourceHosts: badKind })).toEqual([
      expect.stringContaining('data/source-hosts.json: field "primary[0].kind": must be one of government, official-media, academic'),
    ]);
  });
});

describe('compileGlossary: a valid glossary', () => {
  const compiled = compileGlossary({
    files: [
      file({ path: 'data/glossary/industry.json', entries: [entry({ related: ['gao-biao-zhun-nong-tian'] })] }),
      file({ path: 'data/glossary/rural.json', entries: [farmland], targets: [farmlandTarget] }),
    ],
    source: SOURCE,
    sourceHosts: HOSTS,
  });

  it('generates tone-marked pinyin, and keeps an author’s pinyin', () => {
    expect(compiled.glossary.entries[0]?.pinyin).toBe('zhōng guó mó gǔ');
    const own = compileGlossary({
      files: [file({ entries: [entry({ pinyin: 'zhōng guó mó gǔ!' })] })],
      source: SOURCE,
      sourceHosts: HOSTS,
    });
    expect(own.glossary.entries[0]?.pinyin).toBe('zhōng guó mó gǔ!');
  });

  it('attaches each target to its entries and fills the defaults', () => {
    const [membrane, field] = compiled.glossary.entries;
    expect(membrane).toMatchObject({ targets: [], references: [], related: ['gao-biao-zhun-nong-tian'] });
    expect(field?.targets).toEqual([farmlandTarget]);
    expect(compiled.glossary.targets).toEqual([farmlandTarget]);
    expect(compiled.glossary.source.title).toBe('桓台县2022年政府工作报告');
  });

  it('ships the folded forms, and no explanations, in the term list', () => {
    expect(compiled.termList.terms).toEqual([
      { id: 'zhong-guo-mo-gu', category: 'industry', scope: 'county', forms: ['中国膜谷'] },
      { id: 'gao-biao-zhun-nong-tian', category: 'rural', scope: 'national', forms: ['高标准农田'] },
    ]);
    expect(compiled.termList.variants['國']).toBe('国');
    expect(JSON.stringify(compiled.termList)).not.toContain('膜产业集群');
  });
});

describe('the real glossary in data/', () => {
  const inputs = readGlossaryInputs({ dataDir: 'data', root: ROOT });
  const compiled = loadGlossary({ dataDir: 'data', root: ROOT });
  const { entries } = compiled.glossary;
  const finder = createTermFinder({ termList: compiled.termList });
  const idAt = (value: number) => finder.idOf(value);

  it('compiles, with more than 70 entries, every area covered and targets attached', () => {
    expect(entries.length).toBeGreaterThan(70);
    const categories = new Set(entries.map((e) => e.category));
    expect([...categories].sort()).toEqual(['city', 'ecology', 'industry', 'livelihood', 'momentum', 'overall', 'rural']);
    const attached = new Set(entries.flatMap((e) => e.targets.map((t) => t.id)));
    expect(attached.size).toBe(compiled.glossary.targets.length);
  });

  it('leaves nothing in the report uncovered', () => {
    const ignore = parseIgnoreList({
      json: readFileSync(new URL('../../../data/glossary/coverage-ignore.json', import.meta.url), 'utf8'),
      path: 'data/glossary/coverage-ignore.json',
    });
    const report = coverageReport({ glossary: compiled.glossary, source: inputs.source, ignore });
    const uncovered = [...report.phrases, ...report.numbers].filter((item) => item.status === 'uncovered');
    expect(uncovered.map((item) => item.context)).toEqual([]);
    expect(report.missingIgnores).toEqual([]);
    expect(report.unusedIgnores).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('gives no normalised form to two entries (the matcher would silently keep the first)', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const term of compiled.termList.terms) {
      for (const form of term.forms) {
        const owner = owners.get(form);
        if (owner !== undefined && owner !== term.id) clashes.push(`${form}: ${owner} and ${term.id}`);
        owners.set(form, term.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  /**
   * Quotes that support the explanation without naming the term: the rest of a sentence split at ；,
   * a section's sub-headings, the paragraph under a heading. Kept for review: each is a fact the
   * explanation states. A new one fails the test so that it is looked at.
   */
  const CONTEXT_QUOTES: Record<string, readonly string[]> = {
    'zhu-yao-yu-qi-mu-biao': [
      '一般公共预算收入增长7%以上;',
      '城乡居民人均可支配收入增长7%左右;',
      '全面完成上级下达的节能减排约束性指标。',
    ],
    'you-cun-liang-kuo-zeng-liang': ['提质升级优势产业。', '做强做响“地标产业”。', '乘势布局未来产业。'],
    'di-biao-chan-ye': [
      '做大做强“中国膜谷”,加快推进“一谷三区五基地四中心”产业布局,高规格举办第五届膜产业“马踏湖”高峰论坛等展会活动,着力打造具备核心竞争力的国际一流高端膜产业基地。',
    ],
    'wei-lai-chan-ye': ['实施未来前沿产业培育计划,聚焦氢能、新一代人工智能等前沿领域,加快实现新经济“换道超车”。'],
    'shang-shi-gua-pai': [
      '深化省财政金融政策融合支持实施乡村振兴战略制度试点县建设,力争齐鲁股权交易中心“桓台乡村振兴特色产业板”挂牌企业突破60家。',
    ],
  };

  /** How the matcher treats the entry in one text: found, inside a longer term, or absent. */
  function lookUp({ id, text }: { id: string; text: string }): 'found' | 'inside-longer-term' | 'absent' {
    const matches = findTerms({ finder, text });
    if (matches.some((m) => idAt(m.value) === id)) return 'found';
    const forms = compiled.termList.terms.find((t) => t.id === id)?.forms ?? [];
    const folded = normalizeText({ text, variants: compiled.termList.variants });
    const spans = forms.flatMap((form) => {
      const at = folded.text.indexOf(form);
      return at < 0 ? [] : [{ start: folded.map[at] as number, end: (folded.map[at + form.length - 1] as number) + 1 }];
    });
    if (spans.length === 0) return 'absent';
    // The term is there but a longer entry took it (马踏湖 in 膜产业“马踏湖”高峰论坛): explained by that one.
    const swallowed = spans.every((s) => matches.some((m) => idAt(m.value) !== id && m.start <= s.start && s.end <= m.end));
    return swallowed ? 'inside-longer-term' : 'absent';
  }

  it('finds every entry in its own quotes (sense rules do not skip the report’s own use)', () => {
    const misses: string[] = [];
    const contextQuotes: Record<string, string[]> = {};
    for (const e of entries) {
      e.quotes.forEach((quote, i) => {
        const result = lookUp({ id: e.id, text: quote });
        if (result === 'found') return;
        // The tooltip shows the first quote, so it must name the term.
        if (result === 'inside-longer-term' || (i > 0 && !quoteMentions({ quote, entry: e }))) {
          if (result === 'absent') (contextQuotes[e.id] ??= []).push(quote);
          return;
        }
        misses.push(`${e.id}: quotes[${i}] ${quote}`);
      });
    }
    expect(misses).toEqual([]);
    expect(contextQuotes).toEqual(CONTEXT_QUOTES);
  });

  it('finds every occurrence of every term in the whole report, as that entry or inside a longer one', () => {
    const text = inputs.source;
    const matches = findTerms({ finder, text });
    const folded = normalizeText({ text, variants: compiled.termList.variants });
    const wrong: string[] = [];
    for (const term of compiled.termList.terms) {
      for (const form of term.forms) {
        for (let at = folded.text.indexOf(form); at >= 0; at = folded.text.indexOf(form, at + 1)) {
          const start = folded.map[at] as number;
          const end = (folded.map[at + form.length - 1] as number) + 1;
          const match = matches.find((m) => m.start <= start && end <= m.end);
          const longer = match !== undefined && idAt(match.value) !== term.id && match.end - match.start > end - start;
          if (match === undefined || (idAt(match.value) !== term.id && !longer)) {
            wrong.push(`${term.id} at ${start}: ${match ? `taken by ${idAt(match.value)}` : 'skipped'}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Whether a quote names the entry at all (as opposed to merely supporting its explanation). */
function quoteMentions({ quote, entry: e }: { quote: string; entry: { term: string; aliases: string[] } }): boolean {
  const text = normalizeText({ text: quote }).text;
  return [e.term, ...e.aliases].some((form) => text.includes(normalizeText({ text: form }).text));
}
