import type { LookalikeTechnique } from './find-lookalike';

export interface ReasonBrand {
  readonly name: { readonly en: string; readonly zh?: string };
  readonly domain: string;
}

/**
 * The plain-language reason in English and Simplified Chinese. The extension's pages localise
 * from `technique` and the brand names through _locales; these strings serve the CLI, the
 * bench and logs, and show the wording the locales should keep.
 */
export function lookalikeReason(
  technique: LookalikeTechnique,
  brand: ReasonBrand,
): { en: string; zh: string } {
  const en = `${brand.name.en} (${brand.domain})`;
  const zh = `${brand.name.zh ?? brand.name.en}（${brand.domain}）`;
  switch (technique) {
    case 'homoglyph':
      return {
        en: `This site's address copies ${en} with look-alike letters, but it is a different site.`,
        zh: `这个网址用形似的字母冒充${zh}，但它是另一个网站。`,
      };
    case 'typo':
      return {
        en: `This site looks like ${en} but is a different site.`,
        zh: `这个网站看起来像${zh}，但它是另一个网站。`,
      };
    case 'combosquat':
      return {
        en: `This site adds words to the name of ${en}, but it is not run by them.`,
        zh: `这个网址在${zh}的名字上加了别的词，但它不是${brand.name.zh ?? brand.name.en}的网站。`,
      };
    case 'embedded-brand':
      return {
        en: `This site puts ${en} in its address, but it belongs to someone else.`,
        zh: `这个网址里带有${zh}，但网站属于别人。`,
      };
    case 'government-impersonation':
      return {
        en: `This site pretends to be ${en}, a government body, but it is not a government site.`,
        zh: `这个网站冒充政府机关${zh}，但它不是政府网站。`,
      };
  }
}
