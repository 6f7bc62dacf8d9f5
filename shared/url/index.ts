export { canonicalize, canonicalHost } from './canonicalize';
export { urlExpressions } from './url-expressions';
