import { describe, it, expect, vi } from 'vitest';
import { Window } from 'happy-dom';
import { citationOf, copyCitation, escapeHtml, type ClipboardLike } from '../../../lib/glossary/citation';
import { SOURCE_DOCUMENT } from '../../../lib/glossary/source-document';
import type { GlossaryEntry } from '../../../lib/glossary/types';

const farmland: GlossaryEntry = {
  id: 'gao-biao-zhun-nong-tian',
  term: '高标准农田',
  aliases: [],
  english: 'High-standard farmland',
  pinyin: 'gāo biāo zhǔn nóng tián',
  category: 'rural',
  scope: 'national',
  scopeNote: '国家标准规定的农田建设标准。',
  summary: '旱涝保收、高产稳产的农田。',
  summaryEn: 'Farmland built to the national standard.',
  explanation: '……',
  quotes: ['落实最严格的耕地保护制度,建成高标准农田8万亩,筑牢粮食安全底线。', '第二句不进引用。'],
  related: [],
  references: [
    {
      title: '中共中央、国务院印发《乡村振兴战略规划（2018—2022年）》',
      url: 'https://www.gov.cn/zhengce/2018-09/26/content_5325534.htm',
      publisher: '中国政府网',
      date: '2018-09-26',
      supports: '规划的总要求',
    },
    {
      title: '高标准农田建设通则',
      url: 'http://www.moa.gov.cn/farmland.html',
      publisher: '农业农村部',
      supports: '高标准农田的定义',
    },
  ],
  targets: [],
};

describe('citationOf: the plain text', () => {
  it('carries the term, the report sentence, the report and every reference', () => {
    expect(citationOf({ entry: farmland, source: SOURCE_DOCUMENT }).text).toBe(
      [
        '高标准农田（High-standard farmland）：旱涝保收、高产稳产的农田。',
        '报告原句：“落实最严格的耕地保护制度,建成高标准农田8万亩,筑牢粮食安全底线。”',
        '出处：《桓台县2022年政府工作报告》，大众日报，2022-01-17',
        '参考资料：',
        '1. 中国政府网：《中共中央、国务院印发〈乡村振兴战略规划（2018—2022年）〉》，2018-09-26，https://www.gov.cn/zhengce/2018-09/26/content_5325534.htm',
        '2. 农业农村部：《高标准农田建设通则》，http://www.moa.gov.cn/farmland.html',
      ].join('\n'),
    );
  });

  it('nests the report’s own quote marks, and leaves out the references heading when there are none', () => {
    const entry = { ...farmland, quotes: ['做大做强“中国膜谷”,着力打造国际一流高端膜产业基地。'], references: [] };
    const { text } = citationOf({ entry, source: SOURCE_DOCUMENT });
    expect(text).toContain('报告原句：“做大做强‘中国膜谷’,着力打造国际一流高端膜产业基地。”');
    expect(text).not.toContain('参考资料');
  });

});

describe('citationOf: the HTML', () => {
  const parse = (html: string) => {
    const document = new new Window().DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    return document.body;
  };

  it('says what the plain text says, with each reference linked', () => {
    const { text, html } = citationOf({ entry: farmland, source: SOURCE_DOCUMENT });
    const body = parse(html);
    const paragraphs = [...body.querySelectorAll('p, li')].map((element) => element.textContent);
    expect(paragraphs).toEqual(text.split('\n').map((line) => line.replace(/^\d+\. /u, '')));
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(farmland.references.map((r) => r.url));
    expect(body.querySelector('strong')?.textContent).toBe('高标准农田');
  });

  it('escapes every text, so no field can add markup or attributes', () => {
    const hostile: GlossaryEntry = {
      ...farmland,
      term: '<img src=x onerror=alert(1)>',
      english: 'A & B "quoted"',
      summary: "</p><script>alert('x')</script>",
      quotes: ['<b>粗体</b>'],
      references: [
        { title: '<i>t</i>', url: 'https://www.gov.cn/a?x=1&y="2"><script>', publisher: '<u>p</u>', date: '2022', supports: 's' },
        { title: 'js', url: 'javascript:alert(1)', publisher: 'p', supports: 's' },
      ],
    };
    const source = { title: '<em>报告</em>', publisher: 'A&B', date: '2022-01-17' };
    const { text, html } = citationOf({ entry: hostile, source });
    expect(html).not.toMatch(/<(img|script|b|i|u|em)[\s>]/u);
    const body = parse(html);
    const tags = new Set([...body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'cite', 'div', 'li', 'ol', 'p', 'strong']);
    // Every text arrives as text: what the reader sees is what the plain text says.
    expect([...body.querySelectorAll('p, li')].map((e) => e.textContent)).toEqual(text.split('\n').map((line) => line.replace(/^\d+\. /u, '')));
    // Only the http(s) URL is a link, and its href is the URL exactly, quotes and all.
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.gov.cn/a?x=1&y="2"><script>']);
    expect(links[0]?.attributes).toHaveLength(1);
  });

  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('copyCitation', () => {
  class FakeItem {
    constructor(readonly items: Record<string, Blob>) {}
  }
  const clipboardWith = (write?: (items: ClipboardItem[]) => Promise<void>) => {
    const clipboard = { writeText: vi.fn((_text: string) => Promise.resolve()), ...(write ? { write: vi.fn(write) } : {}) };
    return clipboard satisfies ClipboardLike;
  };
  const ItemCtor = FakeItem as unknown as typeof ClipboardItem;

  it('writes a citation as text/plain and text/html where the clipboard takes items', async () => {
    const citation = citationOf({ entry: farmland, source: SOURCE_DOCUMENT });
    const { text } = citation;
    const written: ClipboardItem[][] = [];
    const clipboard = clipboardWith((items) => {
      written.push(items);
      return Promise.resolve();
    });
    await copyCitation({ citation, clipboard, ClipboardItem: ItemCtor });
    expect(clipboard.writeText).not.toHaveBeenCalled();
    const blobs = (written[0]?.[0] as unknown as FakeItem).items;
    expect(Object.keys(blobs).sort()).toEqual(['text/html', 'text/plain']);
    expect(await blobs['text/plain']?.text()).toBe(text);
    expect(await blobs['text/html']?.text()).toBe(citationOf({ entry: farmland, source: SOURCE_DOCUMENT }).html);
    expect(blobs['text/html']?.type).toBe('text/html');
  });

  it('falls back to writeText without ClipboardItem, when the rich write is refused, or without clipboard.write', async () => {
    const citation = citationOf({ entry: farmland, source: SOURCE_DOCUMENT });
    const { text } = citation;
    const noItems = clipboardWith(() => Promise.resolve());
    await copyCitation({ citation, clipboard: noItems, ClipboardItem: undefined });
    expect(noItems.writeText).toHaveBeenCalledWith(text);

    const refusing = clipboardWith(() => Promise.reject(new DOMException('text/html is not allowed', 'NotAllowedError')));
    await copyCitation({ citation, clipboard: refusing, ClipboardItem: ItemCtor });
    expect(refusing.write).toHaveBeenCalledTimes(1);
    expect(refusing.writeText).toHaveBeenCalledWith(text);

    const old = clipboardWith();
    await copyCitation({ citation, clipboard: old, ClipboardItem: ItemCtor });
    expect(old.writeText).toHaveBeenCalledWith(text);
  });
});
