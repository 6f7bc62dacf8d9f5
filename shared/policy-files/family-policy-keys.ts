import type { Settings } from '../settings';
import type { ManagedValues } from './policy-target';

/**
 * The settings a family's policy file forces: what family mode sets up, plus how long
 * "Forgot the PIN?" waits. One list, so a setting added to family mode is added here once.
 * The list URLs stay out: a family has no reason to pin them, and a stale pin would stop
 * list updates once the publisher moves.
 */
export const FAMILY_POLICY_KEYS = [
  'strictMode',
  'familyContactName',
  'familyContactPhone',
  'hotline',
  'language',
  'largeText',
  'resetWaitHours',
] as const satisfies readonly (keyof Settings)[];

/**
 * Once this browser is paired with a relative's, the file also makes the alerts impossible
 * to unpair here: a caller cannot have them switched off before the next step.
 */
export function familyPolicyValues(
  settings: Settings,
  { alertsPaired = false }: { alertsPaired?: boolean } = {},
): ManagedValues {
  return {
    ...Object.fromEntries(FAMILY_POLICY_KEYS.map((key) => [key, settings[key]])),
    ...(alertsPaired ? { familyAlertsRequired: true } : {}),
  };
}
