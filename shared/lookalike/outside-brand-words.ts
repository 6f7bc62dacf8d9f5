import type { ProtectedName } from './protected-names';

/**
 * The host with the brand's `wordsContaining` taken out ("revolutionbank.com" → "-bank.com"
 * for Revolut), or null when none occurs in it. A hit that does not survive on the result was
 * only ever the name inside an ordinary word: "opensearch.org" is not OpenSea.
 */
export function outsideBrandWords(host: string, brand: ProtectedName): string | null {
  const words = brand.wordsContaining;
  if (!words) return null;
  let rest = host;
  // A hyphen keeps the label a valid host piece and joins to nothing, so "revolutionary"
  // cannot leave a stray "ary" glued to whatever stood next to it.
  for (const word of words) rest = rest.split(word).join('-');
  return rest === host ? null : rest.replace(/(^|\.)-+|-+(\.|$)/g, '$1x$2');
}
