import {
  ALL_RESOURCE_TYPES,
  DOMAINS_PER_RULE,
  type RuleAction,
  type RuleBody,
} from './network-rule';

/** What the network rules can say of a set of list expressions, and what they cannot. */
export interface ExpressedRules {
  rules: RuleBody[];
  /** Hosts covered by `requestDomains` rules. */
  hostCount: number;
  /** Host+path prefixes and single URLs, one `regexFilter` rule each. */
  pathCount: number;
  /** Expressions no rule can state: enforced by the background's own check only. */
  unexpressed: string[];
}

// requestDomains takes lower-case ASCII host names (IDNs in punycode), IPv4 addresses
// included; browsers resolve labels with `_` too, and scam hosts use them.
const HOST = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
const PRINTABLE_PATH = /^\/[\x21-\x7e]*$/;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The regexFilter for one host+path expression: `host/dir/` is a prefix of every URL below
 * it, `host/page.html` is that page with any query, `host/page?x=1` is that URL exactly,
 * and a site key `host/view/name` is that path and everything under it. The host matches
 * with its subdomains and any port, as the list's host suffixes do. (A urlFilter cannot
 * say "any port" without also matching other hosts, hence a regex.) Null when no filter
 * can say it.
 */
export function pathRegex(expression: string): string | null {
  const slash = expression.indexOf('/');
  const host = expression.slice(0, slash);
  const path = expression.slice(slash);
  if (!HOST.test(host) || !PRINTABLE_PATH.test(path)) return null;
  const end = path.endsWith('/') ? '' : path.includes('?') ? '(#|$)' : '([/?#]|$)';
  return `^https?://([^/?#]*\\.)?${escapeRegex(host)}(:[0-9]+)?${escapeRegex(path)}${end}`;
}

/**
 * Turns list expressions into rules of one action and priority: hosts grouped into
 * `requestDomains` rules of up to DOMAINS_PER_RULE each (one rule serves tens of
 * thousands of hosts), host+path expressions one `regexFilter` rule each, up to
 * `maxPathRules` (browsers allow an extension 1,000 regex rules in all).
 */
export function rulesForExpressions(
  expressions: Iterable<string>,
  action: RuleAction,
  priority: number,
  options: { maxHosts?: number; maxPathRules?: number } = {},
): ExpressedRules {
  const maxHosts = options.maxHosts ?? Infinity;
  const maxPathRules = options.maxPathRules ?? Infinity;
  const hosts: string[] = [];
  const rules: RuleBody[] = [];
  const unexpressed: string[] = [];
  let pathCount = 0;
  const resourceTypes = [...ALL_RESOURCE_TYPES];
  for (const expression of expressions) {
    const slash = expression.indexOf('/');
    if (slash === expression.length - 1) {
      const host = expression.slice(0, slash);
      if (HOST.test(host) && hosts.length < maxHosts) hosts.push(host);
      else unexpressed.push(expression);
      continue;
    }
    const regexFilter = slash > 0 ? pathRegex(expression) : null;
    if (regexFilter && pathCount < maxPathRules) {
      pathCount++;
      rules.push({ priority, action: { type: action }, condition: { regexFilter, resourceTypes } });
    } else {
      unexpressed.push(expression);
    }
  }
  for (let i = 0; i < hosts.length; i += DOMAINS_PER_RULE) {
    rules.push({
      priority,
      action: { type: action },
      condition: { requestDomains: hosts.slice(i, i + DOMAINS_PER_RULE), resourceTypes },
    });
  }
  return { rules, hostCount: hosts.length, pathCount, unexpressed };
}
