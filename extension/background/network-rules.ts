import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import {
  ALL_RESOURCE_TYPES,
  PRIORITY,
  type RuleBody,
} from '../../shared/network-rules/network-rule';
import { pathRegex, rulesForExpressions } from '../../shared/network-rules/rules-for-expressions';
import { parseSiteKey } from '../../shared/site-key';

/**
 * The one module that writes the browser's network rules (declarativeNetRequest). The
 * browser enforces them by itself, before any request leaves and whether the worker runs
 * or not: the bundled list as a static ruleset (compiled at build time), and as dynamic
 * rules what a synced list changed and what the user blocked. Every write replaces the
 * dynamic rules in one atomic call, together with a marker rule naming the list version
 * and the personal blocks they were written for, so a worker stopped half-way leaves
 * either the old rules or the new ones, and the next start can tell which.
 */
export interface RulesState {
  listVersion: number;
  personalKeys: readonly string[];
}

export interface NetworkRules {
  /** Puts the list's rules and the personal ones in force, in one call. */
  install(state: RulesState, listRules: readonly RuleBody[]): Promise<void>;
  /** Replaces only the personal rules (the list rules stay as they are). */
  updatePersonal(state: RulesState): Promise<void>;
  /** Whether the rules in force were written for exactly this state. */
  inForceFor(state: RulesState): Promise<boolean>;
  /** "Open anyway" for one tab: lifts the site's network block in that tab, this session. */
  allowInTab(tabId: number, siteKey: string): Promise<void>;
  revokeInTab(tabId: number, siteKey?: string): Promise<void>;
}

const MARKER_ID = 1;
const PERSONAL_IDS = { first: 2, last: 2000 };
const LIST_IDS = { first: 10_000, last: 20_000 };
const PROCEED_IDS = { first: 100_000, last: 199_999 };
const MARKER_HOST = 'rules.scam-guard.invalid';

const range = ({ first, last }: { first: number; last: number }) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

export function markerFor(state: RulesState): string {
  const keys = [...state.personalKeys].sort().join('\n');
  const digest = bytesToHex(sha256(utf8ToBytes(keys))).slice(0, 16);
  return `|https://${MARKER_HOST}/list-${state.listVersion}/personal-${digest}|`;
}

/** Personal blocks as rules: hosts in one `requestDomains` rule, host+path keys one each. */
export function personalRules(keys: readonly string[]): RuleBody[] {
  const expressions = keys.map((key) => (parseSiteKey(key).path ? key : `${key}/`));
  return rulesForExpressions(expressions, 'block', PRIORITY.personalBlock).rules;
}

type Rule = DeclarativeNetRequest.Rule;

function withIds(bodies: readonly RuleBody[], ids: { first: number; last: number }): Rule[] {
  if (bodies.length > ids.last - ids.first + 1) {
    throw new Error(`${bodies.length} network rules do not fit in ${ids.first}..${ids.last}`);
  }
  return bodies.map((body, i) => ({ id: ids.first + i, ...body }) as Rule);
}

function marker(state: RulesState): Rule {
  return {
    id: MARKER_ID,
    priority: 1,
    action: { type: 'allow' },
    condition: { urlFilter: markerFor(state), resourceTypes: ['main_frame'] },
  };
}

/** The part of `browser.declarativeNetRequest` used here (a fake in unit tests). */
export type RulesApi = Pick<
  DeclarativeNetRequest.Static,
  'updateDynamicRules' | 'getDynamicRules' | 'updateSessionRules' | 'getSessionRules'
>;

export function createNetworkRules(dnr: RulesApi): NetworkRules {
  const proceedRule = (tabId: number, siteKey: string, id: number): Rule => {
    const { host, path } = parseSiteKey(siteKey);
    return {
      id,
      priority: PRIORITY.proceed,
      action: { type: 'allow' },
      condition: {
        ...(path ? { regexFilter: pathRegex(siteKey) ?? undefined } : { requestDomains: [host] }),
        tabIds: [tabId],
        resourceTypes: [...ALL_RESOURCE_TYPES] as DeclarativeNetRequest.ResourceType[],
      },
    } as Rule;
  };
  // What a proceed rule is for, read back from the rule itself: its tab and its site.
  const siteOf = (rule: Rule) =>
    rule.condition.requestDomains?.[0] ?? rule.condition.regexFilter ?? '';
  const proceedKey = (rule: Rule) => `${rule.condition.tabIds?.join()} ${siteOf(rule)}`;

  return {
    async install(state, listRules) {
      await dnr.updateDynamicRules({
        removeRuleIds: [MARKER_ID, ...range(PERSONAL_IDS), ...range(LIST_IDS)],
        addRules: [
          marker(state),
          ...withIds(personalRules(state.personalKeys), PERSONAL_IDS),
          ...withIds(listRules, LIST_IDS),
        ],
      });
    },
    async updatePersonal(state) {
      await dnr.updateDynamicRules({
        removeRuleIds: [MARKER_ID, ...range(PERSONAL_IDS)],
        addRules: [marker(state), ...withIds(personalRules(state.personalKeys), PERSONAL_IDS)],
      });
    },
    async inForceFor(state) {
      const [found] = await dnr.getDynamicRules({ ruleIds: [MARKER_ID] });
      return found?.condition.urlFilter === markerFor(state);
    },
    async allowInTab(tabId, siteKey) {
      const existing = await dnr.getSessionRules();
      const wanted = proceedRule(tabId, siteKey, 0);
      if (existing.some((rule) => proceedKey(rule) === proceedKey(wanted))) return;
      const used = new Set(existing.map((rule) => rule.id));
      let id = PROCEED_IDS.first;
      while (used.has(id)) id++;
      if (id > PROCEED_IDS.last) throw new Error('too many sites opened anyway in this session');
      await dnr.updateSessionRules({ addRules: [proceedRule(tabId, siteKey, id)] });
    },
    async revokeInTab(tabId, siteKey) {
      const existing = await dnr.getSessionRules();
      const removeRuleIds = existing
        .filter((rule) => rule.condition.tabIds?.includes(tabId))
        .filter(
          (rule) =>
            siteKey === undefined || siteOf(rule) === siteOf(proceedRule(tabId, siteKey, 0)),
        )
        .map((rule) => rule.id);
      if (removeRuleIds.length) await dnr.updateSessionRules({ removeRuleIds });
    },
  };
}
