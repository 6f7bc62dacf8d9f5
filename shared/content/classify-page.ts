import { classProbabilities, type ContentModel } from './content-model';
import { isContentScenario, type ContentScenario } from './content-scenarios';
import { evaluateRules, type ContentRuleId, type RuleContext } from './content-rules';
import type { PageExtract } from './page-extract';
import { pageFeatures } from './page-features';

export type ContentReason = ContentRuleId | 'model';

export interface ContentVerdict {
  readonly suspicious: boolean;
  /** The scenario to name on the warning; null when the page looks ordinary. */
  readonly scenario: ContentScenario | null;
  /** The model's probability for that scenario (0 without a model). */
  readonly score: number;
  readonly reasons: readonly ContentReason[];
}

export interface ClassifyOptions extends Partial<RuleContext> {
  /** The model from the active list; null or absent means rules only. */
  readonly model?: ContentModel | null;
}

/**
 * A checked rule decides when the model gives the page's likeliest scenario at least this
 * share of its bar: a third, so the model need not agree, only not see an ordinary page.
 */
const CHECKED_SHARE = 3;

/**
 * Judges one page. A strong rule decides alone, and a checked rule with the model's assent;
 * otherwise the model must be sure enough (`threshold`), and a supporting rule (a countdown
 * beside a payment, a task that wants money first…) lets it decide at half that. Without a
 * model only the strong and checked rules speak, so a list that lost its model can miss pages
 * but never warns on more of them.
 *
 * Form fields alone lower no bar: the model weighs each field kind itself, and a halved bar
 * for any card, ID or account field was the way most false alarms on checkouts, sign-ups and
 * bank pages went through. In five-fold cross-validation on the training split, dropping it
 * took false alarms from 20 to 12 of 178 ordinary pages and from 38 to 34 of 392 hard
 * negatives, for 7 of 308 scam pages.
 *
 * The model speaks only on a page that asks for something (a field beyond a search box) or
 * does something (a payment prompt, download, chat, countdown, lock). Words alone are what
 * manuals, release notes and program messages share with phishing ("验证", "过期", "登录",
 * "verify", "expired"); measured on such text, word-only verdicts were nearly all false.
 */
export function classifyPage(page: PageExtract, options: ClassifyOptions = {}): ContentVerdict {
  const hits = evaluateRules(page, { institutionHost: options.institutionHost ?? false });
  const ruleReasons = hits.map((h) => h.rule);

  let best: { scenario: ContentScenario; p: number } | null = null;
  const model = options.model;
  if (model) {
    const probabilities = classProbabilities(model, pageFeatures(page, model.dim));
    model.classes.forEach((c, i) => {
      const p = probabilities[i]!;
      if (isContentScenario(c) && (!best || p > best.p)) best = { scenario: c, p };
    });
  }
  const top = best as { scenario: ContentScenario; p: number } | null;
  const strong = hits.find(
    (h) =>
      h.strength === 'strong' ||
      (h.strength === 'checked' && (!model || (top?.p ?? 0) >= model.threshold / CHECKED_SHARE)),
  );

  if (strong) {
    return {
      suspicious: true,
      // A form that asks for card and code is phishing unless the words say which scam it is.
      scenario:
        strong.scenario ??
        (top && model && top.p >= model.threshold / 2 ? top.scenario : 'phishing'),
      score: top?.p ?? 0,
      reasons: top && top.p >= (model?.threshold ?? 1) ? [...ruleReasons, 'model'] : ruleReasons,
    };
  }
  const acts = page.signals.length > 0 || page.fields.some((f) => f.kind !== 'other');
  if (model && top && acts) {
    const supported = hits.some((h) => h.strength === 'support');
    const bar = supported ? model.threshold / 2 : model.threshold;
    if (top.p >= bar) {
      // The model's own scenario when it is sure; a rule's when the rule lifted it over the bar.
      const ruled = hits.find((h) => h.scenario)?.scenario;
      const scenario = top.p >= model.threshold || !ruled ? top.scenario : ruled;
      return { suspicious: true, scenario, score: top.p, reasons: [...ruleReasons, 'model'] };
    }
  }
  return { suspicious: false, scenario: null, score: top?.p ?? 0, reasons: ruleReasons };
}
