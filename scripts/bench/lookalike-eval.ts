import { readFileSync } from 'node:fs';
import type { LookalikeDetector } from '../../shared/lookalike/index';

/**
 * The labelled evaluation set in data/lookalike-eval/ (its README says where each part comes
 * from and how it was labelled): real phishing-feed hosts that imitate a protected brand, and
 * real legitimate domains one or two edits from one. Each row carries a fixed split; the detector
 * is tuned on `tune` only, and `heldout` is the figure that counts.
 */
const DIR = new URL('../../data/lookalike-eval/', import.meta.url);

interface Row {
  readonly host: string;
  readonly split: string;
}

function readTsv(name: string, hostColumn: string): Row[] {
  const [header, ...lines] = readFileSync(new URL(name, DIR), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  const host = columns.indexOf(hostColumn);
  const split = columns.indexOf('split');
  return lines.map((l) => {
    const cells = l.split('\t');
    return { host: cells[host]!, split: cells[split]! };
  });
}

function share(
  detector: LookalikeDetector,
  rows: readonly Row[],
  verbose?: 'miss' | 'alarm',
): number {
  const hit = rows.filter((r) => {
    const flagged = detector.check(r.host) !== null;
    // Only tune rows are listed: held-out rows are counted, never shown, so that nobody tunes
    // a rule on them.
    if (
      verbose &&
      process.env.LOOKALIKE_BENCH_VERBOSE &&
      r.split === 'tune' &&
      flagged === (verbose === 'alarm')
    ) {
      console.error(`${verbose} ${r.split} ${r.host}`);
    }
    return flagged;
  });
  return hit.length / rows.length;
}

/**
 * Every held-out host and domain of the set, for listings elsewhere in the bench to leave out:
 * the benign list is one of the near-misses' sources, so its alarms would show held-out rows.
 */
export function heldoutHosts(): ReadonlySet<string> {
  const rows = [...readTsv('phishing.tsv', 'host'), ...readTsv('near-misses.tsv', 'domain')];
  return new Set(rows.filter((r) => r.split === 'heldout').map((r) => r.host));
}

/** The hosts of the second tune set a person labelled as imitations (`review-tune-2.tsv`). */
function labelledByHand(): ReadonlySet<string> {
  const [, ...lines] = readFileSync(new URL('review-tune-2.tsv', DIR), 'utf8').trim().split('\n');
  const rows = lines.map((l) => l.split('\t'));
  return new Set(rows.filter(([, label]) => label !== '-' && label !== '?').map(([host]) => host!));
}

export function runLookalikeEval(detector: LookalikeDetector): Record<string, number> {
  const phishing = readTsv('phishing.tsv', 'host');
  const near = readTsv('near-misses.tsv', 'domain');
  const heldout = phishing.filter((r) => r.split === 'heldout');
  const tune = phishing.filter((r) => r.split === 'tune');
  const tune2 = readTsv('phishing-tune-2.tsv', 'host');
  const hand = labelledByHand();
  const tune2Hand = tune2.filter((r) => hand.has(r.host));
  return {
    lookalikeRealHeldout: heldout.length,
    lookalikeRecallRealHeldout: share(detector, heldout, 'miss'),
    lookalikeRealTune: tune.length,
    lookalikeRecallRealTune: share(detector, tune, 'miss'),
    // Fresh hosts of the same feeds, for tuning the next rules without reading held-out misses.
    lookalikeRealTune2: tune2.length,
    lookalikeRecallRealTune2: share(detector, tune2, 'miss'),
    // The part the script could not decide and a person did: where the hard misses are.
    lookalikeRealTune2Hand: tune2Hand.length,
    lookalikeRecallRealTune2Hand: share(detector, tune2Hand),
    lookalikeNearMisses: near.length,
    // The count as well as the rate: the JSON rounds to three decimals, too coarse for ≤ 1%.
    lookalikeFalseAlarmsNearMiss: Math.round(share(detector, near) * near.length),
    lookalikeFalseAlarmRateNearMiss: share(detector, near, 'alarm'),
    lookalikeFalseAlarmRateNearMissTune: share(
      detector,
      near.filter((r) => r.split === 'tune'),
      'alarm',
    ),
    lookalikeFalseAlarmRateNearMissHeldout: share(
      detector,
      near.filter((r) => r.split === 'heldout'),
      'alarm',
    ),
  };
}
