/**
 * The glossary's fixed vocabulary, kept apart from the valibot schemas so that the content script
 * and the pages can import it without bundling the schemas (which only the build needs).
 */
/** The report's six areas of work, plus its overall targets and headline slogans. */
export const CATEGORIES = {
  overall: { zh: '总体目标', en: 'Overall targets' },
  industry: { zh: '产业转型发展', en: 'Industrial transformation' },
  momentum: { zh: '新旧动能转换', en: 'New growth drivers' },
  rural: { zh: '乡村全面振兴', en: 'Rural revitalisation' },
  city: { zh: '打造“五好城市”', en: 'A better city' },
  ecology: { zh: '美丽桓台建设', en: 'Ecology and low carbon' },
  livelihood: { zh: '促进共同富裕', en: "People's livelihood" },
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];

/** How a target's value relates to the number: 6%以上, 4.5%以下, 突破100家, 力争… */
export const COMPARATORS = ['', '以上', '左右', '低于', '突破', '力争', '力争以上', '力争突破', '实现'] as const;

/** Shared by the glossary schema and the message protocol, which checks ids on arrival. */
export const MAX_ID_LENGTH = 160;

/**
 * Whose term it is. County and city terms are Huantai's and 淄博's own, explained wherever they appear;
 * province and national terms are painted only where the page is about Huantai (or the reader asks).
 */
export const SCOPES = ['county', 'city', 'province', 'national'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The colour each area's terms are underlined in on pages (public/highlights.css,
 * which a unit test holds to these), for the legend that names them.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  overall: '#c0392b',
  industry: '#d35400',
  momentum: '#8e44ad',
  rural: '#27ae60',
  city: '#2980b9',
  ecology: '#16a085',
  livelihood: '#b7950b',
};

/** The quiet grey of national and provincial terms on a page about another place (highlights.css). */
export const QUIET_COLOUR = 'rgba(110, 110, 110, 0.7)';
