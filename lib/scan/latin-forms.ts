/**
 * Forms without a Chinese character (GDP, the alias of 地区生产总值) stand only in Chinese text:
 * on an English page "GDP" is not a term of a Chinese county's report (en-wikipedia got six
 * underlines). A match of such a form is kept when a Chinese character stands within NEAR chars of
 * it, in the same run (a run separator ends the look).
 */
import type { MatchBatch } from './matcher';
import { SEPARATOR } from './normalize';

const NEAR = 24;
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);

function isHanCode(code: number): boolean {
  // CJK ideographs, extension A, compatibility ideographs; a high surrogate stands for the SIP planes.
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

function holdsHan({ text, from, to }: { text: string; from: number; to: number }): boolean {
  for (let i = from; i < to; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}

function hanNear({ text, start, end }: { text: string; start: number; end: number }): boolean {
  for (let i = start - 1; i >= Math.max(0, start - NEAR); i--) {
    const code = text.charCodeAt(i);
    if (code === SEPARATOR_CODE) break;
    if (isHanCode(code)) return true;
  }
  for (let i = end; i < Math.min(text.length, end + NEAR); i++) {
    const code = text.charCodeAt(i);
    if (code === SEPARATOR_CODE) break;
    if (isHanCode(code)) return true;
  }
  return false;
}

/** Drops, in place, the batch's Latin-only matches that stand in no Chinese text. */
export function keepLatinInChinese({ batch, text }: { batch: MatchBatch; text: string }): MatchBatch {
  const { data } = batch;
  let kept = 0;
  for (let m = 0; m < batch.count; m++) {
    const start = data[3 * m] as number;
    const end = data[3 * m + 1] as number;
    if (!holdsHan({ text, from: start, to: end }) && !hanNear({ text, start, end })) continue;
    if (kept !== m) data.copyWithin(3 * kept, 3 * m, 3 * m + 3);
    kept++;
  }
  return { count: kept, data };
}
