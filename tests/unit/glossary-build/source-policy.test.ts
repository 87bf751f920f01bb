import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  canonicalHost,
  cellWidth,
  classifyUrl,
  formatSourceReport,
  parseSourcePolicy,
  sourceReport,
  type SourcePolicy,
} from '../../../scripts/glossary/source-policy';
import type { Entry } from '../../../lib/glossary/schema';

const REAL_HOSTS_PATH = 'data/source-hosts.json';
const realHosts = parseSourcePolicy({
  path: REAL_HOSTS_PATH,
  json: readFileSync(new URL('../../../data/source-hosts.json', import.meta.url), 'utf8'),
});

function policyOf(hosts: string[]): SourcePolicy {
  const { policy, problems } = parseSourcePolicy({
    path: 'hosts.json',
    json: JSON.stringify({ primary: hosts.map((host) => ({ host, kind: 'government', name: host })) }),
  });
  expect(problems).toEqual([]);
  return policy;
}

const policy = policyOf(['gov.cn', 'npc.gov.cn', '中国政府网.政务', 'people.com.cn', 'zbnews.net']);
const primaryOf = (url: string) => classifyUrl({ url, policy }).primary?.listed;

describe('classifyUrl: which hosts are primary', () => {
  it.each([
    ['the listed host itself', 'https://gov.cn/page', 'gov.cn'],
    ['a subdomain', 'https://www.gov.cn/zhengce/content.htm', 'gov.cn'],
    ['a deep subdomain (a county site)', 'http://www.huantai.gov.cn/art/2022/1/17/art_1.html', 'gov.cn'],
    ['a big5. mirror of a gov site', 'http://big5.www.gov.cn/gate/big5/www.gov.cn/zhengce/content.htm', 'gov.cn'],
    ['the most specific listed host', 'http://www.npc.gov.cn/npc/c30834/202104/law.shtml', 'npc.gov.cn'],
    ['http', 'http://paper.people.com.cn/rmrb/html/2022-01/17/nw.htm', 'people.com.cn'],
    ['https', 'https://paper.people.com.cn/rmrb/html/2022-01/17/nw.htm', 'people.com.cn'],
    ['upper case and a port', 'HTTPS://WWW.ZBNEWS.NET:8443/news/1.html', 'zbnews.net'],
    ['a fully qualified host with its trailing dot', 'https://www.gov.cn./zhengce/', 'gov.cn'],
    ['an IDN host written in its own script', 'http://中国政府网.政务/', '中国政府网.政务'],
    ['an IDN host written in punycode', 'http://xn--fiqs8sirgfmhq98a.xn--zfr164b/zhengce/', '中国政府网.政务'],
    ['a subdomain of an IDN host', 'https://www.中国政府网.政务/zhengce/', '中国政府网.政务'],
  ])('counts %s', (_what, url, listed) => {
    expect(primaryOf(url)).toBe(listed);
  });

  it.each([
    ['a lookalike that puts the listed host in front', 'https://gov.cn.example.com/zhengce/'],
    ['a lookalike that ends in the same letters', 'https://notgov.cn/'],
    ['a lookalike subdomain of it', 'https://www.notgov.cn/'],
    ['a listed host in the path only', 'https://example.com/www.gov.cn/page'],
    ['a listed host in the user part', 'https://www.gov.cn@example.com/page'],
    ['a listed host in the query', 'https://example.com/?from=gov.cn'],
    ['a different IDN host', 'http://中国政府.政务/'],
    ['a commercial news site', 'https://sd.news.163.com/22/0820/16/membrane.html'],
  ])('does not count %s', (_what, url) => {
    expect(primaryOf(url)).toBeUndefined();
  });

  it('names the page host in punycode, and no host for what is not an http(s) URL', () => {
    expect(classifyUrl({ url: 'http://中国政府网.政务/', policy }).host).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    expect(classifyUrl({ url: 'ftp://www.gov.cn/file', policy })).toEqual({ host: undefined, primary: undefined });
    expect(classifyUrl({ url: 'not a url', policy })).toEqual({ host: undefined, primary: undefined });
  });
});

describe('parseSourcePolicy', () => {
  it('canonicalises hosts as new URL() does and refuses anything but a bare host', () => {
    expect(canonicalHost('WWW.Gov.CN.')).toBe('www.gov.cn');
    expect(canonicalHost('中国政府网.政务')).toBe('xn--fiqs8sirgfmhq98a.xn--zfr164b');
    for (const bad of ['https://gov.cn', 'gov.cn/zhengce', 'gov.cn:80', 'user@gov.cn', 'gov cn', '']) {
      expect(canonicalHost(bad), bad).toBeUndefined();
    }
  });

  it('refuses a host listed twice, however it is written', () => {
    const { problems } = parseSourcePolicy({
      path: 'data/source-hosts.json',
      json: JSON.stringify({
        primary: [
          { host: '中国政府网.政务', kind: 'government', name: 'a' },
          { host: 'XN--FIQS8SIRGFMHQ98A.xn--zfr164b', kind: 'government', name: 'b' },
        ],
      }),
    });
    expect(problems).toEqual([
      'data/source-hosts.json: field "primary[1].host": "XN--FIQS8SIRGFMHQ98A.xn--zfr164b" is listed twice (also primary[0])',
    ]);
  });

  it('reads the real list without problems, with the hosts the researchers proposed', () => {
    expect(realHosts.problems).toEqual([]);
    const listed = new Set(realHosts.policy.hosts.map((h) => h.listed));
    const proposed = [
      'people.cn', 'china.org.cn', 'jingjiribao.cn', 'cass.cn', 'wenming.cn', 'haiwainet.cn', 'dswxyjy.org.cn',
      'qingdaonews.com', 'jfdaily.com.cn', 'southcn.com', 'cfgw.net.cn', 'lzcb.com', 'voc.com.cn', 'rmlt.com.cn',
      'imsilkroad.com', 'tibet.cn', 'peopleweekly.cn', 'bandao.cn', 'comnews.cn', 'icdc.cn', 'chuzhou.cn',
      'chinajan.com', 'hjjkyyj.com',
    ];
    expect(proposed.filter((host) => !listed.has(host))).toEqual([]);
    const real = realHosts.policy;
    expect(classifyUrl({ url: 'http://big5.china.com.cn/gate/big5/f.china.com.cn/2020-05/13/content.htm', policy: real }).primary?.listed).toBe('china.com.cn');
    expect(classifyUrl({ url: 'http://keywords.china.org.cn/m/2022-07/11/content.html', policy: real }).primary?.listed).toBe('china.org.cn');
    expect(classifyUrl({ url: 'https://chinaepi.icdc.cn/zhlxbx/article/abstract/1', policy: real }).primary?.listed).toBe('icdc.cn');
    expect(classifyUrl({ url: 'http://中国政府网.政务/', policy: real }).primary?.listed).toBe('中国政府网.政务');
    expect(classifyUrl({ url: 'https://news.163.com/22/0820/a.html', policy: real }).primary).toBeUndefined();
  });
});

describe('sourceReport', () => {
  const reference = (url: string) => ({ title: 't', url, publisher: 'p', supports: 's' });
  const entry = (over: Partial<Entry> & Pick<Entry, 'id'>): Pick<Entry, 'id' | 'scope' | 'references' | 'sourceNote'> => ({
    scope: 'county',
    references: [],
    ...over,
  });
  const entries = [
    entry({ id: 'a', references: [reference('https://www.gov.cn/1'), reference('https://news.163.com/2')], sourceNote: '只找到网易的报道。' }),
    entry({ id: 'b', scope: 'national', references: [reference('http://paper.people.com.cn/3')] }),
    entry({ id: 'c', scope: 'city' }),
    entry({ id: 'd', scope: 'national', references: [reference('https://www.gov.cn/4')], sourceNote: '旧的说明。' }),
  ];
  const report = sourceReport({ entries, policy });

  it('counts entries by scope, facts on primary hosts, report-only entries and what is left outside the list', () => {
    expect(report).toEqual({
      entries: 4,
      byScope: { county: 1, city: 1, province: 0, national: 2 },
      facts: 4,
      primaryFacts: 3,
      reportOnly: ['c'],
      nonPrimary: [{ id: 'a', field: 'references[1]', host: 'news.163.com', sourceNote: '只找到网易的报道。' }],
      unusedNotes: ['d'],
    });
  });

  it('prints the counts as a table, then each non-primary reference with its entry’s sourceNote', () => {
    const text = formatSourceReport({ report, policy });
    expect(text).toContain('| facts with a primary source        | 3 of 4 (75%) |');
    expect(text).toContain('|   national                         |            2 |');
    expect(text).toMatch(/\| a +\| references\[1\] \| news\.163\.com \| 只找到网易的报道。 \|/u);
    expect(text).toContain('Resting on the report only: c');
    expect(text).toContain('the note may be out of date): d');
  });

  it('measures CJK as two terminal cells', () => {
    expect(cellWidth('news.163.com')).toBe(12);
    expect(cellWidth('人民网（people）')).toBe(16);
  });
});
