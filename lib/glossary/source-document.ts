/** The document the whole glossary comes from, as citations name it. */
import type { SourceDocument } from './types';

export const SOURCE_DOCUMENT: SourceDocument = {
  title: '桓台县2022年政府工作报告',
  publisher: '大众日报',
  date: '2022-01-17',
};
