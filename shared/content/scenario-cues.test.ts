import { describe, expect, it } from 'vitest';
import { scenarioCueCounts } from './scenario-cues';

describe('scenarioCueCounts', () => {
  it.each([
    ['delimited by dots', 'phishing'],
    ['tokenexpirederror is thrown', 'phishing'],
    ['see the repository', 'investment-romance'],
    ['learn more between the lines, likely better', 'paid-tasks'],
    ['a spinner in the courtyard', 'gambling'],
  ])('does not count a Latin cue inside another word: %s', (text, scenario) => {
    expect(scenarioCueCounts(text).get(scenario as never)).toBeUndefined();
  });

  it.each([
    ['our investors doubled their deposits', 'investment-romance', 2],
    ['unfreezing your loan', 'credit-loan', 2],
    ['betting odds', 'gambling', 2],
    ['top-up now', 'paid-tasks', 1],
  ])('counts a Latin cue as a word with its English endings: %s', (text, scenario, n) => {
    expect(scenarioCueCounts(text).get(scenario as never)).toBe(n);
  });

  it('counts a Chinese cue wherever it stands', () => {
    expect(scenarioCueCounts('请转入安全账户配合资金清查').get('police-impersonation')).toBe(2);
  });

  it('counts each cue once, however often it repeats', () => {
    expect(scenarioCueCounts('verify verify verified verifying').get('phishing')).toBe(1);
  });
});
