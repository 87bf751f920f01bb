/**
 * Every message the extension's parts exchange, declared once. Senders get types; receivers get
 * data checked against a schema before any handler sees it (a page can't forge extension
 * messages, but a stale content script from an older version can send old shapes).
 */
import { defineExtensionMessaging, type ExtensionMessage, type GetDataType, type GetReturnType } from '@webext-core/messaging';
import * as v from 'valibot';
import { MAX_ID_LENGTH } from '../glossary/categories';
import type { GlossaryEntry, TraditionalText } from '../glossary/types';

export interface PageTerms {
  url: string;
  /** False when the reader turned the extension off for this site (or paused it). */
  active: boolean;
  /** True until the first scan of the page has finished: the counts are not complete yet. */
  scanning: boolean;
  /** Occurrences of each painted entry id on the page (all of it, whether or not scrolled to yet). */
  counts: Record<string, number>;
  /** National and provincial terms left unpainted because the page is not about Huantai. */
  unpainted?: Record<string, number>;
}

export interface ProtocolMap {
  /** content/popup → background: full entries for the tooltip or entry view. */
  getEntries(data: { ids: string[] }): GlossaryEntry[];
  /** content → background: the card's text in Traditional characters, asked only for a card on Traditional text. */
  getTraditionalText(data: { ids: string[] }): Record<string, TraditionalText>;
  /** content → background: what a frame found, for the toolbar badge. */
  reportPageTerms(data: { pageId: string; counts: Record<string, number> }): { distinct: number };
  /** popup → background: what every frame of a tab reported (the top frame alone misses iframes). */
  getTabTerms(data: { tabId: number }): Record<string, number> | null;
  /** popup → content (top frame): the terms on the page. */
  getPageTerms(data: Record<string, never>): PageTerms;
  /**
   * popup / side panel → content: scroll to the first occurrence of an entry and flash it, or, with
   * `card` (the side panel), open its card there instead.
   */
  revealTerm(data: { id: string; card?: boolean }): boolean;
  /** side panel → content (top frame): the painted entries' ids in order of first occurrence in the document. */
  getTermOrder(data: Record<string, never>): string[];
  /** background → extension pages (the side panel): a frame of this tab reported new counts. */
  pageTermsChanged(data: { tabId: number }): void;
  /** background → content (top frame), from the keyboard commands: go to the next/previous term. */
  moveToTerm(data: { direction: 'next' | 'previous' }): boolean;
  /** content → background: open an entry in the glossary page (content scripts cannot open extension pages). */
  openGlossary(data: { id: string }): void;
}

const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/), v.maxLength(MAX_ID_LENGTH));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const counts = v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0)));

const DATA_SCHEMAS: { [K in keyof ProtocolMap]: v.GenericSchema<GetDataType<ProtocolMap[K]>> } = {
  getEntries: v.object({ ids: v.pipe(v.array(id), v.maxLength(1000)) }),
  getTraditionalText: v.object({ ids: v.pipe(v.array(id), v.maxLength(1000)) }),
  reportPageTerms: v.object({ pageId: v.pipe(v.string(), v.maxLength(64)), counts }),
  getPageTerms: v.object({}) as v.GenericSchema<Record<string, never>>,
  revealTerm: v.object({ id, card: v.optional(v.boolean()) }),
  getTermOrder: v.object({}) as v.GenericSchema<Record<string, never>>,
  getTabTerms: v.object({ tabId }),
  pageTermsChanged: v.object({ tabId }),
  moveToTerm: v.object({ direction: v.picklist(['next', 'previous']) }),
  openGlossary: v.object({ id }),
};

const messenger = defineExtensionMessaging<ProtocolMap>();

export const { sendMessage } = messenger;

export interface Arrival<K extends keyof ProtocolMap> {
  data: GetDataType<ProtocolMap[K]>;
  sender: ExtensionMessage['sender'];
}

/** Registers a handler that only ever sees data that passed the message's schema. */
export function handleMessage<K extends keyof ProtocolMap>(
  type: K,
  handler: (arrival: Arrival<K>) => GetReturnType<ProtocolMap[K]> | Promise<GetReturnType<ProtocolMap[K]>>,
): () => void {
  return messenger.onMessage(type, (message) => {
    const parsed = v.safeParse(DATA_SCHEMAS[type], message.data);
    if (!parsed.success) {
      throw new Error(`Rejected "${String(type)}" message: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? 'data'}: ${i.message}`).join('; ')}`);
    }
    return handler({ data: parsed.output, sender: message.sender });
  });
}
