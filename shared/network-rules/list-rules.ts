import { compareStrings } from '../list/list-entry';
import { entryCount, expressionAt, metaAt, type PackedList } from '../list/packed-list';
import { PRIORITY, type NetworkRule, type RuleBody } from './network-rule';
import { rulesForExpressions } from './rules-for-expressions';

/** How much of a list the network rules enforce; the rest only the background's check does. */
export interface RuleCoverage {
  hosts: number;
  paths: number;
  unexpressed: number;
  /** Up to 10 expressions the rules leave to the background, to say which kinds they are. */
  unexpressedExamples: string[];
}

const isAllow = (list: PackedList, i: number) => (metaAt(list, i) & 1) === 1;

function split(list: PackedList): { blocks: string[]; allows: string[] } {
  const blocks: string[] = [];
  const allows: string[] = [];
  for (let i = 0; i < entryCount(list); i++) {
    (isAllow(list, i) ? allows : blocks).push(expressionAt(list, i));
  }
  return { blocks, allows };
}

function coverage(parts: ReturnType<typeof rulesForExpressions>[]): RuleCoverage {
  const unexpressed = parts.flatMap((p) => p.unexpressed);
  return {
    hosts: parts.reduce((n, p) => n + p.hostCount, 0),
    paths: parts.reduce((n, p) => n + p.pathCount, 0),
    unexpressed: unexpressed.length,
    unexpressedExamples: unexpressed.slice(0, 10),
  };
}

/**
 * The bundled starter list as a static ruleset, compiled at build time beside the list
 * itself: its blocks at the lowest priority, its allowlist above every list block.
 */
export function starterRuleset(starter: PackedList): {
  rules: NetworkRule[];
  coverage: RuleCoverage;
} {
  const { blocks, allows } = split(starter);
  const parts = [
    rulesForExpressions(blocks, 'block', PRIORITY.starterBlock),
    rulesForExpressions(allows, 'allow', PRIORITY.allow),
  ];
  const rules = parts.flatMap((p) => p.rules).map((rule, i) => ({ id: i + 1, ...rule }));
  return { rules, coverage: coverage(parts) };
}

/** Limits on the dynamic rules a list may take (Chromium: 30,000 rules; big host sets are slow). */
export interface DynamicLimits {
  maxHosts: number;
  maxPathRules: number;
}

/**
 * The dynamic rules that turn the starter ruleset into `current`: blocks `current` added,
 * allows for starter blocks it removed (the static rules cannot be edited one host at a
 * time), and allowlist entries it added. Both lists are walked once in their canonical
 * order, so a million entries cost one pass and no index.
 */
export function listDiffRules(
  starter: PackedList,
  current: PackedList,
  limits: DynamicLimits,
): { rules: RuleBody[]; coverage: RuleCoverage } {
  const added: string[] = [];
  const removed: string[] = [];
  const addedAllows: string[] = [];
  const n = entryCount(starter);
  const m = entryCount(current);
  let i = 0;
  let j = 0;
  const take = (list: PackedList, k: number, blocks: string[], allows: string[] | null) => {
    if (!isAllow(list, k)) blocks.push(expressionAt(list, k));
    else allows?.push(expressionAt(list, k));
  };
  while (i < n || j < m) {
    let order: number;
    if (i === n) order = 1;
    else if (j === m) order = -1;
    else if (starter.keysHi[i] !== current.keysHi[j])
      order = starter.keysHi[i]! - current.keysHi[j]!;
    else order = compareStrings(expressionAt(starter, i), expressionAt(current, j));
    if (order < 0) take(starter, i++, removed, null);
    else if (order > 0) take(current, j++, added, addedAllows);
    else {
      const was = isAllow(starter, i++);
      const now = isAllow(current, j);
      if (was !== now) {
        if (!was) removed.push(expressionAt(current, j));
        take(current, j, added, addedAllows);
      }
      j++;
    }
  }
  // Unblocks and allows first: a removed entry the rules cannot lift leaves a site
  // unreachable, while an added block the rules cannot hold is still caught by the
  // background's own check. Lists this far from the starter wait for an extension update.
  const left = (used: number, max: number) => Math.max(0, max - used);
  const unblocks = rulesForExpressions(removed, 'allow', PRIORITY.removedBlock, limits);
  const allows = rulesForExpressions(addedAllows, 'allow', PRIORITY.allow, {
    maxHosts: left(unblocks.hostCount, limits.maxHosts),
    maxPathRules: left(unblocks.pathCount, limits.maxPathRules),
  });
  const blocks = rulesForExpressions(added, 'block', PRIORITY.addedBlock, {
    maxHosts: left(unblocks.hostCount + allows.hostCount, limits.maxHosts),
    maxPathRules: left(unblocks.pathCount + allows.pathCount, limits.maxPathRules),
  });
  const parts = [unblocks, allows, blocks];
  return { rules: parts.flatMap((p) => p.rules), coverage: coverage(parts) };
}
