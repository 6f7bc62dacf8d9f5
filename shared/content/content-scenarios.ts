import type { Category } from '../categories';

/**
 * The scams the content check names. The first seven are the product's scam categories (the
 * warning page already explains each); `tech-support` is the scareware page ("your computer
 * is infected, call support"), which the list knows only as malware.
 */
export const CONTENT_SCENARIOS = [
  'police-impersonation',
  'fake-refund',
  'credit-loan',
  'investment-romance',
  'gambling',
  'paid-tasks',
  'phishing',
  'tech-support',
] as const;

export type ContentScenario = (typeof CONTENT_SCENARIOS)[number];

/** What the model predicts: a scenario, or an ordinary page. */
export const CONTENT_CLASSES = [...CONTENT_SCENARIOS, 'benign'] as const;
export type ContentClass = (typeof CONTENT_CLASSES)[number];

export function isContentScenario(value: unknown): value is ContentScenario {
  return typeof value === 'string' && (CONTENT_SCENARIOS as readonly string[]).includes(value);
}

/** The list category a scenario is shown and counted as. */
export function scenarioCategory(scenario: ContentScenario): Category {
  return scenario === 'tech-support' ? 'malware' : scenario;
}
