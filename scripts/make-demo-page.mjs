// Lays the report out as the news article it was (tests/fixtures/demo/article.html), so the demo
// and the tests see the terms the way readers meet them: in paragraphs, under a headline, beside
// a sidebar and a comment box. Run again when data/source changes; the page is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './serve.mjs';

const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const report = readFileSync(join(PROJECT_ROOT, 'data/source/huantai-2022-report-news.txt'), 'utf8');
const lines = report.split('\n').map((l) => l.trim());
// The source breaks 跨境电商 and one sentence across blank lines mid-word: rejoin lines that do
// not end a sentence, keeping the break as a <br> inside the paragraph, as some sites do.
const paragraphs = [];
for (const line of lines) {
  if (!line) continue;
  const previous = paragraphs[paragraphs.length - 1];
  if (previous && !/[。！？”]$/.test(previous.text) && !previous.heading && /^[^\s]/.test(line) && previous.text.length > 40) {
    previous.text += '\n' + line;
  } else paragraphs.push({ text: line, heading: line.length < 40 && !/[。]$/.test(line) });
}
const [headline, ...rest] = paragraphs;
const tail = rest.findIndex((p) => p.text.startsWith('大众日报淄博融媒体中心记者'));
const body = rest.slice(0, tail);
const byline = rest[tail]?.text ?? '';

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(headline.text)} - 大众日报 (Huantai Lens demo)</title>
<style>
  body { margin: 0; font: 17px/1.9 "Noto Serif CJK SC", "Songti SC", serif; color: #222; background: #f6f4ef; }
  .masthead { background: #9b1c1c; color: #fff; padding: 10px 24px; font: 600 20px/1.4 sans-serif; }
  .masthead nav { font: 14px sans-serif; opacity: .9; }
  .layout { display: grid; grid-template-columns: minmax(0, 720px) 260px; gap: 32px; max-width: 1040px; margin: 24px auto; padding: 0 16px; }
  article { background: #fff; padding: 24px 32px; border-radius: 4px; }
  h1 { font: 700 28px/1.4 sans-serif; margin: 0 0 8px; }
  .meta { color: #777; font: 13px sans-serif; margin-bottom: 20px; }
  h2 { font: 700 19px/1.5 sans-serif; margin: 28px 0 8px; color: #7b1515; }
  p { text-indent: 2em; margin: 0 0 14px; }
  aside { font: 14px/1.7 sans-serif; }
  aside section { background: #fff; padding: 12px 16px; border-radius: 4px; margin-bottom: 16px; }
  footer { text-align: center; color: #888; font: 12px sans-serif; padding: 24px; }
  textarea { width: 100%; min-height: 60px; }
  @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header class="masthead">大众日报 · 淄博
  <nav><a style="color:#fff" href="#">首页</a> · <a style="color:#fff" href="#">淄博</a> · <a style="color:#fff" href="#">桓台</a></nav>
</header>
<div class="layout">
<article id="article">
<h1>${escape(headline.text)}</h1>
<div class="meta">2022-01-17 · ${escape(byline)}</div>
${body
  .map((p) => (p.heading ? `<h2>${escape(p.text)}</h2>` : `<p>${p.text.split('\n').map(escape).join('<br>')}</p>`))
  .join('\n')}
</article>
<aside>
<section><h3>相关阅读</h3><ul><li>淄博市政府工作报告全文</li><li>桓台县第十九届人民代表大会第一次会议开幕</li></ul></section>
<section><h3>网友评论</h3><label>发表评论<textarea id="comment">我想了解“两高”项目和中国膜谷</textarea></label></section>
</aside>
</div>
<footer>Huantai Lens demo page: the text is the 大众日报 report of 2022-01-17, laid out as an article.</footer>
</body>
</html>
`;
writeFileSync(join(PROJECT_ROOT, 'tests/fixtures/demo/article.html'), html);
console.log('wrote tests/fixtures/demo/article.html');
