/**
 * The shape of the hand-written glossary files in data/glossary/*.json.
 * Validated at build time (scripts/glossary/compile.ts, with the source policy of scripts/glossary/source-policy.ts)
 * so the extension trusts it inside.
 */
import * as v from 'valibot';
import { CATEGORIES, COMPARATORS, MAX_ID_LENGTH, SCOPES, type Category } from './categories';

export { CATEGORIES, CATEGORY_IDS, COMPARATORS, MAX_ID_LENGTH, SCOPES, type Category, type Scope } from './categories';

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case ascii words joined by "-"'),
  v.maxLength(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`),
);

/** YYYY, YYYY-MM or YYYY-MM-DD, with a real month and day of month. */
const partialDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const ReferenceSchema = v.strictObject({
  /** The page's own title (a 转发/转载 note in brackets when the page reposts another's text). */
  title: nonEmpty,
  /** Where the page is; its host decides whether it is a primary source (data/source-hosts.json). */
  url: v.pipe(v.string(), v.url('must be a full URL'), v.regex(/^https?:\/\//iu, 'must be an http(s) URL')),
  /** Who published the page: 国务院, 生态环境部, 新华网, 大众日报 … */
  publisher: nonEmpty,
  /** The page's own date, only when it states one; never guessed. */
  date: v.optional(partialDate),
  /** The fact of the entry this reference backs, in the entry's words. */
  supports: nonEmpty,
});

export const SenseRulesSchema = v.strictObject({
  /** What this sense is, for a reader (e.g. 高耗能、高排放). */
  meaning: nonEmpty,
  /** The other sense(s) the detector must not explain. */
  otherSense: nonEmpty,
  /** Words near the term that mean the other sense: the match is skipped. */
  skipWhenNear: v.pipe(v.array(nonEmpty), v.minLength(1, 'list at least one context word')),
  /** Words near the term that confirm this sense (they win over skipWhenNear). */
  keepWhenNear: v.optional(v.array(nonEmpty), []),
});

export const EntrySchema = v.strictObject({
  id,
  /** The term exactly as the report writes it (without its quote marks). */
  term: nonEmpty,
  /** Other names: abbreviations, Traditional-script forms, full names. Matched on pages too. */
  aliases: v.optional(v.array(nonEmpty), []),
  /** English name, shown in the tooltip and searchable (not matched on pages). */
  english: nonEmpty,
  /** Tone-marked pinyin when the generator gets a polyphone wrong, syllables separated by spaces. */
  pinyin: v.optional(nonEmpty),
  /** Whose term it is: Huantai's own, 淄博's, 山东's, or national (a policy or a general term). */
  scope: v.picklist(SCOPES, 'must be one of ' + SCOPES.join(', ')),
  /** Who set the term and whom it binds; for Huantai's use of a wider policy, says so. */
  scopeNote: nonEmpty,
  /** For city/province/national terms only: what Huantai's report does with it (the card's 桓台 2022 block). */
  localUse: v.optional(nonEmpty),
  /** One English sentence, shown under the Chinese summary in the English interface. */
  summaryEn: nonEmpty,
  /**
   * Why a reference outside the primary-source list (data/source-hosts.json) is kept, and what it is
   * used for. Required as soon as one reference is not primary: the build refuses the entry without it.
   */
  sourceNote: v.optional(nonEmpty),
  category: v.picklist(Object.keys(CATEGORIES) as Category[], 'must be one of ' + Object.keys(CATEGORIES).join(', ')),
  summary: nonEmpty,
  explanation: nonEmpty,
  /** Sentences of the report quoting the term, verbatim (whitespace may differ). */
  quotes: v.pipe(v.array(nonEmpty), v.minLength(1, 'quote at least one report sentence')),
  related: v.optional(v.array(id), []),
  references: v.optional(v.array(ReferenceSchema), []),
  /** Only for ambiguous short terms (两高). */
  sense: v.optional(SenseRulesSchema),
});

export const TargetSchema = v.strictObject({
  id,
  /** What is measured, in the report's words: 地区生产总值增长, 建成高标准农田. */
  indicator: nonEmpty,
  /** The number or state as the report writes it: 6, 9.57, 全覆盖. */
  value: nonEmpty,
  /** 万亩, %, 家, 亿元 … ('' for a state such as 全覆盖). */
  unit: v.string(),
  comparator: v.picklist(COMPARATORS),
  year: v.literal(2022),
  /** The report sentence holding the target, verbatim. */
  quote: nonEmpty,
  /** Ids of the entries the target belongs to. */
  entries: v.pipe(v.array(id), v.minLength(1, 'name at least one entry')),
});

export const GlossaryFileSchema = v.strictObject({
  entries: v.array(v.unknown()),
  targets: v.optional(v.array(v.unknown()), []),
});

export type Entry = v.InferOutput<typeof EntrySchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Reference = v.InferOutput<typeof ReferenceSchema>;
