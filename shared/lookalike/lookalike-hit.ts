import type { ProtectedName } from './protected-names';

export type LookalikeTechnique =
  'homoglyph' | 'typo' | 'combosquat' | 'embedded-brand' | 'government-impersonation';

export interface LookalikeHit {
  readonly technique: LookalikeTechnique;
  readonly brand: ProtectedName;
  readonly matched: string;
}

/**
 * A rule's finding. Whatever the technique, a government body's name makes it government
 * impersonation: for the person reading the warning, "this pretends to be the police" matters
 * more than whether it did so with a typo or a hyphen.
 */
export function lookalikeHit(
  technique: LookalikeTechnique,
  brand: ProtectedName,
  matched: string,
): LookalikeHit {
  return {
    technique: brand.kind === 'government' ? 'government-impersonation' : technique,
    brand,
    matched,
  };
}
