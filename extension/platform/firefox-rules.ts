/**
 * Resource types Chrome's declarativeNetRequest knows and Firefox's does not: Firefox
 * refuses a whole updateDynamicRules call, and skips a static rule, that names one.
 * Firefox has no WebTransport or Web Bundles to block, so nothing is lost by leaving them out.
 */
const UNKNOWN_TO_FIREFOX: ReadonlySet<string> = new Set(['webtransport', 'webbundle']);

/** A rule as Firefox accepts it: the same rule without the resource types it lacks. */
export function firefoxRule<R extends { condition: { resourceTypes?: readonly string[] } }>(
  rule: R,
): R {
  const { resourceTypes } = rule.condition;
  if (!resourceTypes?.some((type) => UNKNOWN_TO_FIREFOX.has(type))) return rule;
  const kept = resourceTypes.filter((type) => !UNKNOWN_TO_FIREFOX.has(type));
  return { ...rule, condition: { ...rule.condition, resourceTypes: kept } };
}
