import { createLookalikeDetector, parseProtectedNames } from '../../shared/lookalike';
import type { LookalikeFinding } from '../../shared/verdict';
import type { ListHolder } from './active-list';
import type { LookalikeCheck } from './protection';

/**
 * The look-alike detector for the active list: the protected names ship inside the list,
 * so the detector is rebuilt (once) whenever a new list version becomes active. A list
 * without usable names simply disables the check; it never blocks navigation.
 */
export function createLookalikeCheck(lists: ListHolder): () => LookalikeCheck | null {
  let cached: { version: number; check: LookalikeCheck | null } | null = null;
  return () => {
    const list = lists.current();
    if (!list) return null;
    if (cached?.version !== list.version)
      cached = { version: list.version, check: build(list.metadata) };
    return cached.check;
  };
}

function build(metadata: Record<string, unknown>): LookalikeCheck | null {
  try {
    const detector = createLookalikeDetector({
      protectedNames: parseProtectedNames(metadata.protectedNames),
    });
    return {
      check(url): LookalikeFinding | null {
        const found = detector.check(url);
        if (!found) return null;
        return {
          technique: found.technique,
          brandName: found.brand.name.en,
          ...(found.brand.name.zh ? { brandNameZh: found.brand.name.zh } : {}),
          brandDomain: found.brand.domain,
        };
      },
    };
  } catch (error) {
    console.warn('the list carries no usable protected names; look-alike check off', error);
    return null;
  }
}
