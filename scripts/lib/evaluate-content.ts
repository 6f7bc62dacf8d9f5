import { classifyPage, CONTENT_SCENARIOS, type ContentModel } from '../../shared/content';
import type { CorpusSample } from './content-corpus';

/**
 * Detection figures on a set of labelled pages: per scenario, precision (of the pages named
 * as that scenario, how many were) and recall (of that scenario's pages, how many were named
 * as it); the false-positive rate on hard negatives and on ordinary pages; and, over all
 * scams, how many were warned about at all (whatever scenario was named).
 */
export function evaluateContent(
  samples: readonly CorpusSample[],
  model: ContentModel | null,
  prefix = 'content',
): Record<string, number> {
  const out: Record<string, number> = {};
  const verdicts = samples.map((s) => ({ s, v: classifyPage(s.page, { model }) }));
  for (const scenario of CONTENT_SCENARIOS) {
    const named = verdicts.filter(({ v }) => v.suspicious && v.scenario === scenario);
    const actual = verdicts.filter(({ s }) => s.label === scenario);
    const right = named.filter(({ s }) => s.label === scenario).length;
    out[`${prefix}_${scenario}_precision`] = named.length ? right / named.length : 1;
    out[`${prefix}_${scenario}_recall`] = actual.length ? right / actual.length : 1;
    // The counts behind the two rates, so their resolution shows (1 of 4 pages is 25 points).
    out[`${prefix}_${scenario}_pages`] = actual.length;
    out[`${prefix}_${scenario}_named`] = named.length;
  }
  const scams = verdicts.filter(({ s }) => s.label !== 'benign');
  const hard = verdicts.filter(({ s }) => s.label === 'benign' && s.kind !== 'ordinary');
  const ordinary = verdicts.filter(({ s }) => s.kind === 'ordinary');
  const rate = (xs: typeof verdicts): number =>
    xs.length ? xs.filter(({ v }) => v.suspicious).length / xs.length : 0;
  out[`${prefix}_scam_warned_rate`] = rate(scams);
  out[`${prefix}_scam_pages`] = scams.length;
  out[`${prefix}_hard_negative_fp_rate`] = rate(hard);
  out[`${prefix}_hard_negative_pages`] = hard.length;
  out[`${prefix}_ordinary_fp_rate`] = rate(ordinary);
  out[`${prefix}_ordinary_pages`] = ordinary.length;
  return out;
}
